package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.involve.core.interviews.ReminderRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;

/**
 * On a schedule (09:00 daily, Europe/London), reminds everyone whose interview is the next UK day, once: by e-mail, or
 * through a task for the team when they asked for telephone or post. Running it again does nothing more.
 */
public class InterviewReminderHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final Logger LOG = LoggerFactory.getLogger(InterviewReminderHandler.class);
    private final ReminderRun reminders;
    private final Clock clock;

    public InterviewReminderHandler() {
        this(Beans.get(ReminderRun.class), Beans.get(Clock.class));
    }

    public InterviewReminderHandler(ReminderRun reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> scheduled, Context context) {
        ReminderRun.Result result = reminders.run(clock.instant());
        LOG.info("Interview reminder job wrote {} reminders", result.messageIds().size());
        return Map.of("reminders", result.messageIds().size());
    }
}
