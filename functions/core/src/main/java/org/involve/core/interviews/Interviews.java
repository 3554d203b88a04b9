package org.involve.core.interviews;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.RoundApplications;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * A role's interviews as staff see them: the roles at interview stage, and for one role its interview times and who is
 * invited and booked (the board). Arranging them is {@link InterviewTimes}, {@link InterviewInvitations} and
 * {@link TeamBooking}, each working from this board. Staff only (MANAGE_INTERVIEWS).
 */
public final class Interviews {
    /** The staff page's slot form's fields. */
    public static final String DATE = "date", START = "startTime", LENGTH = "minutes";

    /** The booking form's fields (the applicant's and the team's). */
    public static final String CHOSEN_SLOT = "slot",
            GIVEN_ADJUSTMENTS = "adjustments",
            REFERENCE = "reference";

    public static final int ADJUSTMENTS_LENGTH = 1000;

    private final RoleReader roles;
    private final RoundApplications round;
    private final InterviewSchedule schedule;
    private final Clock clock;

    public Interviews(
            RoleReader roles, RoundApplications round, InterviewSchedule schedule, Clock clock) {
        this.roles = roles;
        this.round = round;
        this.schedule = schedule;
        this.clock = clock;
    }

    public static final class NoSuchRole extends org.involve.core.kit.NotFound {
        public NoSuchRole(String roleId) {
            super("No role " + roleId);
        }
    }

    /** An action that cannot be done now; the message says why, in plain words. */
    public static final class Refused extends org.involve.core.kit.Refused {
        public Refused(String message) {
            super(message);
        }
    }

    /** A role at interview stage, with how far its interviews have got. */
    public record Listed(Role role, int slots, int invited, int booked) {}

    /**
     * Roles at interview stage (shortlisting), soonest interview week first. A filled role is not listed: it is filled
     * once every applicant has an outcome (RoleFilling), so nobody is left to invite or book, and reading its round's
     * applications and slots would make this page cost every round ever filled.
     */
    public List<Listed> roles(StaffMember who) {
        who.require(Permission.MANAGE_INTERVIEWS);
        List<Listed> out = new ArrayList<>();
        for (Role r : roles.beingShortlisted()) {
            List<Application> apps = round.forRole(r.id());
            out.add(
                    new Listed(
                            r,
                            schedule.forRole(r.id()).size(),
                            (int)
                                    apps.stream()
                                            .filter(a -> a.status() == Status.INVITED_TO_INTERVIEW)
                                            .count(),
                            (int)
                                    apps.stream()
                                            .filter(a -> a.status() == Status.INTERVIEW_BOOKED)
                                            .count()));
        }
        out.sort(Comparator.comparing(l -> l.role().interviewWeekCommencing()));
        return out;
    }

    /**
     * A role's interviews: its slots, and its applicants by where they are. {@code toInvite}: invited to interview but
     * not yet sent anything; {@code awaitingBooking}: sent a link, not booked; {@code tasks}: the team is to book by
     * telephone or post; {@code booked}: booked (when, adjustments).
     */
    public record Board(
            Role role,
            List<InterviewSlot> slots,
            List<Application> toInvite,
            List<Application> awaitingBooking,
            List<Application> tasks,
            List<Application> booked,
            Instant bookBy,
            Instant now) {
        /** The version of the list of those to invite, which the invite button carries. */
        public String toInviteVersion() {
            return Application.versionOf(toInvite);
        }

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
        List<Application> toInvite = new ArrayList<>(),
                awaiting = new ArrayList<>(),
                tasks = new ArrayList<>(),
                booked = new ArrayList<>();
        for (Application a : round.forRole(roleId)) {
            if (a.status() == Status.INTERVIEW_BOOKED) booked.add(a);
            if (a.status() != Status.INVITED_TO_INTERVIEW) continue;
            InterviewFacts facts = InterviewFacts.of(a);
            if (!facts.invited()) toInvite.add(a);
            else if (facts.invitedByEmail()) awaiting.add(a);
            else tasks.add(a);
        }
        booked.sort(
                Comparator.comparing(
                        a -> InterviewFacts.of(a).startsAt(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Board(
                role,
                schedule.forRole(roleId),
                toInvite,
                awaiting,
                tasks,
                booked,
                bookBy(role),
                clock.instant());
    }

    /**
     * Booking links stop working when the interview week begins (00:00 UK time on its first day), so nobody books a time
     * the team has no warning of.
     */
    public static Instant bookBy(Role role) {
        return role.interviewWeekCommencing().atStartOfDay(ClosingTime.UK).toInstant();
    }

    static boolean byEmail(Application app) {
        return "email".equals(app.contactMethod())
                && !app.answer(org.involve.core.application.ApplicationForm.EMAIL).isBlank();
    }

    Role role(String roleId) {
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(() -> new NoSuchRole(roleId));
    }
}
