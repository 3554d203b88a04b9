package org.involve.handlers;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.involve.core.interviews.BookingReminders;
import org.involve.core.interviews.ReminderRun;

/**
 * On a schedule (09:00 daily, Europe/London), reminds everyone whose interview is the next UK day, once: by e-mail, or
 * through a task for the team when they asked for telephone or post; and reminds once each applicant invited by e-mail
 * who has not booked, a few days before the booking deadline ({@link BookingReminders}). Running it again does nothing
 * more.
 */
public class InterviewReminderHandler extends ScheduledJob {
    private final ReminderRun reminders;
    private final BookingReminders bookingReminders;

    public InterviewReminderHandler() {
        this(
                Beans.get(ReminderRun.class),
                Beans.get(BookingReminders.class),
                Beans.get(Clock.class));
        Priming.register("InterviewReminderFunction", this::prime);
    }

    public InterviewReminderHandler(
            ReminderRun reminders, BookingReminders bookingReminders, Clock clock) {
        super("interview-reminders", clock);
        this.reminders = reminders;
        this.bookingReminders = bookingReminders;
    }

    @Override
    protected Map<String, Object> run(Instant now) {
        ReminderRun.Result result = reminders.run(now);
        BookingReminders.Result toBook = bookingReminders.run(now);
        return Map.of("reminders", result.messageIds().size(), "remindedToBook", toBook.reminded());
    }
}
