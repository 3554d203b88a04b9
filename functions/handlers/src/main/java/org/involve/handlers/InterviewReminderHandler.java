package org.involve.handlers;

import org.involve.core.interviews.ReminderRun;
import org.involve.core.outbox.MailQueue;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * On a schedule (09:00 daily, Europe/London), reminds everyone whose interview is the next UK day, once: by e-mail, or
 * through a task for the team when they asked for telephone or post. Running it again does nothing more.
 */
public class InterviewReminderHandler extends ScheduledJob {
    private final ReminderRun reminders;

    public InterviewReminderHandler() {
        this(Beans.get(ReminderRun.class), Beans.get(MailQueue.class), Beans.get(Clock.class));
    }

    public InterviewReminderHandler(ReminderRun reminders, MailQueue mailQueue, Clock clock) {
        super("interview-reminders", clock, mailQueue);
        this.reminders = reminders;
    }

    @Override
    protected Ran run(Instant now) {
        ReminderRun.Result result = reminders.run(now);
        return new Ran(result.messageIds(), Map.of("reminders", result.messageIds().size()));
    }
}
