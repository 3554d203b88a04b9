package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.outcomes.OutcomeReminder;
import org.involve.core.outbox.MailQueue;
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
    private final MailQueue mailQueue;
    private final Clock clock;

    public OutcomeReminderHandler() {
        this(Beans.get(OutcomeReminder.class), Beans.get(MailQueue.class), Beans.get(Clock.class));
    }

    public OutcomeReminderHandler(OutcomeReminder reminder, MailQueue mailQueue, Clock clock) {
        this.reminder = reminder;
        this.mailQueue = mailQueue;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        OutcomeReminder.Result result = reminder.run(clock.instant());
        MailAnnouncements.announce(mailQueue, result.messageIds(), LOG);
        // Role ids and counts only: nothing about any person.
        LOG.info("Outcome reminder: applicants waiting by role {}, {} reminders written", result.waiting(), result.messageIds().size());
        return Map.of("waiting", result.waiting(), "reminders", result.messageIds().size());
    }
}
