package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.outcomes.OutcomeReminder;

/**
 * Every Monday morning (Europe/London), e-mails each closed role's team how many of its applicants have not heard their
 * outcome, with a link to the page. One e-mail per role per UK week, however often it runs.
 */
public class OutcomeReminderHandler extends ScheduledJob {
    private final OutcomeReminder reminder;

    public OutcomeReminderHandler() {
        this(Beans.get(OutcomeReminder.class), Beans.get(Clock.class));
        Priming.register("OutcomeReminderFunction", this::prime);
    }

    public OutcomeReminderHandler(OutcomeReminder reminder, Clock clock) {
        super("outcome-reminder", clock);
        this.reminder = reminder;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        OutcomeReminder.Result result = reminder.run(now);
        // Role ids and counts only: nothing about any person.
        return Map.of("waiting", result.waiting(), "reminders", result.messageIds().size());
    }
}
