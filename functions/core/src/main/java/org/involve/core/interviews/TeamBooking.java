package org.involve.core.interviews;

import static org.involve.core.interviews.Interviews.ADJUSTMENTS_LENGTH;
import static org.involve.core.interviews.Interviews.CHOSEN_SLOT;
import static org.involve.core.interviews.Interviews.GIVEN_ADJUSTMENTS;
import static org.involve.core.interviews.Interviews.REFERENCE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The team records a time agreed with an applicant by telephone or post (their task done, or instead of a link): the
 * slot becomes theirs and the application moves to INTERVIEW_BOOKED with the adjustments staff entered. Staff only
 * (MANAGE_INTERVIEWS).
 */
public final class TeamBooking {
    private static final Words WORDS = Words.of("interviews");
    private final Interviews interviews;
    private final InterviewSchedule schedule;

    public TeamBooking(Interviews interviews, InterviewSchedule schedule) {
        this.interviews = interviews;
        this.schedule = schedule;
    }

    public sealed interface BookingResult permits BookedByTeam, BookingInvalid {}

    public record BookedByTeam(Application app, InterviewSlot slot) implements BookingResult {}

    public record BookingInvalid(FieldErrors errors) implements BookingResult {}

    /**
     * The field the booking form carries the version of one applicant it lists in: the form names the applicant, so it
     * carries each one's version as the page read it.
     */
    public static String versionField(String reference) {
        return Version.FIELD + "-" + reference;
    }

    public BookingResult bookForApplicant(
            StaffMember who, String roleId, Map<String, String> form) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Interviews.Board board = interviews.board(who, roleId);
        FieldErrors errors = new FieldErrors();
        String reference = form.getOrDefault(REFERENCE, "");
        Application app =
                board.unbooked().stream()
                        .filter(a -> a.reference().equals(reference))
                        .findFirst()
                        .orElse(null);
        if (app == null) errors.add(REFERENCE, WORDS.get("error.teamBooking.applicant"));
        else app.unchangedSince(form.get(versionField(reference)));
        InterviewSlot slot =
                board.freeSlots().stream()
                        .filter(s -> s.slotId().equals(form.getOrDefault(CHOSEN_SLOT, "")))
                        .findFirst()
                        .orElse(null);
        if (slot == null) errors.add(CHOSEN_SLOT, WORDS.get("error.teamBooking.slot"));
        String adjustments = form.getOrDefault(GIVEN_ADJUSTMENTS, "").strip();
        if (adjustments.length() > ADJUSTMENTS_LENGTH)
            errors.add(
                    GIVEN_ADJUSTMENTS,
                    WORDS.format(
                            "error.teamBooking.adjustmentsTooLong", "length", ADJUSTMENTS_LENGTH));
        if (!errors.isEmpty()) return new BookingInvalid(errors);
        Instant now = board.now();
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "interview booked by the team",
                        "application:" + app.reference(),
                        now,
                        Status.INVITED_TO_INTERVIEW.name(),
                        Status.INTERVIEW_BOOKED.name());
        var booking =
                new InterviewSchedule.Booking(
                        slot,
                        app,
                        null,
                        now,
                        InterviewFacts.booked(slot, adjustments, now, who.id()).asFacts(),
                        audit,
                        List.of());
        return switch (schedule.book(booking)) {
            case BOOKED -> new BookedByTeam(app, slot);
            case SLOT_TAKEN ->
                    new BookingInvalid(
                            FieldErrors.of(CHOSEN_SLOT, WORDS.get("error.teamBooking.slotTaken")));
            case LINK_USED, APPLICATION_MOVED ->
                    new BookingInvalid(
                            FieldErrors.of(
                                    REFERENCE, WORDS.get("error.teamBooking.bookedThemselves")));
        };
    }
}
