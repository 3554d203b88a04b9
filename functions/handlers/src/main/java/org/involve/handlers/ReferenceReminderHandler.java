package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.references.ReferenceReminders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * Every morning (09:00, Europe/London): reminds referees who have not answered after the set number of days, up to the
 * set number of times, then tells the role's team. Running it again, or late, does what running it once does.
 */
public class ReferenceReminderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceReminderHandler.class);
    private final ReferenceReminders reminders;
    private final Clock clock;

    public ReferenceReminderHandler() {
        this(Beans.get(ReferenceReminders.class), Beans.get(Clock.class));
    }

    public ReferenceReminderHandler(ReferenceReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        ReferenceReminders.Result result = reminders.run(clock.instant());
        // Counts only: no referee, applicant or address.
        LOG.info("Reference reminders: {} referees reminded, {} references overdue told to teams", result.reminded(), result.overdue());
        return Map.of("reminded", result.reminded(), "overdue", result.overdue());
    }
}
