package org.involve.core.interviews;

import static org.involve.core.interviews.Interviews.DATE;
import static org.involve.core.interviews.Interviews.LENGTH;
import static org.involve.core.interviews.Interviews.START;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.UkTime;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff set a role's interview times: add a time in the interview week (a date, a UK start time, a length), or remove
 * one nobody has booked. Each change is written with its audit entry. Staff only (MANAGE_INTERVIEWS).
 */
public final class InterviewTimes {
    private static final Words WORDS = Words.of("interviews");
    private final Interviews interviews;
    private final InterviewSchedule schedule;
    private final Clock clock;

    public InterviewTimes(Interviews interviews, InterviewSchedule schedule, Clock clock) {
        this.interviews = interviews;
        this.schedule = schedule;
        this.clock = clock;
    }

    public sealed interface SlotResult permits Added, Invalid {}

    public record Added(InterviewSlot slot) implements SlotResult {}

    public record Invalid(FieldErrors errors) implements SlotResult {}

    /** Adds a slot from the staff form: a date in the interview week, a start time (UK), a length in minutes. */
    public SlotResult addSlot(StaffMember who, String roleId, Map<String, String> form) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Role role = interviews.role(roleId);
        Instant now = clock.instant();
        FieldErrors errors = new FieldErrors();
        LocalDate date = date(form, role, errors);
        LocalTime start = null;
        String typed = form.getOrDefault(START, "").strip();
        if (typed.isEmpty()) errors.add(START, WORDS.get("error.slot.startMissing"));
        else start = InterviewTime.parse(typed).orElse(null);
        if (!typed.isEmpty() && start == null)
            errors.add(START, WORDS.get("error.slot.startNotATime"));
        int minutes = 0;
        String length = form.getOrDefault(LENGTH, "").strip();
        if (!length.matches("\\d{1,3}")
                || (minutes = Integer.parseInt(length)) < InterviewSlot.SHORTEST_MINUTES
                || minutes > InterviewSlot.LONGEST_MINUTES) {
            errors.add(
                    LENGTH,
                    WORDS.format(
                            "error.slot.length",
                            "shortest",
                            InterviewSlot.SHORTEST_MINUTES,
                            "longest",
                            InterviewSlot.LONGEST_MINUTES));
        }
        if (!errors.isEmpty() || date == null || start == null) return new Invalid(errors);
        LocalDateTime at = LocalDateTime.of(date, start);
        if (!InterviewTime.exists(at)) {
            return new Invalid(
                    FieldErrors.of(
                            START,
                            WORDS.format(
                                    "error.slot.clocksGoForward",
                                    "time",
                                    UkTime.clock(start),
                                    "date",
                                    ClosingTime.displayDate(date))));
        }
        InterviewSlot slot = InterviewSlot.free(roleId, at, minutes);
        if (!slot.startsAt().isAfter(now))
            return new Invalid(FieldErrors.of(START, WORDS.get("error.slot.past")));
        for (InterviewSlot other : schedule.forRole(roleId)) {
            if (other.overlaps(slot))
                return new Invalid(
                        FieldErrors.of(
                                START,
                                WORDS.format("error.slot.overlaps", "other", other.describe())));
        }
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "interview slot added",
                        "role:" + roleId,
                        now,
                        null,
                        "slot " + slot.slotId() + " (" + minutes + " minutes)");
        if (!schedule.add(slot, audit))
            return new Invalid(FieldErrors.of(START, WORDS.get("error.slot.taken")));
        return new Added(slot);
    }

    /** The slot's day: a real date in the interview week (Monday to Sunday from its first day). */
    private static LocalDate date(Map<String, String> form, Role role, FieldErrors errors) {
        LocalDate first = role.interviewWeekCommencing(), last = first.plusDays(6);
        DateInput typed = DateInput.of(form, DATE);
        LocalDate date =
                typed.required(
                        errors,
                        WORDS,
                        "error.slot.date",
                        "example",
                        first.getDayOfMonth()
                                + " "
                                + first.getMonthValue()
                                + " "
                                + first.getYear());
        if (date != null && (date.isBefore(first) || date.isAfter(last))) {
            typed.reject(
                    errors,
                    WORDS.format(
                            "error.slot.dateOutsideWeek",
                            "first",
                            ClosingTime.displayDate(first),
                            "last",
                            ClosingTime.displayDate(last)));
            return null;
        }
        return date;
    }

    /** Removes a slot nobody has booked. */
    public void removeSlot(StaffMember who, String roleId, String slotId) {
        who.require(Permission.MANAGE_INTERVIEWS);
        interviews.role(roleId);
        InterviewSlot slot =
                schedule.forRole(roleId).stream()
                        .filter(s -> s.slotId().equals(slotId))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new Interviews.Refused(
                                                WORDS.get("error.remove.alreadyRemoved")));
        if (!slot.free()) throw new Interviews.Refused(WORDS.get("error.remove.booked"));
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "interview slot removed",
                        "role:" + roleId,
                        clock.instant(),
                        "slot " + slotId,
                        "removed");
        if (!schedule.removeFree(slot, audit))
            throw new Interviews.Refused(WORDS.get("error.remove.bookedJustNow"));
    }
}
