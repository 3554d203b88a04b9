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
    public static final String SUCCESSFUL = "successful",
            RESERVE = "reserve",
            UNSUCCESSFUL = "unsuccessful";
    public static final String REASON = "reason", REFEREE = "referee", OFFER = "offer";
    public static final String NEW_NAME = "refereeName",
            NEW_EMAIL = "refereeEmail",
            NEW_PHONE = "refereePhone",
            NEW_RELATIONSHIP = "refereeRelationship",
            NEW_KNOWN_FOR = "refereeKnownFor";
    private static final Questions QUESTIONS = Questions.of("references");
    public static final List<Field> RESULT_FIELDS =
            List.of(
                    QUESTIONS.radios(RESULT, SUCCESSFUL, RESERVE, UNSUCCESSFUL),
                    Field.textarea(
                            NOTE, QUESTIONS.label(NOTE), QUESTIONS.hint(NOTE), false, 500, null));

    /** Marking a reference unsatisfactory: which referee, and why (kept from the panel and the applicant). */
    public static final List<Field> UNSATISFACTORY_FIELDS =
            List.of(QUESTIONS.textarea(REASON, true, 1000));

    /** A new referee in place of one who cannot or will not answer. */
    public static final List<Field> REFEREE_FIELDS =
            List.of(
                    QUESTIONS.text(NEW_NAME, true, 100, "off"),
                    QUESTIONS.typed(NEW_EMAIL, Field.Kind.EMAIL, true, 254, "off"),
                    QUESTIONS.typed(NEW_PHONE, Field.Kind.PHONE, false, 30, "off"),
                    QUESTIONS.text(NEW_RELATIONSHIP, true, 200, "off"),
                    QUESTIONS.text(NEW_KNOWN_FOR, true, 50, "off"));

    /** The statuses that hold a place: references asked for or in, or appointed. */
    private static final Set<Status> HOLDING_A_PLACE =
            Set.of(Status.REFERENCES_REQUESTED, Status.REFERENCES_RECEIVED, Status.APPOINTED);

    private static final Set<Status> IN_THIS_STEP =
            Set.of(
                    Status.INTERVIEW_BOOKED,
                    Status.RESERVE,
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
    private final ReferenceReceipt receipt;

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
        this.receipt = new ReferenceReceipt(round, book, letters);
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
        String result = form.values().get(RESULT);
        boolean successful = SUCCESSFUL.equals(result);
        if (errors.isEmpty() && successful) checkCanAskForReferences(role, app, errors);
        if (!errors.isEmpty())
            return new Recorded.Invalid(candidate(app), role, form.values(), errors);

        Instant now = clock.instant();
        String note = form.values().getOrDefault(NOTE, "");
        String record = "application:" + app.reference();
        if (successful)
            return askForReferences(
                    who,
                    role,
                    app,
                    ReferenceFacts.interviewResult(true, note, now, List.of()),
                    "recorded a successful interview and asked for references",
                    now);
        boolean reserve = RESERVE.equals(result);
        Status to = reserve ? Status.RESERVE : Status.NOT_APPOINTED;
        List<OutboxMessage> messages =
                reserve ? List.of(letters.reserve(role, app, now)) : List.of();
        boolean moved =
                round.advance(
                        app,
                        to,
                        reserve
                                ? ReferenceFacts.reserved(note, now)
                                : ReferenceFacts.interviewResult(false, note, now, List.of()),
                        AuditEntry.by(
                                who,
                                reserve
                                        ? "recorded a successful interview with no place left:"
                                                + " reserve list"
                                        : "recorded an unsuccessful interview",
                                record,
                                now,
                                app.status().name(),
                                to.name()),
                        messages);
        if (!moved) return alreadyRecorded(app);
        return new Recorded.Done(to, messages.stream().map(OutboxMessage::id).toList());
    }

    /**
     * A place has come up: someone on the reserve list is offered it, and their referees are asked, as for any successful
     * applicant. Refused (Invalid) while every place is still held.
     */
    public Recorded offerPlace(StaffMember who, String roleId, String reference, String version) {
        who.require(Permission.MANAGE_INTERVIEWS);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
        Application app = application(roleId, reference);
        if (app.status() != Status.RESERVE) return new Recorded.AlreadyRecorded(app.status());
        app.unchangedSince(version);
        FieldErrors errors = new FieldErrors();
        checkCanAskForReferences(role, app, errors);
        if (!errors.isEmpty()) return new Recorded.Invalid(candidate(app), role, Map.of(), errors);
        Instant now = clock.instant();
        return askForReferences(
                who,
                role,
                app,
                ReferenceFacts.placeOffered(now),
                "offered a place from the reserve list and asked for references",
                now);
    }

    /**
     * A reference staff judge unsatisfactory: the application ends (NOT_APPOINTED), and the applicant is told through
     * the outcomes page, in kind words that never give the reason. The reason is kept for staff only.
     */
    public Recorded markUnsatisfactory(
            StaffMember who,
            String roleId,
            String reference,
            int refereeNumber,
            Map<String, String> posted) {
        who.require(Permission.MANAGE_REFERENCES);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
        Application app = application(roleId, reference);
        if (app.status() != Status.REFERENCES_REQUESTED
                && app.status() != Status.REFERENCES_RECEIVED)
            return new Recorded.AlreadyRecorded(app.status());
        app.unchangedSince(posted.get(Version.FIELD));
        Candidate c = candidate(app);
        if (c.requests().stream().noneMatch(r -> r.number() == refereeNumber && r.received()))
            throw new NotFound();
        FormValidator.Result form = FormValidator.validate(UNSATISFACTORY_FIELDS, posted);
        if (!form.errors().isEmpty())
            return new Recorded.Invalid(
                    c, role, withReferee(form.values(), refereeNumber), form.errors());
        Instant now = clock.instant();
        boolean moved =
                round.advance(
                        app,
                        Status.NOT_APPOINTED,
                        ReferenceFacts.markedUnsatisfactory(
                                refereeNumber, form.values().get(REASON), who.id(), now),
                        AuditEntry.by(
                                who,
                                "marked reference " + refereeNumber + " unsatisfactory",
                                "application:" + app.reference(),
                                now,
                                app.status().name(),
                                Status.NOT_APPOINTED.name()),
                        List.of());
        if (!moved) return alreadyRecorded(app);
        return new Recorded.Done(Status.NOT_APPOINTED, List.of());
    }

    /**
     * A referee who has not answered is replaced by another the applicant (or staff) named: the new referee is e-mailed
     * a link, the old referee's link stops working (the application no longer names their request), and it is audited.
     */
    public Recorded replaceReferee(
            StaffMember who,
            String roleId,
            String reference,
            int refereeNumber,
            Map<String, String> posted) {
        who.require(Permission.MANAGE_REFERENCES);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
        Application app = application(roleId, reference);
        if (app.status() != Status.REFERENCES_REQUESTED)
            return new Recorded.AlreadyRecorded(app.status());
        app.unchangedSince(posted.get(Version.FIELD));
        Candidate c = candidate(app);
        ReferenceRequest old = unanswered(c, refereeNumber);
        FormValidator.Result form = FormValidator.validate(REFEREE_FIELDS, posted);
        FieldErrors errors = form.errors();
        String email = form.values().getOrDefault(NEW_EMAIL, "");
        if (errors.isEmpty() && !sameAddressProblem(app, refereeNumber, email).isEmpty())
            errors.add(NEW_EMAIL, sameAddressProblem(app, refereeNumber, email));
        if (!errors.isEmpty())
            return new Recorded.Invalid(c, role, withReferee(form.values(), refereeNumber), errors);

        Instant now = clock.instant();
        Referee referee =
                new Referee(
                        refereeNumber,
                        form.values().get(NEW_NAME),
                        form.values().get(NEW_RELATIONSHIP),
                        form.values().get(NEW_KNOWN_FOR),
                        email,
                        form.values().getOrDefault(NEW_PHONE, ""));
        ReferenceRequest fresh =
                ReferenceRequest.requested(
                        References.opaqueId(),
                        app,
                        refereeNumber,
                        now,
                        settings.nextReminderAfter(now));
        Map<String, String> facts = ReferenceFacts.refereeReplaced(app, fresh, referee);
        Application replaced = app.after(app.status(), facts);
        Instant expires = now.plus(settings.linkLifetime());
        String token = links.issue(LinkPurpose.REFERENCE, fresh.id(), expires);
        OutboxMessage message =
                new OutboxMessage(
                        "reference-request-" + fresh.id(),
                        letters.request(role, replaced, referee, token, expires, false),
                        now,
                        now,
                        0,
                        "reference-request");
        boolean stored =
                book.request(
                        app,
                        facts,
                        AuditEntry.by(
                                who,
                                "replaced referee "
                                        + refereeNumber
                                        + " (request "
                                        + old.id()
                                        + " withdrawn) and asked the new referee",
                                "application:" + app.reference(),
                                now,
                                app.status().name(),
                                app.status().name()),
                        List.of(message),
                        List.of(fresh));
        if (!stored) return alreadyRecorded(app);
        return new Recorded.Done(Status.REFERENCES_REQUESTED, List.of(message.id()));
    }

    /** Referee {@code number}'s request, which has not been answered: else there is nothing to replace or take. */
    private static ReferenceRequest unanswered(Candidate c, int number) {
        return c.requests().stream()
                .filter(r -> r.number() == number && !r.received())
                .findFirst()
                .orElseThrow(NotFound::new);
    }

    /** The values posted, naming the referee the form was about (so the page shows the errors at that referee). */
    private static Map<String, String> withReferee(Map<String, String> values, int number) {
        Map<String, String> v = new java.util.HashMap<>(values);
        v.put(REFEREE, String.valueOf(number));
        return v;
    }

    /**
     * A reference staff took by telephone, for a referee who has not answered through their link: the referee's answers,
     * who took it and when. It is stored as the link would store it (the referee's link then stops working), and, when it
     * is the last, completes the application.
     */
    public Recorded recordByTelephone(
            StaffMember who,
            String roleId,
            String reference,
            int refereeNumber,
            Map<String, String> posted) {
        who.require(Permission.MANAGE_REFERENCES);
        Role role = roles.find(roleId, Read.CONSISTENT).orElseThrow(NotFound::new);
        Application app = application(roleId, reference);
        if (app.status() != Status.REFERENCES_REQUESTED)
            return new Recorded.AlreadyRecorded(app.status());
        app.unchangedSince(posted.get(Version.FIELD));
        Candidate c = candidate(app);
        ReferenceRequest request = unanswered(c, refereeNumber);
        FormValidator.Result form = ReferenceForm.validateByTelephone(role.title(), posted);
        if (!form.errors().isEmpty())
            return new Recorded.Invalid(
                    c, role, withReferee(form.values(), refereeNumber), form.errors());
        Instant now = clock.instant();
        Map<String, String> written = new java.util.LinkedHashMap<>(form.values());
        written.values().removeIf(String::isEmpty);
        written.put(ReferenceForm.TAKEN_BY, who.displayName());
        written.put(ReferenceForm.TAKEN_BY_ID, who.id());
        written.put(ReferenceForm.TAKEN_AT, now.toString());
        ReferenceRequest received = request.receivedWith(written, now);
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "took reference " + refereeNumber + " by telephone",
                        "application:" + app.reference(),
                        now,
                        ReferenceRequest.State.REQUESTED.name(),
                        ReferenceRequest.State.RECEIVED.name());
        ReferenceReceipt.Stored stored = receipt.store(role, received, null, audit, who.id(), now);
        if (stored.answered() != ReferenceBook.Answered.STORED) return alreadyRecorded(app);
        return new Recorded.Done(
                round.find(app.roleId(), app.applicantKey(), Read.CONSISTENT)
                        .map(Application::status)
                        .orElse(app.status()),
                stored.messageIds());
    }

    /** Empty, or why this address cannot be the new referee's: it is the applicant's own, or another referee's. */
    private static String sameAddressProblem(Application app, int number, String email) {
        String e = org.involve.core.kit.AnswerRules.normaliseEmail(email);
        if (e.equals(
                org.involve.core.kit.AnswerRules.normaliseEmail(
                        app.answer(org.involve.core.application.ApplicationForm.EMAIL))))
            return QUESTIONS.error(NEW_EMAIL, "own");
        for (Referee r : ReferenceFacts.referees(app))
            if (org.involve.core.kit.AnswerRules.normaliseEmail(r.email()).equals(e))
                return QUESTIONS.error(NEW_EMAIL, "same");
        return "";
    }

    /** Every referee needs an e-mail address, and a place must be free. */
    private void checkCanAskForReferences(Role role, Application app, FieldErrors errors) {
        List<Referee> referees = referees(role, app);
        String anchor = app.status() == Status.RESERVE ? OFFER : RESULT;
        if (referees.isEmpty() || referees.stream().anyMatch(r -> r.email().isBlank()))
            errors.add(anchor, QUESTIONS.error(anchor, "noRefereeEmail"));
        else if (placesHeld(role) >= Math.max(1, role.places()))
            errors.add(
                    anchor,
                    QUESTIONS.error(anchor, "noPlaceLeft", "places", Math.max(1, role.places())));
    }

    private int placesHeld(Role role) {
        return (int)
                round.forRole(role.id()).stream()
                        .filter(a -> HOLDING_A_PLACE.contains(a.status()))
                        .count();
    }

    private static List<Referee> referees(Role role, Application app) {
        return ReferenceFacts.referees(app).stream()
                .limit(Math.max(1, role.referencesRequired()))
                .toList();
    }

    /** Asks each referee at once, moving the application to REFERENCES_REQUESTED with {@code facts}, in one step. */
    private Recorded askForReferences(
            StaffMember who,
            Role role,
            Application app,
            Map<String, String> facts,
            String what,
            Instant now) {
        List<OutboxMessage> messages = new ArrayList<>();
        List<ReferenceRequest> requests = new ArrayList<>();
        Instant expires = now.plus(settings.linkLifetime());
        for (Referee referee : referees(role, app)) {
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
        Map<String, String> all = new java.util.HashMap<>(facts);
        all.putAll(ReferenceFacts.requested(requests));
        boolean moved =
                book.request(
                        app,
                        all,
                        AuditEntry.by(
                                who,
                                what,
                                "application:" + app.reference(),
                                now,
                                app.status().name(),
                                Status.REFERENCES_REQUESTED.name()),
                        messages,
                        requests);
        if (!moved) return alreadyRecorded(app);
        return new Recorded.Done(
                Status.REFERENCES_REQUESTED, messages.stream().map(OutboxMessage::id).toList());
    }

    private Recorded alreadyRecorded(Application app) {
        return new Recorded.AlreadyRecorded(
                round.find(app.roleId(), app.applicantKey(), Read.CONSISTENT)
                        .map(Application::status)
                        .orElse(app.status()));
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
