package org.involve.core.references;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.application.Referee;
import org.involve.core.application.RoundApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Questions;
import org.involve.core.kit.Read;
import org.involve.core.kit.References;
import org.involve.core.kit.Version;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The staff side of references: recording each booked interview's result (successful applicants' referees are asked at
 * once, in the same step), and each applicant's references as they arrive. Recording needs MANAGE_INTERVIEWS; seeing
 * references needs MANAGE_REFERENCES.
 */
public final class ReferencesDesk {
    public static final String RESULT = "result", NOTE = "note";
    public static final String SUCCESSFUL = "successful", UNSUCCESSFUL = "unsuccessful";
    private static final Questions QUESTIONS = Questions.of("references");
    public static final List<Field> RESULT_FIELDS =
            List.of(
                    QUESTIONS.radios(RESULT, SUCCESSFUL, UNSUCCESSFUL),
                    Field.textarea(
                            NOTE, QUESTIONS.label(NOTE), QUESTIONS.hint(NOTE), false, 500, null));
    private static final Set<Status> IN_THIS_STEP =
            Set.of(
                    Status.INTERVIEW_BOOKED,
                    Status.REFERENCES_REQUESTED,
                    Status.REFERENCES_RECEIVED,
                    Status.APPOINTED);

    private final RoleReader roles;
    private final RoundApplications round;
    private final ReferenceBook book;
    private final SignedLink links;
    private final Clock clock;
    private final ReferenceSettings settings;
    private final ReferenceLetters letters;

    public ReferencesDesk(
            RoleReader roles,
            RoundApplications round,
            ReferenceBook book,
            SignedLink links,
            Clock clock,
            ReferenceSettings settings) {
        this.roles = roles;
        this.round = round;
        this.book = book;
        this.links = links;
        this.clock = clock;
        this.settings = settings;
        this.letters = new ReferenceLetters(settings);
    }

    /** No such role, or no such application for it. */
    public static final class NotFound extends org.involve.core.kit.NotFound {
        public NotFound() {
            super("No such role or application");
        }
    }

    /** An applicant at the interview or references step, with their references so far (in referee order). */
    public record Candidate(Application application, List<ReferenceRequest> requests) {
        public boolean awaitingResult() {
            return application.status() == Status.INTERVIEW_BOOKED;
        }
    }

    public record RoleView(Role role, List<Candidate> candidates) {}

    public sealed interface Recorded {
        record Invalid(
                Candidate candidate, Role role, Map<String, String> values, FieldErrors errors)
                implements Recorded {}

        /** @param messageIds the e-mails written (announced by the outbox as it wrote them) */
        record Done(Status status, List<String> messageIds) implements Recorded {}

        /** Recorded already (by this person before, or someone else): nothing more was done. */
        record AlreadyRecorded(Status status) implements Recorded {}
    }

    /** Roles past their closing date, where interviews and references happen. */
    public List<Role> roles(StaffMember who) {
        who.require(Permission.MANAGE_REFERENCES);
        return roles.all().stream()
                .filter(
                        r ->
                                r.status() == RoleStatus.SHORTLISTING
                                        || r.status() == RoleStatus.FILLED)
                .toList();
    }

    public RoleView role(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_REFERENCES);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
        List<Candidate> candidates =
                round.forRole(roleId).stream()
                        .filter(
                                a ->
                                        IN_THIS_STEP.contains(a.status())
                                                || ReferenceFacts.of(a).resultRecorded())
                        .map(this::candidate)
                        .toList();
        return new RoleView(role, candidates);
    }

    public Candidate candidate(StaffMember who, String roleId, String reference) {
        who.require(Permission.MANAGE_REFERENCES);
        return candidate(application(roleId, reference));
    }

    public Role roleOf(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_REFERENCES);
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
    }

    public Recorded recordResult(
            StaffMember who, String roleId, String reference, Map<String, String> posted) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
        Application app = application(roleId, reference);
        // A result already recorded (a second press, or someone else's) is answered from the
        // application as it is now; any other change since the form was read refuses the form.
        if (app.status() != Status.INTERVIEW_BOOKED)
            return new Recorded.AlreadyRecorded(app.status());
        app.unchangedSince(posted.get(Version.FIELD));
        FormValidator.Result form = FormValidator.validate(RESULT_FIELDS, posted);
        FieldErrors errors = form.errors();
        boolean successful = SUCCESSFUL.equals(form.values().get(RESULT));
        List<Referee> referees =
                Referee.all(app.answers()).stream()
                        .limit(Math.max(1, role.referencesRequired()))
                        .toList();
        if (errors.isEmpty()
                && successful
                && (referees.isEmpty() || referees.stream().anyMatch(r -> r.email().isBlank()))) {
            errors.add(RESULT, QUESTIONS.error(RESULT, "noRefereeEmail"));
        }
        if (!errors.isEmpty())
            return new Recorded.Invalid(candidate(app), role, form.values(), errors);

        Instant now = clock.instant();
        String note = form.values().getOrDefault(NOTE, "");
        String record = "application:" + app.reference();
        boolean moved;
        List<OutboxMessage> messages = new ArrayList<>();
        if (!successful) {
            moved =
                    round.advance(
                            app,
                            Status.NOT_APPOINTED,
                            ReferenceFacts.interviewResult(false, note, now, List.of()),
                            AuditEntry.by(
                                    who,
                                    "recorded an unsuccessful interview",
                                    record,
                                    now,
                                    app.status().name(),
                                    Status.NOT_APPOINTED.name()),
                            List.of());
        } else {
            List<ReferenceRequest> requests = new ArrayList<>();
            Instant expires = now.plus(settings.linkLifetime());
            for (Referee referee : referees) {
                ReferenceRequest r =
                        ReferenceRequest.requested(
                                References.opaqueId(),
                                app,
                                referee.number(),
                                now,
                                settings.nextReminderAfter(now));
                requests.add(r);
                String token = links.issue(LinkPurpose.REFERENCE, r.id(), expires);
                messages.add(
                        new OutboxMessage(
                                "reference-request-" + r.id(),
                                letters.request(role, app, referee, token, expires, false),
                                now,
                                now,
                                0,
                                "reference-request"));
            }
            moved =
                    book.request(
                            app,
                            ReferenceFacts.interviewResult(true, note, now, requests),
                            AuditEntry.by(
                                    who,
                                    "recorded a successful interview and asked for references",
                                    record,
                                    now,
                                    app.status().name(),
                                    Status.REFERENCES_REQUESTED.name()),
                            messages,
                            requests);
        }
        if (!moved)
            return new Recorded.AlreadyRecorded(
                    round.find(app.roleId(), app.applicantKey(), Read.CONSISTENT)
                            .map(Application::status)
                            .orElse(app.status()));
        return new Recorded.Done(
                successful ? Status.REFERENCES_REQUESTED : Status.NOT_APPOINTED,
                messages.stream().map(OutboxMessage::id).toList());
    }

    private Application application(String roleId, String reference) {
        if (reference == null || !reference.matches("[A-Z0-9-]{1,40}")) throw new NotFound();
        return round.findByReference(reference, Read.CONSISTENT)
                .filter(a -> a.roleId().equals(roleId))
                .orElseThrow(NotFound::new);
    }

    private Candidate candidate(Application app) {
        List<ReferenceRequest> requests = new ArrayList<>();
        for (String id : ReferenceFacts.of(app).requestIds())
            book.find(id).ifPresent(requests::add);
        return new Candidate(app, requests);
    }
}
