package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.references.ReferenceReminders;

/**
 * Every morning (09:00, Europe/London): reminds referees who have not answered after the set number of days, up to the
 * set number of times, then tells the role's team. Running it again, or late, does what running it once does.
 */
public class ReferenceReminderHandler extends ScheduledJob {
    private final ReferenceReminders reminders;

    public ReferenceReminderHandler() {
        this(Beans.get(ReferenceReminders.class), Beans.get(Clock.class));
        Priming.register("ReferenceReminderFunction", this::prime);
    }

    public ReferenceReminderHandler(ReferenceReminders reminders, Clock clock) {
        super("reference-reminders", clock);
        this.reminders = reminders;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        ReferenceReminders.Result result = reminders.run(now);
        // Counts only: no referee, applicant or address.
        return Map.of("reminded", result.reminded(), "overdue", result.overdue());
    }
}
