package org.involve.core.interviews;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The interview reminder job (daily, UK time): reminds everyone whose interview is on one of the next
 * {@code leadDays} UK calendar days (1: tomorrow), or later today if it was booked after the last run. Days are
 * UK days, so a run on the day before the clocks change still covers the whole of the next day, 23 or 25 hours long.
 * Each slot is reminded once, whatever the number of runs: the reminder is written with the slot leaving the index.
 */
public final class ReminderRun {
    private final InterviewSchedule schedule;
    private final RoundApplications round;
    private final RoleReader roles;
    private final InterviewLetters letters;
    private final int leadDays;

    public ReminderRun(
            InterviewSchedule schedule,
            RoundApplications round,
            RoleReader roles,
            InterviewLetters letters,
            int leadDays) {
        if (leadDays < 1)
            throw new IllegalArgumentException("Reminders need at least a day's lead");
        this.schedule = schedule;
        this.round = round;
        this.roles = roles;
        this.letters = letters;
        this.leadDays = leadDays;
    }

    public record Result(List<String> messageIds) {}

    public Result run(Instant now) {
        List<String> written = new ArrayList<>();
        for (InterviewSlot slot : schedule.awaitingReminder(now, until(now, leadDays))) {
            Optional<Application> app =
                    round.find(slot.roleId(), slot.applicantKey(), Read.CONSISTENT);
            Optional<Role> role = roles.find(slot.roleId(), Read.EVENTUAL);
            // A booking since moved on (or an application erased) is not reminded.
            if (app.isEmpty()
                    || role.isEmpty()
                    || app.get().status() != Application.Status.INTERVIEW_BOOKED
                    || !InterviewFacts.of(app.get()).booked(slot)) continue;
            OutboxMessage m = letters.reminder(role.get(), app.get(), slot, now);
            if (schedule.remindOnce(slot, m)) written.add(m.id());
        }
        return new Result(written);
    }

    /** The end of the last UK day reminded: midnight UK time at the start of the day after it. */
    public static Instant until(Instant now, int leadDays) {
        return now.atZone(ClosingTime.UK)
                .toLocalDate()
                .plusDays(leadDays + 1L)
                .atStartOfDay(ClosingTime.UK)
                .toInstant();
    }
}
