package org.involve.core.interviews;

import org.involve.core.application.Application.Status;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Read;
import org.involve.core.kit.UkTime;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Arranging a role's interviews, as staff do it: set the slots of the interview week, invite everyone invited to
 * interview (an e-mail with a one-use booking link, or a task for the team when they asked for telephone or post),
 * record a booking made by telephone, and see who is invited and booked. Staff only (MANAGE_INTERVIEWS).
 */
public final class Interviews {
    /** The facts this area records on an application. */
    public static final String INVITED_AT = "interview.invitedAt", INVITED_BY = "interview.invitedBy", LINK_EXPIRES_AT = "interview.linkExpiresAt",
            SLOT = "interview.slot", STARTS_AT = "interview.startsAt", MINUTES = "interview.minutes", ADJUSTMENTS = "interview.adjustments",
            BOOKED_AT = "interview.bookedAt", BOOKED_BY = "interview.bookedBy";
    /** How the invitation went: an e-mail with a link, or a task for the team to book by telephone or post. */
    public static final String BY_EMAIL = "email", BY_TEAM = "team";
    /** The slot form's fields. */
    public static final String DATE = "date", START = "startTime", LENGTH = "minutes";
    /** The booking form's fields (the applicant's and the team's). */
    public static final String CHOSEN_SLOT = "slot", GIVEN_ADJUSTMENTS = "adjustments", REFERENCE = "reference";
    public static final int ADJUSTMENTS_LENGTH = 1000;

    private final RoleReader roles;
    private final RoundApplications round;
    private final InterviewSchedule schedule;
    private final SignedLink links;
    private final InterviewLetters letters;
    private final Clock clock;
    private final String siteUrl;

    public Interviews(RoleReader roles, RoundApplications round, InterviewSchedule schedule, SignedLink links, InterviewLetters letters,
                      Clock clock, String siteUrl) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+")) throw new IllegalArgumentException("The site address must be an http(s) address");
        this.roles = roles;
        this.round = round;
        this.schedule = schedule;
        this.links = links;
        this.letters = letters;
        this.clock = clock;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    public static final class NoSuchRole extends RuntimeException {
        public NoSuchRole(String roleId) {
            super("No role " + roleId);
        }
    }

    /** An action that cannot be done now; the message says why, in plain words. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A role at interview stage, with how far its interviews have got. */
    public record Listed(Role role, int slots, int invited, int booked) {}

    /** Roles past their closing date (shortlisting or filled), those with interviews to arrange first. */
    public List<Listed> roles(StaffMember who) {
        who.require(Permission.MANAGE_INTERVIEWS);
        List<Listed> out = new ArrayList<>();
        for (Role r : roles.all()) {
            if (r.status() != RoleStatus.SHORTLISTING && r.status() != RoleStatus.FILLED) continue;
            List<Application> apps = round.forRole(r.id());
            out.add(new Listed(r, schedule.forRole(r.id()).size(),
                    (int) apps.stream().filter(a -> a.status() == Status.INVITED_TO_INTERVIEW).count(),
                    (int) apps.stream().filter(a -> a.status() == Status.INTERVIEW_BOOKED).count()));
        }
        out.sort(Comparator.comparing((Listed l) -> l.role().status() != RoleStatus.SHORTLISTING).thenComparing(l -> l.role().interviewWeekCommencing()));
        return out;
    }

    /**
     * A role's interviews: its slots, and its applicants by where they are. {@code toInvite}: invited to interview but
     * not yet sent anything; {@code awaitingBooking}: sent a link, not booked; {@code tasks}: the team is to book by
     * telephone or post; {@code booked}: booked (when, adjustments).
     */
    public record Board(Role role, List<InterviewSlot> slots, List<Application> toInvite, List<Application> awaitingBooking,
                        List<Application> tasks, List<Application> booked, Instant bookBy, Instant now) {
        public List<InterviewSlot> freeSlots() {
            return slots.stream().filter(s -> s.free() && s.startsAt().isAfter(now)).toList();
        }

        public Optional<InterviewSlot> slot(String slotId) {
            return slots.stream().filter(s -> s.slotId().equals(slotId)).findFirst();
        }

        /** Everyone invited who has not booked: the team may book a time for any of them. */
        public List<Application> unbooked() {
            List<Application> all = new ArrayList<>(tasks);
            all.addAll(awaitingBooking);
            return all;
        }
    }

    public Board board(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Role role = role(roleId);
        List<Application> toInvite = new ArrayList<>(), awaiting = new ArrayList<>(), tasks = new ArrayList<>(), booked = new ArrayList<>();
        for (Application a : round.forRole(roleId)) {
            if (a.status() == Status.INTERVIEW_BOOKED) booked.add(a);
            if (a.status() != Status.INVITED_TO_INTERVIEW) continue;
            if (a.progress(INVITED_AT).isEmpty()) toInvite.add(a);
            else if (BY_EMAIL.equals(a.progress(INVITED_BY))) awaiting.add(a);
            else tasks.add(a);
        }
        booked.sort(Comparator.comparing(a -> a.progress(STARTS_AT)));
        return new Board(role, schedule.forRole(roleId), toInvite, awaiting, tasks, booked, bookBy(role), clock.instant());
    }

    public sealed interface SlotResult permits Added, Invalid {}

    public record Added(InterviewSlot slot) implements SlotResult {}

    public record Invalid(FieldErrors errors) implements SlotResult {}

    /** Adds a slot from the staff form: a date in the interview week, a start time (UK), a length in minutes. */
    public SlotResult addSlot(StaffMember who, String roleId, Map<String, String> form) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Role role = role(roleId);
        Instant now = clock.instant();
        FieldErrors errors = new FieldErrors();
        LocalDate date = date(form, role, errors);
        LocalTime start = null;
        String typed = form.getOrDefault(START, "").strip();
        if (typed.isEmpty()) errors.add(START, "Enter the start time, like 10:30 or 2:30pm");
        else start = InterviewTime.parse(typed).orElse(null);
        if (!typed.isEmpty() && start == null) errors.add(START, "Enter the start time as a time of day, like 10:30 or 2:30pm");
        int minutes = 0;
        String length = form.getOrDefault(LENGTH, "").strip();
        if (!length.matches("\\d{1,3}") || (minutes = Integer.parseInt(length)) < InterviewSlot.SHORTEST_MINUTES || minutes > InterviewSlot.LONGEST_MINUTES) {
            errors.add(LENGTH, "Enter how long the interview lasts, in minutes, from " + InterviewSlot.SHORTEST_MINUTES + " to " + InterviewSlot.LONGEST_MINUTES);
        }
        if (!errors.isEmpty() || date == null || start == null) return new Invalid(errors);
        LocalDateTime at = LocalDateTime.of(date, start);
        if (!InterviewTime.exists(at)) {
            return new Invalid(FieldErrors.of(START, "There is no " + UkTime.clock(start) + " on " + ClosingTime.displayDate(date)
                    + " in the UK, because the clocks go forward an hour that night. Choose another time"));
        }
        InterviewSlot slot = InterviewSlot.free(roleId, at, minutes);
        if (!slot.startsAt().isAfter(now)) return new Invalid(FieldErrors.of(START, "The interview must start in the future"));
        for (InterviewSlot other : schedule.forRole(roleId)) {
            if (other.overlaps(slot)) return new Invalid(FieldErrors.of(START, "This overlaps the interview at " + other.describe() + ". Choose another time"));
        }
        AuditEntry audit = AuditEntry.by(who, "interview slot added", "role:" + roleId, now, null, "slot " + slot.slotId() + " (" + minutes + " minutes)");
        if (!schedule.add(slot, audit)) return new Invalid(FieldErrors.of(START, "There is already an interview at this time. Choose another time"));
        return new Added(slot);
    }

    private static LocalDate date(Map<String, String> form, Role role, FieldErrors errors) {
        String d = form.getOrDefault(DATE + "-day", "").strip(), m = form.getOrDefault(DATE + "-month", "").strip(), y = form.getOrDefault(DATE + "-year", "").strip();
        String anchor = DATE + "-day";
        LocalDate first = role.interviewWeekCommencing(), last = first.plusDays(6);
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            errors.add(anchor, "Enter the date of the interview");
            return null;
        }
        LocalDate date = null;
        if (d.matches("\\d{1,2}") && m.matches("\\d{1,2}") && y.matches("\\d{4}")) {
            try {
                date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
            } catch (DateTimeException notADate) {
                date = null;
            }
        }
        if (date == null) {
            errors.add(anchor, "The date of the interview must be a real date, like " + first.getDayOfMonth() + " " + first.getMonthValue() + " " + first.getYear());
        } else if (date.isBefore(first) || date.isAfter(last)) {
            errors.add(anchor, "The date must be in the interview week, " + ClosingTime.displayDate(first) + " to " + ClosingTime.displayDate(last));
            return null;
        }
        return date;
    }

    /** Removes a slot nobody has booked. */
    public void removeSlot(StaffMember who, String roleId, String slotId) {
        who.require(Permission.MANAGE_INTERVIEWS);
        role(roleId);
        InterviewSlot slot = schedule.forRole(roleId).stream().filter(s -> s.slotId().equals(slotId)).findFirst()
                .orElseThrow(() -> new Refused("That interview time has already been removed."));
        if (!slot.free()) throw new Refused("That interview time is booked, so it cannot be removed. Contact the applicant first.");
        AuditEntry audit = AuditEntry.by(who, "interview slot removed", "role:" + roleId, clock.instant(), "slot " + slotId, "removed");
        if (!schedule.removeFree(slot, audit)) throw new Refused("That interview time was booked a moment ago, so it cannot be removed.");
    }

    /** @param messageIds e-mails written (announced by the outbox as it wrote them) */
    public record Sent(int emails, int tasks, List<String> messageIds) {}

    /**
     * Invites everyone invited to interview who has not been sent anything yet. Each application's invitation is
     * written with its facts and audit entry, on condition it has not been invited before, so sending twice sends once.
     */
    public Sent sendInvitations(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Board board = board(who, roleId);
        Role role = board.role();
        Instant now = board.now();
        List<InterviewSlot> free = board.freeSlots();
        if (board.toInvite().isEmpty()) throw new Refused("Everyone invited to interview has already been sent an invitation.");
        if (free.isEmpty()) throw new Refused("Add at least one interview time before sending invitations.");
        boolean anyByEmail = board.toInvite().stream().anyMatch(Interviews::byEmail);
        if (anyByEmail && !now.isBefore(board.bookBy())) {
            throw new Refused("The interview week has started, so booking links would no longer work. Contact the applicants to agree a time, then record each booking below.");
        }
        int emails = 0, tasks = 0;
        List<String> ids = new ArrayList<>();
        for (Application app : board.toInvite()) {
            Map<String, String> facts = new HashMap<>(Map.of(INVITED_AT, now.toString()));
            OutboxMessage m;
            String what;
            if (byEmail(app)) {
                String token = links.issue(LinkPurpose.INTERVIEW_BOOKING, app.reference(), board.bookBy());
                m = letters.invitation(role, app, free, siteUrl + "/interview/" + token, board.bookBy(), now);
                facts.put(INVITED_BY, BY_EMAIL);
                facts.put(LINK_EXPIRES_AT, board.bookBy().toString());
                what = "interview invitation e-mailed";
            } else {
                m = letters.bookingTask(role, app, now);
                facts.put(INVITED_BY, BY_TEAM);
                what = "interview booking task set for the team (" + app.contactMethod() + ")";
            }
            AuditEntry audit = AuditEntry.by(who, what, "application:" + app.reference(), now, app.status().name(), app.status().name());
            if (schedule.invite(app, facts, audit, List.of(m))) {
                ids.add(m.id());
                if (byEmail(app)) emails++;
                else tasks++;
            }
        }
        return new Sent(emails, tasks, ids);
    }

    /**
     * Booking links stop working when the interview week begins (00:00 UK time on its first day), so nobody books a time
     * the team has no warning of.
     */
    public static Instant bookBy(Role role) {
        return role.interviewWeekCommencing().atStartOfDay(ClosingTime.UK).toInstant();
    }

    static boolean byEmail(Application app) {
        return "email".equals(app.contactMethod()) && !app.answer(org.involve.core.application.ApplicationForm.EMAIL).isBlank();
    }

    public sealed interface BookingResult permits BookedByTeam, BookingInvalid {}

    public record BookedByTeam(Application app, InterviewSlot slot) implements BookingResult {}

    public record BookingInvalid(FieldErrors errors) implements BookingResult {}

    /**
     * The team records a time agreed with an applicant by telephone (their task done, or instead of a link): the slot
     * becomes theirs and the application moves to INTERVIEW_BOOKED with the adjustments staff entered.
     */
    public BookingResult bookForApplicant(StaffMember who, String roleId, Map<String, String> form) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Board board = board(who, roleId);
        FieldErrors errors = new FieldErrors();
        String reference = form.getOrDefault(REFERENCE, "");
        Application app = board.unbooked().stream().filter(a -> a.reference().equals(reference)).findFirst().orElse(null);
        if (app == null) errors.add(REFERENCE, "Select the applicant you have agreed a time with");
        InterviewSlot slot = board.freeSlots().stream().filter(s -> s.slotId().equals(form.getOrDefault(CHOSEN_SLOT, ""))).findFirst().orElse(null);
        if (slot == null) errors.add(CHOSEN_SLOT, "Select a free interview time");
        String adjustments = form.getOrDefault(GIVEN_ADJUSTMENTS, "").strip();
        if (adjustments.length() > ADJUSTMENTS_LENGTH) errors.add(GIVEN_ADJUSTMENTS, "Adjustments must be " + ADJUSTMENTS_LENGTH + " characters or fewer");
        if (!errors.isEmpty()) return new BookingInvalid(errors);
        Instant now = board.now();
        AuditEntry audit = AuditEntry.by(who, "interview booked by the team", "application:" + app.reference(), now,
                Status.INVITED_TO_INTERVIEW.name(), Status.INTERVIEW_BOOKED.name());
        var booking = new InterviewSchedule.Booking(slot, app, null, now, bookingFacts(slot, adjustments, now, who.id()), audit, List.of());
        return switch (schedule.book(booking)) {
            case BOOKED -> new BookedByTeam(app, slot);
            case SLOT_TAKEN -> new BookingInvalid(FieldErrors.of(CHOSEN_SLOT, "That time was booked a moment ago. Select another time"));
            case LINK_USED, APPLICATION_MOVED -> new BookingInvalid(FieldErrors.of(REFERENCE, "That applicant has just booked a time themselves"));
        };
    }

    static Map<String, String> bookingFacts(InterviewSlot slot, String adjustments, Instant now, String bookedBy) {
        return Map.of(SLOT, slot.slotId(), STARTS_AT, slot.startsAt().toString(), MINUTES, String.valueOf(slot.minutes()),
                ADJUSTMENTS, adjustments, BOOKED_AT, now.toString(), BOOKED_BY, bookedBy);
    }

    private Role role(String roleId) {
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(() -> new NoSuchRole(roleId));
    }
}
