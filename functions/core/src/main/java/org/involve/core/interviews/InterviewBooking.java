package org.involve.core.interviews;

import static org.involve.core.interviews.Interviews.ADJUSTMENTS_LENGTH;
import static org.involve.core.interviews.Interviews.CHOSEN_SLOT;
import static org.involve.core.interviews.Interviews.GIVEN_ADJUSTMENTS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Read;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * An applicant books an interview time through the one-use link in their invitation. Opening the link only checks it;
 * booking spends it in the same transaction that takes the slot and moves the application, so a link books once and
 * a slot is booked once, however many times or places the form is sent from.
 */
public final class InterviewBooking {
    /** Who the audit trail says acted: the holder of the applicant's link (never their name). */
    static final String APPLICANT = InterviewFacts.APPLICANT_LINK;

    private final SignedLink links;
    private final RoleReader roles;
    private final RoundApplications round;
    private final InterviewSchedule schedule;
    private final InterviewLetters letters;
    private final Clock clock;

    public InterviewBooking(
            SignedLink links,
            RoleReader roles,
            RoundApplications round,
            InterviewSchedule schedule,
            InterviewLetters letters,
            Clock clock) {
        this.links = links;
        this.roles = roles;
        this.round = round;
        this.schedule = schedule;
        this.letters = letters;
        this.clock = clock;
    }

    /** What the link's page shows. */
    public sealed interface Page permits Refused, Choose, AlreadyBooked, Booked, Cancelled {}

    /** The link cannot be used: tampered, expired, for something else, or used. {@code role} is known when it was used. */
    public record Refused(LinkRefusal reason, Role role) implements Page {}

    /**
     * The form: the free times, and the adjustments question. {@code values} are what was sent (kept on a refusal);
     * {@code problem} says a chosen time has just been taken.
     */
    public record Choose(
            Role role,
            Application app,
            List<InterviewSlot> free,
            Map<String, String> values,
            FieldErrors errors,
            String problem)
            implements Page {
        Choose with(FieldErrors errors, String problem) {
            return new Choose(role, app, free, values, errors, problem);
        }
    }

    /** The link has been used: the interview it booked. */
    public record AlreadyBooked(Role role, Application app, InterviewSlot slot) implements Page {}

    /** Booked just now: {@code messageIds} the e-mails written (announced by the outbox as it wrote them). */
    public record Booked(Role role, Application app, InterviewSlot slot, List<String> messageIds)
            implements Page {}

    /**
     * Their booked time was cancelled just now and given back; {@code newLink} is a fresh booking link (until the same
     * deadline) to choose another time with, since the one used to book cannot book again.
     */
    public record Cancelled(Role role, Application app, InterviewSlot slot, String newLink)
            implements Page {}

    /**
     * Cancels the time booked through this link (while the link still works): the slot is freed and the application goes
     * back to invited, in one transaction, and the team is told. Then they can choose another time with a fresh link, or
     * leave it. Anything other than a booked time shows the link's page as it is.
     */
    public Page cancel(String token) {
        Instant now = clock.instant();
        LinkCheck check = links.verify(token, LinkPurpose.INTERVIEW_BOOKING, now);
        if (!(check instanceof LinkCheck.Valid valid))
            return new Refused(((LinkCheck.Refused) check).reason(), null);
        Page page = where(valid, now, Map.of(), null, null, true);
        if (!(page instanceof AlreadyBooked booked)) return page;
        Application app = booked.app();
        InterviewSlot slot = booked.slot();
        AuditEntry audit =
                new AuditEntry(
                        APPLICANT,
                        "interview time cancelled through the booking link",
                        "application:" + app.reference(),
                        now,
                        Status.INTERVIEW_BOOKED.name(),
                        Status.INVITED_TO_INTERVIEW.name());
        List<OutboxMessage> messages =
                List.of(letters.teamCancelled(booked.role(), app, slot, now));
        if (!schedule.release(
                slot,
                app,
                Status.INVITED_TO_INTERVIEW,
                FollowUpFacts.cancelled(now),
                audit,
                messages)) return where(valid, now, Map.of(), null, null, true);
        String fresh =
                links.issue(LinkPurpose.INTERVIEW_BOOKING, app.reference(), valid.expiresAt());
        return new Cancelled(booked.role(), app, slot, fresh);
    }

    public Page open(String token) {
        Instant now = clock.instant();
        LinkCheck check = links.verify(token, LinkPurpose.INTERVIEW_BOOKING, now);
        if (!(check instanceof LinkCheck.Valid valid))
            return new Refused(((LinkCheck.Refused) check).reason(), null);
        return where(valid, now, Map.of(), null, null, true);
    }

    public Page book(String token, Map<String, String> form) {
        Instant now = clock.instant();
        LinkCheck check = links.verify(token, LinkPurpose.INTERVIEW_BOOKING, now);
        if (!(check instanceof LinkCheck.Valid valid))
            return new Refused(((LinkCheck.Refused) check).reason(), null);
        Map<String, String> values =
                Map.of(
                        CHOSEN_SLOT,
                        form.getOrDefault(CHOSEN_SLOT, ""),
                        GIVEN_ADJUSTMENTS,
                        form.getOrDefault(GIVEN_ADJUSTMENTS, ""));
        Page page = where(valid, now, values, null, null, false);
        if (!(page instanceof Choose choose)) return page;

        FieldErrors errors = new FieldErrors();
        Optional<InterviewSlot> chosen =
                choose.free().stream()
                        .filter(s -> s.slotId().equals(values.get(CHOSEN_SLOT)))
                        .findFirst();
        // Only a time that was offered can have been taken meanwhile; anything else was not a
        // choice at all.
        boolean takenMeanwhile =
                chosen.isEmpty()
                        && !values.get(CHOSEN_SLOT).isEmpty()
                        && schedule.forRole(choose.app().roleId()).stream()
                                .anyMatch(s -> s.slotId().equals(values.get(CHOSEN_SLOT)));
        if (chosen.isEmpty())
            errors.add(
                    CHOSEN_SLOT,
                    Words.of("interviews")
                            .get(
                                    takenMeanwhile
                                            ? "field.slot.error.taken"
                                            : "field.slot.error.missing"));
        String adjustments = values.get(GIVEN_ADJUSTMENTS).strip();
        if (adjustments.length() > ADJUSTMENTS_LENGTH)
            errors.add(
                    GIVEN_ADJUSTMENTS,
                    Words.of("interviews")
                            .format("field.adjustments.error.tooLong", "max", ADJUSTMENTS_LENGTH));
        if (!errors.isEmpty()) return choose.with(errors, takenMeanwhile ? takenProblem() : null);

        Role role = choose.role();
        Application app = choose.app();
        InterviewSlot slot = chosen.get().bookedFor(app.reference(), app.applicantKey());
        List<OutboxMessage> messages = new ArrayList<>();
        if (Interviews.byEmail(app))
            messages.add(letters.confirmation(role, app, slot, adjustments, now));
        messages.add(letters.teamBooked(role, app, slot, adjustments, now));
        AuditEntry audit =
                new AuditEntry(
                        APPLICANT,
                        "interview booked through the booking link",
                        "application:" + app.reference(),
                        now,
                        Status.INVITED_TO_INTERVIEW.name(),
                        Status.INTERVIEW_BOOKED.name());
        var booking =
                new InterviewSchedule.Booking(
                        chosen.get(),
                        app,
                        valid.tokenId(),
                        now,
                        InterviewFacts.booked(slot, adjustments, now, APPLICANT).asFacts(),
                        audit,
                        messages);
        return switch (schedule.book(booking)) {
            case BOOKED ->
                    new Booked(role, app, slot, messages.stream().map(OutboxMessage::id).toList());
            case SLOT_TAKEN ->
                    where(
                            valid,
                            now,
                            values,
                            FieldErrors.of(
                                    CHOSEN_SLOT,
                                    Words.of("interviews").get("field.slot.error.taken")),
                            takenProblem(),
                            false);
            // A link that booked a time once, then cancelled it, cannot book again: say so plainly
            // (the cancel page
            // gave a fresh link).
            case LINK_USED -> new Refused(LinkRefusal.ALREADY_USED, role);
            case APPLICATION_MOVED -> where(valid, now, values, null, null, false);
        };
    }

    private static String takenProblem() {
        return Words.of("interviews").get("error.booking.takenMeanwhile");
    }

    /** What the link's application is ready for now: choosing a time, or nothing more (already booked or moved on). */
    private Page where(
            LinkCheck.Valid valid,
            Instant now,
            Map<String, String> values,
            FieldErrors errors,
            String problem,
            boolean fresh) {
        Optional<Application> found = round.findByReference(valid.subjectId(), Read.CONSISTENT);
        if (found.isEmpty()) return new Refused(LinkRefusal.TAMPERED, null);
        Application app = found.get();
        Optional<Role> role = roles.find(app.roleId(), Read.EVENTUAL);
        if (role.isEmpty()) return new Refused(LinkRefusal.TAMPERED, null);
        if (app.status() == Status.INTERVIEW_BOOKED) {
            Optional<InterviewSlot> slot =
                    schedule.forRole(app.roleId()).stream()
                            .filter(InterviewFacts.of(app)::booked)
                            .findFirst();
            if (slot.isPresent()) return new AlreadyBooked(role.get(), app, slot.get());
        }
        if (app.status() != Status.INVITED_TO_INTERVIEW)
            return new Refused(LinkRefusal.ALREADY_USED, role.get());
        List<InterviewSlot> free =
                schedule.forRole(app.roleId()).stream()
                        .filter(s -> s.free() && s.startsAt().isAfter(now))
                        .toList();
        Map<String, String> shown = values;
        // First visit: what they told us in their application is a starting point they can change.
        if (fresh) shown = Map.of(CHOSEN_SLOT, "", GIVEN_ADJUSTMENTS, app.answer("adjustments"));
        return new Choose(
                role.get(), app, free, shown, errors == null ? new FieldErrors() : errors, problem);
    }
}
