package org.involve.core.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Requests in an application for information in another format, for support, or for reasonable adjustments, as staff
 * tasks: listed until someone marks them done (kept on the application with who and when, and audited), like the
 * talk-to-us-first queue. The team is e-mailed when one arrives ({@link AcknowledgementLetters}). Staff group only.
 */
public final class SupportRequests {
    private static final Words WORDS = Words.of("applications");

    /** The application form's questions that ask for something, in the order the page shows them. */
    public static final List<String> QUESTIONS =
            List.of("otherFormat", "supportNeeds", "adjustments");

    private final RoleReader roles;
    private final RoundApplications round;
    private final Clock clock;

    public SupportRequests(RoleReader roles, RoundApplications round, Clock clock) {
        this.roles = roles;
        this.round = round;
        this.clock = clock;
    }

    /** One thing asked: what the question was about (for staff) and the applicant's words. */
    public record Asked(String what, String answer) {}

    public record Request(Role role, Application application, List<Asked> asked) {}

    /** What the application asks for, in the order of {@link #QUESTIONS}; empty when it asks for nothing. */
    public static List<Asked> asked(Application a) {
        return QUESTIONS.stream()
                .filter(q -> !a.answer(q).isBlank())
                .map(q -> new Asked(WORDS.get("support.asked." + q), a.answer(q).strip()))
                .toList();
    }

    /** Whether the application is in this queue: it asks for something, and no one has marked that done yet. */
    public static boolean isWaiting(Application a) {
        return HandlingFacts.of(a).supportDone() == null && !asked(a).isEmpty();
    }

    /**
     * Every request not yet done, across published roles, oldest first: one query of the requests waiting (however
     * many applications there are) and the roles.
     */
    public List<Request> waiting(StaffMember who) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Map<String, Role> published = StaffLookup.publishedById(roles);
        return round.supportNotDone().stream()
                .filter(a -> isWaiting(a) && published.containsKey(a.roleId()))
                .map(a -> new Request(published.get(a.roleId()), a, asked(a)))
                .sorted(Comparator.comparing((Request q) -> q.application().submittedAt()))
                .toList();
    }

    public sealed interface Marked {
        record Done(Application application) implements Marked {}

        /** Someone had marked it done already (or it asks for nothing): nothing was written. */
        record AlreadyDone(Application application) implements Marked {}
    }

    /** Marks the application's request done, with who and when kept on it and an audit entry, in one step. */
    /**
     * Marks the request done, from the list read when the application was {@code version}: if someone else changed the
     * application since (other than marking it done), {@link Application.ChangedMeanwhile} and nothing is written.
     */
    public Marked markDone(StaffMember who, String reference, String version) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        // The step is conditional on the status seen; if it moved at that moment, read it again.
        for (int attempt = 0; attempt < 3; attempt++) {
            Application app = StaffLookup.application(round, reference);
            if (HandlingFacts.of(app).supportDone() != null || asked(app).isEmpty())
                return new Marked.AlreadyDone(app);
            app.unchangedSince(version);
            Instant now = clock.instant();
            String by =
                    WORDS.format(
                            "support.doneBy",
                            "name",
                            who.displayName(),
                            "date",
                            ClosingTime.displayDate(now.atZone(ClosingTime.UK).toLocalDate()));
            var facts = HandlingFacts.supportDone(by);
            AuditEntry entry =
                    AuditEntry.by(
                            who,
                            "support or another format: marked done",
                            StaffLookup.record(app),
                            now,
                            app.status().name(),
                            app.status().name());
            if (round.advance(app, app.status(), facts, entry, List.of()))
                return new Marked.Done(app.after(app.status(), facts));
        }
        throw new IllegalStateException("The application kept changing while it was marked done");
    }
}
