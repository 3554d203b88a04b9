package org.involve.core.outcomes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleEditor;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Every applicant hears: staff send the unsuccessful outcomes of a role in one action (e-mails, or tasks for staff
 * when the applicant asked for telephone or post), mark those tasks done, and see every applicant of a closed role
 * still without an outcome. Each outcome is recorded once, whatever the retries.
 */
public final class Outcomes {
    private final RoleEditor roles;
    private final RoundApplications round;
    private final AwaitingOutcomes awaiting;
    private final OutcomeRecords records;
    private final OutcomeLetters letters;
    private final RoleFilling filling;
    private final Clock clock;

    public Outcomes(
            RoleEditor roles,
            RoundApplications round,
            AwaitingOutcomes awaiting,
            OutcomeRecords records,
            OutcomeLetters letters,
            Clock clock) {
        this.roles = roles;
        this.round = round;
        this.awaiting = awaiting;
        this.records = records;
        this.letters = letters;
        this.filling = new RoleFilling(roles, round);
        this.clock = clock;
    }

    public static final class NoSuchRole extends org.involve.core.kit.NotFound {
        public NoSuchRole() {
            super("No such role");
        }
    }

    /** A role's applicants by where their outcome stands. */
    public record RoleOutcomes(
            Role role,
            List<Application> toSend,
            List<Application> tasks,
            List<Application> stillInRound,
            List<Application> heard) {
        /** Those on the reserve list (successful at interview, no place left): still in the round. */
        public List<Application> reserve() {
            return stillInRound.stream()
                    .filter(a -> a.status() == Application.Status.RESERVE)
                    .toList();
        }

        /** The next step for one of the applicants still to hear. */
        public NextStep next(Application a) {
            return NextStep.of(role, a);
        }

        /** The version of the reserve list, which the button closing it carries. */
        public String reserveVersion() {
            return Application.versionOf(reserve());
        }

        /** The version of the list of outcomes to send, which the page confirming the send carries. */
        public String toSendVersion() {
            return Application.versionOf(toSend);
        }
    }

    /** @param messageIds the messages written (announced by the outbox as it wrote them) */
    public record Sent(int emails, int tasks, List<String> messageIds) {}

    /** An applicant of a closed role who has not heard. */
    public record Waiting(Role role, Application application, long daysSinceClosing) {}

    /** Not shortlisted or not appointed, and no outcome written yet. */
    public static boolean owedUnsuccessful(Application a) {
        return (a.status() == Application.Status.NOT_SHORTLISTED
                        || a.status() == Application.Status.NOT_APPOINTED)
                && !OutcomeFacts.decided(a);
    }

    /** As {@link #owedUnsuccessful(Application)}; and when the role was withdrawn, everyone without an outcome. */
    public static boolean owedUnsuccessful(Role role, Application a) {
        if (role.status() == RoleStatus.WITHDRAWN) return !OutcomeFacts.decided(a);
        return owedUnsuccessful(a);
    }

    public RoleOutcomes forRole(StaffMember who, String roleId) {
        who.require(Permission.SEND_OUTCOMES);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NoSuchRole::new);
        List<Application> toSend = new ArrayList<>(),
                tasks = new ArrayList<>(),
                inRound = new ArrayList<>(),
                heard = new ArrayList<>();
        for (Application a : round.forRole(roleId)) {
            if (owedUnsuccessful(role, a)) toSend.add(a);
            else if (OutcomeFacts.taskOpen(a)) tasks.add(a);
            else if (OutcomeFacts.heard(a)) heard.add(a);
            else inRound.add(a);
        }
        return new RoleOutcomes(role, toSend, tasks, inRound, heard);
    }

    /**
     * Writes every unsuccessful outcome the role still owes, if they are still exactly those the confirming page
     * listed ({@code version}, from {@link RoleOutcomes#toSendVersion}). Sending twice sends once: with nothing left
     * to send, a second press is answered with nothing sent.
     */
    public Sent sendUnsuccessful(StaffMember who, String roleId, String version) {
        who.require(Permission.SEND_OUTCOMES);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NoSuchRole::new);
        Instant now = clock.instant();
        int emails = 0, tasks = 0;
        List<String> ids = new ArrayList<>();
        List<Application> owed =
                round.forRole(roleId).stream().filter(a -> owedUnsuccessful(role, a)).toList();
        if (!owed.isEmpty()) Application.unchangedSince(owed, version);
        for (Application a : owed) {
            OutboxMessage m = letters.unsuccessful(role, a, now);
            boolean email = OutcomeFacts.byEmail(a);
            String what = role.status() == RoleStatus.WITHDRAWN ? "role withdrawn" : "unsuccessful";
            AuditEntry audit =
                    AuditEntry.by(
                            who,
                            email
                                    ? "sent the " + what + " outcome by email"
                                    : "asked staff to give the "
                                            + what
                                            + " outcome by "
                                            + a.contactMethod(),
                            "application:" + a.reference(),
                            now,
                            a.status().name(),
                            "outcome " + OutcomeFacts.UNSUCCESSFUL);
            if (!records.recordOnce(
                    a,
                    OutcomeFacts.DECIDED_MARK,
                    OutcomeFacts.decidedFacts(a, OutcomeFacts.UNSUCCESSFUL, now),
                    audit,
                    List.of(m))) continue;
            ids.add(m.id());
            if (email) emails++;
            else tasks++;
        }
        filling.fillIfEveryoneHasAnOutcome(roleId, who, now);
        return new Sent(emails, tasks, ids);
    }

    /**
     * Closes the role's reserve list: everyone on it is told kindly that no place came up (an e-mail, or a task for
     * staff), each in one step with the move to NOT_APPOINTED and its audit entry, if the list is still exactly the one
     * the page showed ({@code version}, from {@link RoleOutcomes#reserveVersion}); otherwise {@link
     * Application.ChangedMeanwhile} and nobody is told. Closing twice closes once: with nobody left on the list, a
     * second press is answered with nothing sent.
     */
    public Sent closeReserveList(StaffMember who, String roleId, String version) {
        who.require(Permission.SEND_OUTCOMES);
        List<Application> onList = forRole(who, roleId).reserve();
        if (!onList.isEmpty()) Application.unchangedSince(onList, version);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NoSuchRole::new);
        Instant now = clock.instant();
        int emails = 0, tasks = 0;
        List<String> ids = new ArrayList<>();
        for (Application a : round.forRole(roleId)) {
            if (a.status() != Application.Status.RESERVE || OutcomeFacts.decided(a)) continue;
            java.util.Map<String, String> facts =
                    new java.util.HashMap<>(
                            OutcomeFacts.decidedFacts(a, OutcomeFacts.UNSUCCESSFUL, now));
            facts.putAll(OutcomeFacts.reserveClosed(now));
            Application closed = a.after(Application.Status.NOT_APPOINTED, facts);
            OutboxMessage m = letters.unsuccessful(role, closed, now);
            boolean email = OutcomeFacts.byEmail(a);
            AuditEntry audit =
                    AuditEntry.by(
                            who,
                            email
                                    ? "closed the reserve list and sent the outcome by email"
                                    : "closed the reserve list and asked staff to give the outcome"
                                            + " by "
                                            + a.contactMethod(),
                            "application:" + a.reference(),
                            now,
                            a.status().name(),
                            Application.Status.NOT_APPOINTED.name());
            if (!round.advance(a, Application.Status.NOT_APPOINTED, facts, audit, List.of(m)))
                continue; // offered a place, or closed by someone else, this moment
            ids.add(m.id());
            if (email) emails++;
            else tasks++;
        }
        filling.fillIfEveryoneHasAnOutcome(roleId, who, now);
        return new Sent(emails, tasks, ids);
    }

    /**
     * Staff have telephoned or written: the applicant has heard. Marking it twice records it once; marking it from a
     * page read before someone else changed the application ({@code version}) records nothing.
     */
    public boolean markTaskDone(StaffMember who, String roleId, String reference, String version) {
        who.require(Permission.SEND_OUTCOMES);
        Application a =
                round.findByReference(reference, Read.CONSISTENT)
                        .filter(x -> x.roleId().equals(roleId))
                        .orElseThrow(NoSuchRole::new);
        if (!OutcomeFacts.taskOpen(a)) return false;
        a.unchangedSince(version);
        Instant now = clock.instant();
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "gave the "
                                + OutcomeFacts.of(a).outcome()
                                + " outcome by "
                                + a.contactMethod(),
                        "application:" + reference,
                        now,
                        "outcome task open",
                        "outcome " + OutcomeFacts.of(a).outcome() + " told");
        return records.recordOnce(
                a,
                OutcomeFacts.HEARD_MARK,
                OutcomeFacts.toldByStaff(now, who.id()),
                audit,
                List.of());
    }

    /** Every applicant of every closed role who has not heard, longest waiting first. */
    public List<Waiting> withoutOutcome(StaffMember who) {
        who.require(Permission.SEND_OUTCOMES);
        return waiting(roles, awaiting, clock.instant());
    }

    /**
     * The applications still awaiting an outcome (never those who have heard) of the roles closed by {@code now} or
     * withdrawn, submitted by then. The roles come from their status ({@link RoleReader#closedBy}, {@link RoleReader#withdrawn}), and only
     * theirs are asked for, so applications to roles still open are never read, however many there are.
     */
    static List<Waiting> waiting(RoleReader roles, AwaitingOutcomes awaiting, Instant now) {
        Map<String, Role> owing = new LinkedHashMap<>();
        for (Role role : roles.closedBy(now)) owing.putIfAbsent(role.id(), role);
        for (Role role : roles.withdrawn()) owing.putIfAbsent(role.id(), role);
        List<Waiting> out = new ArrayList<>();
        for (Role role : owing.values()) {
            if (!owesOutcomes(role, now)) continue;
            // Calendar days in the UK, not 24-hour periods: the morning after the closing date is
            // "yesterday".
            long days = Math.max(0, role.closingTime().daysSinceClosingDate(now));
            for (Application a : awaiting.awaitingOutcome(role.id())) {
                if (OutcomeFacts.heard(a)) continue; // the index may lag the step that told them
                // As of now: a run for a time before the application (SnapStart's priming runs the
                // job as of 2000) does not see it.
                if (a.submittedAt().isAfter(now)) continue;
                out.add(new Waiting(role, a, days));
            }
        }
        out.sort(
                Comparator.comparingLong(Waiting::daysSinceClosing)
                        .reversed()
                        .thenComparing(w -> w.role().id())
                        .thenComparing(w -> w.application().submittedAt()));
        return out;
    }

    /**
     * Closed by {@code now} (whatever the closing job has done yet), or withdrawn: everyone who applied to a withdrawn
     * role is told too. A role extended past {@code now} is still taking applications.
     */
    static boolean owesOutcomes(Role role, Instant now) {
        return switch (role.status()) {
            case WITHDRAWN, SHORTLISTING, FILLED -> true;
            case OPEN -> !role.closingTime().isOpenAt(now);
            default -> false;
        };
    }
}
