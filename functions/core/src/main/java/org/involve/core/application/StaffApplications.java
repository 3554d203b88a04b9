package org.involve.core.application;

import org.involve.core.application.Application.Status;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Read;
import org.involve.core.kit.References;
import org.involve.core.kit.Section;
import org.involve.core.kit.UkTime;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applications as the patient and public involvement team handle them: each role's applications and their state, one
 * application with every answer (never monitoring answers: they are not in an application), entering an application
 * received by telephone, voice recording or post on the applicant's behalf, the talk-to-us-first queue, and
 * applications not yet acknowledged. Staff group only; every change is one transaction with its audit entry.
 * <p>
 * Facts this area records in an application's progress are named {@code applications.*} (see the constants).
 */
public final class StaffApplications {
    /** How an application staff entered reached them: "telephone", "voice-recording" or "post". */
    public static final String CHANNEL = "applications.channel";
    /** The name of the member of staff who entered it (the audit trail keeps their sign-in id). */
    public static final String ENTERED_BY_NAME = "applications.enteredByName";
    /** How, when and by whom staff acknowledged it themselves, in plain words. */
    public static final String ACKNOWLEDGED = "applications.acknowledged";
    /** The result of the talk-to-us-first conversation, in plain words, with the reason when it does not go ahead. */
    public static final String TALK_FIRST = "applications.talkFirst";
    public static final String TALK_FIRST_BY = "applications.talkFirstBy";

    /** The one question added to the application form when staff enter it. */
    public static final String RECEIVED_BY = "receivedBy";
    public static final Field RECEIVED_BY_FIELD = Field.radios(RECEIVED_BY, "How did the application reach you?", null,
            List.of(new Field.Option("telephone", "Telephone call"), new Field.Option("voice-recording", "Voice recording"),
                    new Field.Option("post", "Post")),
            "Select how the application reached you");

    public static final String RESULT = "result", REASON = "reason", GOES_AHEAD = "goes-ahead", DOES_NOT_GO_AHEAD = "does-not-go-ahead";
    public static final List<Field> TALK_FIRST_FIELDS = List.of(
            Field.radios(RESULT, "What was the result of the conversation?", null,
                    List.of(new Field.Option(GOES_AHEAD, "The application goes ahead and will be assessed"),
                            new Field.Option(DOES_NOT_GO_AHEAD, "The application does not go ahead")),
                    "Select whether the application goes ahead"),
            Field.textarea(REASON, "What did you agree, and why?",
                    "In plain words: this is kept with the application. Needed when the application does not go ahead.", false, 1000,
                    "Say why the application does not go ahead"));

    public static final String HOW = "how";
    public static final Field HOW_FIELD = Field.radios(HOW, "How did you acknowledge the application?", null,
            List.of(new Field.Option("telephone", "By telephone"), new Field.Option("post", "By letter"),
                    new Field.Option("email", "By an email from the team")),
            "Select how you acknowledged the application");

    private final RoleReader roles;
    private final RoundApplications round;
    private final OutstandingAcknowledgements outstanding;
    private final ApplicationRecords records;
    private final MonitoringToken tokens;
    private final String siteUrl;
    private final AcknowledgementLetters letters;
    private final Clock clock;

    /** @param siteUrl the public site, for the links in acknowledgements and to the equal opportunities form */
    public StaffApplications(RoleReader roles, RoundApplications round, OutstandingAcknowledgements outstanding, ApplicationRecords records,
                             MonitoringToken tokens, String siteUrl, Clock clock) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+")) throw new IllegalArgumentException("The site address must be an http(s) address");
        this.roles = roles;
        this.round = round;
        this.outstanding = outstanding;
        this.records = records;
        this.tokens = tokens;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
        this.letters = new AcknowledgementLetters(this.siteUrl);
        this.clock = clock;
    }

    /**
     * The applicant's own link to the separate equal opportunities form, for staff to pass on (read out, or put in a
     * letter) when the applicant gets no e-mail. Staff never see answers: the form only writes, to a table no staff
     * page can read.
     */
    public String monitoringLink(Application app) {
        return siteUrl + "/monitoring?role=" + app.roleId() + "&token=" + app.monitoringToken();
    }

    /** No such role or application. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super("No such " + what);
        }
    }

    // ---------- Seeing applications ----------

    /** A role with how many applications it has, how many are held to talk first, and how many are not yet acknowledged. */
    public record RoleCounts(Role role, int applications, int held, int unacknowledged) {}

    /** Every role that has been published, with its counts; roles still in draft have no applications. */
    public List<RoleCounts> overview(StaffMember who) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Map<String, Long> waiting = outstandingNow().stream().collect(Collectors.groupingBy(Application::roleId, Collectors.counting()));
        return publishedRoles().stream().map(r -> {
            List<Application> apps = round.forRole(r.id());
            int held = (int) apps.stream().filter(a -> a.status() == Status.HELD_TO_TALK_FIRST).count();
            return new RoleCounts(r, apps.size(), held, waiting.getOrDefault(r.id(), 0L).intValue());
        }).toList();
    }

    /** One application in a role's list: whether it is acknowledged yet. */
    public record Row(Application application, boolean acknowledged) {
        /** "Online", or "Telephone call entered by Sam Staff". */
        public String howItCameIn() {
            return StaffApplications.howItCameIn(application);
        }
    }

    public record RoleApplications(Role role, List<Row> rows) {}

    /** The role's applications, oldest first. */
    public RoleApplications forRole(StaffMember who, String roleId) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Role role = role(roleId);
        Set<String> waiting = outstandingNow().stream().filter(a -> a.roleId().equals(roleId)).map(Application::reference).collect(Collectors.toSet());
        return new RoleApplications(role, round.forRole(roleId).stream().map(a -> new Row(a, !waiting.contains(a.reference()))).toList());
    }

    /**
     * One application for staff: its sections as the applicant was asked them (so a section added to the form later
     * shows here too), whether it is acknowledged, and what the applicant declared if it is held.
     */
    public record Shown(Role role, Application application, List<Section> sections, boolean acknowledged, List<String> declared) {
        public String howItCameIn() {
            return StaffApplications.howItCameIn(application);
        }
    }

    public Shown application(StaffMember who, String reference) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = find(reference);
        Role role = role(app.roleId());
        boolean acknowledged = outstandingNow().stream().noneMatch(a -> a.reference().equals(reference));
        return new Shown(role, app, new ApplicationForm(role).sections(app.answers()), acknowledged, declared(role, app));
    }

    public static String howItCameIn(Application app) {
        String channel = app.progress(CHANNEL);
        if (channel.isEmpty()) return "Online";
        String name = app.progress(ENTERED_BY_NAME);
        return RECEIVED_BY_FIELD.labelFor(channel) + (name.isEmpty() ? ", entered by staff" : ", entered by " + name);
    }

    // ---------- Entering an application on the applicant's behalf ----------

    /** The questions staff ask: how it reached them, then every section of the role's application form. */
    public Form form(StaffMember who, String roleId, Map<String, String> answers) {
        who.require(Permission.ENTER_APPLICATION_FOR_APPLICANT);
        Role role = role(roleId);
        return new Form(role, new ApplicationForm(role).sections(answers));
    }

    public record Form(Role role, List<Section> sections) {}

    public sealed interface Entry {
        /** Something needs correcting: the posted values are kept so nothing typed is lost. */
        record Invalid(Form form, Map<String, String> values, FieldErrors errors) implements Entry {}

        /** The answers mean the applicant cannot take the role: nothing is stored; staff explain the reasons. */
        record CannotApply(Role role, List<String> reasons) implements Entry {}

        /** The role no longer takes applications. */
        record Closed(Role role) implements Entry {}

        /**
         * @param created    false when this applicant had already applied: the existing application is shown instead
         * @param messageIds messages queued (announced by the outbox as it wrote them)
         */
        record Entered(Role role, Application application, boolean created, List<String> messageIds) implements Entry {}
    }

    /**
     * Checks the posted answers exactly as the public form does (every section's questions, its cross-checks, then
     * eligibility) and stores the application, marked as entered by this member of staff and how it reached them.
     */
    public Entry enter(StaffMember who, String roleId, Map<String, String> posted) {
        Form form = form(who, roleId, posted);
        Role role = form.role();
        Instant now = clock.instant();
        if (role.status() != RoleStatus.OPEN || !role.acceptsApplicationsAt(now)) return new Entry.Closed(role);

        FieldErrors errors = new FieldErrors();
        Map<String, String> values = new LinkedHashMap<>();
        FormValidator.Result channel = FormValidator.validate(List.of(RECEIVED_BY_FIELD), posted);
        channel.errors().asMap().forEach(errors::add);
        Map<String, String> answers = new LinkedHashMap<>();
        for (Section s : form.sections()) {
            FormValidator.Result r = FormValidator.validate(s.fields(), posted);
            r.errors().asMap().forEach(errors::add);
            answers.putAll(r.values());
        }
        for (Section s : form.sections()) ApplicationJourney.crossChecks(role, s.id(), answers, errors);
        values.putAll(answers);
        values.putAll(channel.values());
        if (!errors.isEmpty()) return new Entry.Invalid(form, values, errors);

        Eligibility.Outcome eligibility = Eligibility.check(role, answers);
        if (eligibility.verdict() == Eligibility.Verdict.CANNOT_APPLY) return new Entry.CannotApply(role, eligibility.reasons());

        Status status = eligibility.verdict() == Eligibility.Verdict.TALK_TO_US_FIRST ? Status.HELD_TO_TALK_FIRST : Status.RECEIVED;
        String how = channel.values().get(RECEIVED_BY);
        Application app = new Application(References.applicationReference(), role.id(), ApplicationJourney.applicantKey(answers), status,
                answers, now, answers.get(ApplicationForm.CONTACT_METHOD), tokens.issue(role.id()),
                ContactPreference.byEmail(answers) ? Application.Acknowledgement.EMAIL_QUEUED : Application.Acknowledgement.STAFF_TO_CONTACT,
                who.id(), Map.of(CHANNEL, how, ENTERED_BY_NAME, who.displayName()));
        List<OutboxMessage> messages = letters.forSubmission(role, app, now);
        AuditEntry entry = AuditEntry.by(who, "application entered for the applicant (" + how + ")", record(app), now, null, status.name());
        ApplicationStore.Stored stored = records.enter(app, messages, entry);
        return new Entry.Entered(role, stored.application(), stored.created(),
                stored.created() ? messages.stream().map(OutboxMessage::id).toList() : List.of());
    }

    // ---------- Talk to us first ----------

    /** A held application with what the applicant declared and how to reach them. */
    public record Held(Role role, Application application, List<String> declared) {}

    /** Every application held to talk first, across roles, oldest first: one query per published role. */
    public List<Held> held(StaffMember who) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        return publishedRoles().stream()
                .flatMap(r -> round.forRole(r.id()).stream().filter(a -> a.status() == Status.HELD_TO_TALK_FIRST)
                        .map(a -> new Held(r, a, declared(r, a))))
                .sorted(Comparator.comparing((Held h) -> h.application().submittedAt()))
                .toList();
    }

    public Held heldApplication(StaffMember who, String reference) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = find(reference);
        Role role = role(app.roleId());
        return new Held(role, app, declared(role, app));
    }

    public sealed interface Decision {
        record Invalid(Map<String, String> values, FieldErrors errors) implements Decision {}

        /** The application was not held any more (someone recorded it already): nothing was written. */
        record NotHeld(Application application) implements Decision {}

        record Recorded(Application application, Status to) implements Decision {}
    }

    /**
     * Records the talk-to-us-first conversation: the application goes ahead (received, to be assessed) or does not
     * (not shortlisted, with the reason kept in plain words). One step of the round, with its audit entry.
     */
    public Decision recordConversation(StaffMember who, String reference, Map<String, String> posted) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = find(reference);
        FormValidator.Result r = FormValidator.validate(TALK_FIRST_FIELDS, posted);
        FieldErrors errors = r.errors();
        String result = r.values().get(RESULT);
        String reason = r.values().get(REASON);
        if (DOES_NOT_GO_AHEAD.equals(result) && reason.isEmpty()) errors.add(REASON, TALK_FIRST_FIELDS.get(1).missingMessage());
        if (!errors.isEmpty()) return new Decision.Invalid(r.values(), errors);
        if (app.status() != Status.HELD_TO_TALK_FIRST) return new Decision.NotHeld(app);

        Instant now = clock.instant();
        boolean goesAhead = GOES_AHEAD.equals(result);
        Status to = goesAhead ? Status.RECEIVED : Status.NOT_SHORTLISTED;
        String fact = (goesAhead ? "Goes ahead after talking with the team" : "Does not go ahead after talking with the team")
                + (reason.isEmpty() ? "." : ": " + reason);
        Map<String, String> facts = Map.of(TALK_FIRST, fact, TALK_FIRST_BY, who.displayName() + " on " + ClosingTime.displayDate(now.atZone(ClosingTime.UK).toLocalDate()));
        AuditEntry entry = AuditEntry.by(who, goesAhead ? "talked first: application goes ahead" : "talked first: application does not go ahead",
                record(app), now, app.status().name(), to.name());
        if (!round.advance(app, to, facts, entry, List.of())) return new Decision.NotHeld(find(reference));
        return new Decision.Recorded(app.after(to, facts), to);
    }

    // ---------- Not yet acknowledged ----------

    /**
     * An application still waiting for its acknowledgement, and the role's promise: {@code daysLeft} counted in UK
     * calendar days (0: due today; negative: overdue).
     */
    public record Waiting(Role role, Application application, Instant promisedBy, long daysLeft) {
        public String promisedByText() {
            return UkTime.display(promisedBy);
        }
    }

    /** Oldest first, from the index that holds only applications not yet acknowledged. */
    public List<Waiting> unacknowledged(StaffMember who) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Instant now = clock.instant();
        Map<String, Optional<Role>> rolesById = new HashMap<>();
        Function<String, Optional<Role>> roleOf = id -> rolesById.computeIfAbsent(id, roleId -> roles.find(roleId, Read.CONSISTENT));
        return outstandingNow().stream()
                .flatMap(a -> roleOf.apply(a.roleId()).map(r -> waiting(r, a, now)).stream())
                .toList();
    }

    public Waiting waitingApplication(StaffMember who, String reference) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = find(reference);
        return waiting(role(app.roleId()), app, clock.instant());
    }

    private static Waiting waiting(Role role, Application app, Instant now) {
        Instant promised = AcknowledgementPromiseCheck.promisedBy(role, app);
        long daysLeft = ChronoUnit.DAYS.between(now.atZone(ClosingTime.UK).toLocalDate(), promised.atZone(ClosingTime.UK).toLocalDate());
        return new Waiting(role, app, promised, daysLeft);
    }

    public sealed interface Acknowledging {
        record Invalid(Map<String, String> values, FieldErrors errors) implements Acknowledging {}

        /** It had been acknowledged already (its e-mail went, or someone recorded it): nothing was written. */
        record AlreadyAcknowledged(Application application) implements Acknowledging {}

        record Acknowledged(Application application) implements Acknowledging {}
    }

    /** Records that staff acknowledged the application themselves, and how: it leaves the list, with an audit entry. */
    public Acknowledging markAcknowledged(StaffMember who, String reference, Map<String, String> posted) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = find(reference);
        FormValidator.Result r = FormValidator.validate(List.of(HOW_FIELD), posted);
        if (!r.errors().isEmpty()) return new Acknowledging.Invalid(r.values(), r.errors());
        Instant now = clock.instant();
        String how = r.values().get(HOW);
        Map<String, String> facts = Map.of(ACKNOWLEDGED, HOW_FIELD.labelFor(how) + ", recorded by " + who.displayName() + " on "
                + UkTime.display(now));
        AuditEntry entry = AuditEntry.by(who, "application acknowledged (" + how + ")", record(app), now, "not acknowledged", "acknowledged");
        if (!records.acknowledged(app, now, facts, entry)) return new Acknowledging.AlreadyAcknowledged(app);
        return new Acknowledging.Acknowledged(app.after(app.status(), facts));
    }

    // ---------- Shared ----------

    private List<Application> outstandingNow() {
        return outstanding.submittedBy(clock.instant());
    }

    /** Roles that can have applications: every role but drafts, found through the status index. */
    private List<Role> publishedRoles() {
        return roles.all().stream().filter(r -> r.status() != RoleStatus.DRAFT).toList();
    }

    private Role role(String roleId) {
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(() -> new NotFound("role"));
    }

    private Application find(String reference) {
        if (reference == null || !reference.matches("INV-[0-9A-Z]{4}-[0-9A-Z]{4}")) throw new NotFound("application");
        return round.findByReference(reference, Read.CONSISTENT).orElseThrow(() -> new NotFound("application"));
    }

    private static List<String> declared(Role role, Application app) {
        Eligibility.Outcome o = Eligibility.check(role, app.answers());
        return o.verdict() == Eligibility.Verdict.TALK_TO_US_FIRST ? o.reasons() : List.of();
    }

    private static String record(Application app) {
        return "application:" + app.reference();
    }
}
