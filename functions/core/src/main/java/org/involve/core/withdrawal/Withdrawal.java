package org.involve.core.withdrawal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * An applicant withdraws their application, through the link in any e-mail they got (after a confirmation page), or
 * staff record that they withdrew by telephone or post. The application moves to WITHDRAWN with its audit entry, any
 * interview time they booked is freed in the same transaction, and a confirmation (with the team's contact) and a note
 * to the team go through the outbox. Reference requests still open are no longer chased: the reminder job stops
 * chasing any application that is not waiting for references. Withdrawing twice is harmless: the second time finds it
 * withdrawn and writes nothing. Once an outcome has been decided (or they are appointed) it is too late here; the page
 * says to contact the team.
 */
public final class Withdrawal {
    /** How staff heard: the form's field and its answers. */
    public static final String HOW = "how";

    public static final List<String> STAFF_WAYS = List.of("telephone", "post", "email");

    private final SignedLink links;
    private final RoleReader roles;
    private final RoundApplications round;
    private final InterviewSchedule schedule;
    private final WithdrawalLetters letters;
    private final Clock clock;

    public Withdrawal(
            SignedLink links,
            RoleReader roles,
            RoundApplications round,
            InterviewSchedule schedule,
            WithdrawalLetters letters,
            Clock clock) {
        this.links = links;
        this.roles = roles;
        this.round = round;
        this.schedule = schedule;
        this.letters = letters;
        this.clock = clock;
    }

    /** What the withdrawal page shows. */
    public sealed interface Page permits Refused, Confirm, Withdrawn, TooLate {}

    /** The link cannot be used: tampered, expired or for something else. */
    public record Refused(LinkRefusal reason) implements Page {
        public String message() {
            return reason.message();
        }
    }

    /** Asks them to confirm. */
    public record Confirm(Role role, Application app) implements Page {}

    /** Withdrawn: {@code justNow} when this request did it, false when it already was. */
    public record Withdrawn(Role role, Application app, boolean justNow) implements Page {}

    /** Already has an outcome (or ended another way): nothing to withdraw here, contact the team. */
    public record TooLate(Role role, Application app) implements Page {}

    public Page open(String token) {
        Instant now = clock.instant();
        LinkCheck check = links.verify(token, LinkPurpose.WITHDRAW, now);
        if (!(check instanceof LinkCheck.Valid valid))
            return new Refused(((LinkCheck.Refused) check).reason());
        Optional<Application> app = round.findByReference(valid.subjectId(), Read.CONSISTENT);
        if (app.isEmpty()) return new Refused(LinkRefusal.TAMPERED);
        Optional<Role> role = roles.find(app.get().roleId(), Read.EVENTUAL);
        if (role.isEmpty()) return new Refused(LinkRefusal.TAMPERED);
        return where(role.get(), app.get(), false)
                .orElseGet(() -> new Confirm(role.get(), app.get()));
    }

    /** The applicant confirmed on the page reached from their link. */
    public Page withdraw(String token) {
        Page page = open(token);
        if (!(page instanceof Confirm confirm)) return page;
        return withdraw(
                confirm.role(), confirm.app(), WithdrawalFacts.APPLICANT_LINK, "link", null);
    }

    /**
     * Staff record that the applicant told them, by telephone, post or e-mail, that they withdraw. Staff only
     * (ENTER_APPLICATION_FOR_APPLICANT, as for entering an application they sent that way).
     */
    /**
     * Staff record a withdrawal the applicant asked for by telephone, post or e-mail, from the application's page read
     * when it was {@code version}: if someone else changed the application since, {@link
     * Application.ChangedMeanwhile} and nothing is recorded. Already withdrawn or too late is answered as before.
     */
    public Page recordForApplicant(StaffMember who, String reference, String how, String version) {
        who.require(Permission.ENTER_APPLICATION_FOR_APPLICANT);
        if (!STAFF_WAYS.contains(how))
            throw new IllegalArgumentException("How they told us must be one of " + STAFF_WAYS);
        Application app =
                round.findByReference(reference, Read.CONSISTENT)
                        .orElseThrow(() -> new NoSuchApplication(reference));
        Role role =
                roles.find(app.roleId(), Read.CONSISTENT)
                        .orElseThrow(() -> new NoSuchApplication(reference));
        Optional<Page> ended = where(role, app, false);
        if (ended.isPresent()) return ended.get();
        app.unchangedSince(version);
        return withdraw(role, app, who.id(), how, who);
    }

    public static final class NoSuchApplication extends org.involve.core.kit.NotFound {
        public NoSuchApplication(String reference) {
            super("No application " + reference);
        }
    }

    /** Whether withdrawing is still possible: empty if so, else the page saying why not. */
    private static Optional<Page> where(Role role, Application app, boolean justNow) {
        if (app.status() == Status.WITHDRAWN) return Optional.of(new Withdrawn(role, app, justNow));
        if (app.status() == Status.APPOINTED || OutcomeFacts.decided(app))
            return Optional.of(new TooLate(role, app));
        return Optional.empty();
    }

    /** Moves it to WITHDRAWN (freeing a booked slot with it); retried on a fresh read if it moved meanwhile. */
    private Page withdraw(Role role, Application app, String by, String how, StaffMember who) {
        Application current = app;
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            String from = current.status().name();
            WithdrawalFacts facts = new WithdrawalFacts(now, by, how, from);
            List<OutboxMessage> messages = new ArrayList<>();
            if (OutcomeFacts.byEmail(current))
                messages.add(letters.confirmation(role, current, now));
            messages.add(letters.toTeam(role, current, from, how, now));
            String what =
                    who == null
                            ? "withdrawn by the applicant through their link"
                            : "withdrawal recorded for the applicant (" + how + ")";
            AuditEntry audit =
                    new AuditEntry(
                            by,
                            what,
                            "application:" + current.reference(),
                            now,
                            from,
                            Status.WITHDRAWN.name());
            boolean done;
            Optional<InterviewSlot> slot = bookedSlot(current);
            if (slot.isPresent())
                done =
                        schedule.release(
                                slot.get(),
                                current,
                                Status.WITHDRAWN,
                                facts.asFacts(),
                                audit,
                                messages);
            else done = round.advance(current, Status.WITHDRAWN, facts.asFacts(), audit, messages);
            if (done)
                return new Withdrawn(role, current.after(Status.WITHDRAWN, facts.asFacts()), true);
            Optional<Application> reread =
                    round.find(current.roleId(), current.applicantKey(), Read.CONSISTENT);
            if (reread.isEmpty()) throw new NoSuchApplication(current.reference());
            current = reread.get();
            Optional<Page> ended = where(role, current, false);
            if (ended.isPresent()) return ended.get();
        }
        throw new IllegalStateException("The application kept changing while being withdrawn");
    }

    private Optional<InterviewSlot> bookedSlot(Application app) {
        if (app.status() != Status.INTERVIEW_BOOKED) return Optional.empty();
        String slotId = InterviewFacts.of(app).slotId();
        return schedule.forRole(app.roleId()).stream()
                .filter(s -> s.slotId().equals(slotId) && app.reference().equals(s.bookedBy()))
                .findFirst();
    }
}
