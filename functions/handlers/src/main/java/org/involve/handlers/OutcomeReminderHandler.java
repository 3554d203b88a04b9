package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.outcomes.OutcomeReminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * Every Monday morning (Europe/London), e-mails each closed role's team how many of its applicants have not heard their
 * outcome, with a link to the page. One e-mail per role per UK week, however often it runs.
 */
public class OutcomeReminderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeReminderHandler.class);
    private final OutcomeReminder reminder;
    private final Clock clock;

    public OutcomeReminderHandler() {
        this(Beans.get(OutcomeReminder.class), Beans.get(Clock.class));
    }

    public OutcomeReminderHandler(OutcomeReminder reminder, Clock clock) {
        this.reminder = reminder;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        OutcomeReminder.Result result = reminder.run(clock.instant());
        // Role ids and counts only: nothing about any person.
        LOG.info("Outcome reminder: applicants waiting by role {}, {} reminders written", result.waiting(), result.messageIds().size());
        return Map.of("waiting", result.waiting(), "reminders", result.messageIds().size());
    }
}
