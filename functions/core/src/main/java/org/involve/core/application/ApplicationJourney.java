package org.involve.core.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.attempts.Attempts;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.draft.DraftStore;
import org.involve.core.draft.ReturnCodes;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Read;
import org.involve.core.kit.References;
import org.involve.core.kit.Section;
import org.involve.core.kit.Words;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.RecentRoles;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * A member of the public applying for a role: one section at a time, checked answers, then one submission.
 * Every step re-checks that the role is still open, so an application can never arrive after closing.
 */
public final class ApplicationJourney {
    public static final String HONEYPOT = "website";

    private final RoleReader roles;
    private final RecentRoles recentRoles;
    private final DraftStore drafts;
    private final ApplicationStore applications;
    private final Clock clock;
    private final ApplyingSettings settings;
    private final AcknowledgementLetters letters;
    private final Attempts limits;

    /**
     * @param limits counts acknowledgement e-mails per address and applications per client, so that nobody can use
     *     the form to e-mail any address over and over
     */
    public ApplicationJourney(
            RoleReader roles,
            DraftStore drafts,
            ApplicationStore applications,
            MonitoringToken tokens,
            Clock clock,
            ApplyingSettings settings,
            WithdrawalLink withdrawal,
            Attempts limits) {
        this.roles = roles;
        this.recentRoles = new RecentRoles(roles, clock);
        this.limits = limits;
        this.drafts = drafts;
        this.applications = applications;
        this.clock = clock;
        this.settings = settings;
        this.letters =
                new AcknowledgementLetters(
                        settings.siteUrl(), settings.staffSiteUrl(), withdrawal, tokens);
    }

    /** Thrown when a role does not exist or is not published. */
    public static final class RoleNotFound extends org.involve.core.kit.NotFound {
        public RoleNotFound() {
            super("No such role");
        }
    }

    /** Thrown when the role has closed; carries the role so the page can say which and when. */
    public static final class RoleClosed extends org.involve.core.kit.Refused {
        private final transient Role role;

        public RoleClosed(Role role) {
            super("Role closed");
            this.role = role;
        }

        public Role role() {
            return role;
        }
    }

    /** Thrown when the saved application has expired or never existed. */
    public static final class DraftNotFound extends org.involve.core.kit.NotFound {
        public DraftNotFound() {
            super("No such draft");
        }
    }

    public sealed interface SectionResult {
        /**
         * @param answers what the draft held before this post, which decides the sections shown around it
         * @param draft the draft as it is kept (nothing of this post was saved), so its page needs no second read
         */
        record Invalid(
                Role role,
                Map<String, String> answers,
                Section section,
                Map<String, String> values,
                FieldErrors errors,
                ApplicationDraft draft)
                implements SectionResult {}

        record Next(String sectionId) implements SectionResult {}

        record CheckAnswers() implements SectionResult {}

        record CannotApply(Role role, List<String> reasons) implements SectionResult {}
    }

    public sealed interface SubmitResult {
        /** @param created whether this submission made the application; false when shown again or when the person had applied before */
        record Submitted(
                Role role, Application application, boolean created, boolean earlierApplication)
                implements SubmitResult {
            public Submitted(Role role, Application application, boolean created) {
                this(role, application, created, false);
            }
        }

        record Incomplete(String sectionId) implements SubmitResult {}

        /**
         * Sent sooner than a person could, or with the trap field filled: nothing is sent. The role and the draft as
         * this submission read them, so Check your answers is shown again without reading them again.
         */
        record LooksAutomated(Role role, ApplicationDraft draft) implements SubmitResult {}

        /** Too many applications from this client this hour: nothing sent, the draft kept as it was. */
        record TooManyFromClient() implements SubmitResult {}
    }

    public Role publishedRole(String roleId) {
        return published(roles.find(roleId, Read.EVENTUAL));
    }

    private static Role published(Optional<Role> found) {
        return found.filter(
                        r ->
                                r.status() != org.involve.core.role.RoleStatus.DRAFT
                                        && r.status() != org.involve.core.role.RoleStatus.WITHDRAWN)
                .orElseThrow(RoleNotFound::new);
    }

    public Role openRole(String roleId) {
        return open(publishedRole(roleId));
    }

    private Role open(Role role) {
        if (!role.acceptsApplicationsAt(clock.instant())) throw new RoleClosed(role);
        return role;
    }

    /**
     * As {@link #openRole}, for the steps that only keep a draft (starting one, saving a section): the role may be a
     * copy this container read up to {@link RecentRoles#MAX_AGE} ago (see {@link RecentRoles} for why that is safe),
     * always checked against the clock now. Sending an application never uses it.
     */
    public Role openRoleForDraft(String roleId) {
        return open(published(recentRoles.find(roleId)));
    }

    public boolean acceptingNow(Role role) {
        return role.acceptsApplicationsAt(clock.instant());
    }

    /** The application a draft became, for the confirmation page (shown even if the role has since closed). */
    public Optional<SubmitResult.Submitted> submitted(String draftId, String roleId) {
        return submitted(draft(draftId, roleId));
    }

    private Optional<SubmitResult.Submitted> submitted(ApplicationDraft draft) {
        if (!draft.submitted()) return Optional.empty();
        String roleId = draft.roleId();
        Role role = publishedRole(roleId);
        // Read by the table's key (a consistent read), not the reference index, which can lag just
        // after the write.
        return applications
                .find(roleId, applicantKey(draft.answers()), Read.EVENTUAL)
                .filter(a -> a.reference().equals(draft.submittedReference()))
                .map(a -> new SubmitResult.Submitted(role, a, false, draft.earlierApplication()));
    }

    /**
     * What the page after sending shows: the role and the answers this draft sent, never the stored application, so
     * the page is the same whether the application was new or the person had already applied.
     */
    public record Sent(Role role, Map<String, String> answers) {
        /** Whether an e-mail was sent to the address they gave: the acknowledgement, or the "applied again" notice. */
        public boolean emailed() {
            return ContactPreference.byEmail(answers);
        }

        public String email() {
            return answers.getOrDefault(ApplicationForm.EMAIL, "");
        }

        public String contactMethod() {
            return answers.getOrDefault(ApplicationForm.CONTACT_METHOD, "");
        }

        public boolean talkFirst() {
            return Eligibility.check(role, answers).verdict()
                    == Eligibility.Verdict.TALK_TO_US_FIRST;
        }
    }

    /** The page after sending, for a draft that has been sent; empty while it has not. Reads no application. */
    public Optional<Sent> sent(String draftId, String roleId) {
        ApplicationDraft draft = draft(draftId, roleId);
        if (!draft.submitted()) return Optional.empty();
        return Optional.of(new Sent(publishedRole(roleId), draft.answers()));
    }

    public List<Role> openRoles() {
        Instant now = clock.instant();
        return roles.published().stream().filter(r -> r.acceptsApplicationsAt(now)).toList();
    }

    public ApplicationDraft start(String roleId) {
        return start(openRoleForDraft(roleId));
    }

    /** A new draft for a role just read with {@link #openRoleForDraft} (so a request reads the role once at most). */
    public ApplicationDraft start(Role role) {
        Instant now = clock.instant();
        ApplicationDraft d =
                new ApplicationDraft(
                        References.opaqueId(),
                        role.id(),
                        now,
                        Map.of(),
                        Set.of(),
                        null,
                        now.plus(settings.draftLifetime()),
                        false,
                        ReturnCodes.newReference());
        drafts.save(d);
        return d;
    }

    public ApplicationDraft draft(String draftId, String roleId) {
        if (draftId == null || !draftId.matches("[A-Za-z0-9_-]{10,64}")) throw new DraftNotFound();
        return drafts.find(draftId)
                .filter(d -> d.roleId().equals(roleId))
                .filter(d -> d.expiresAt() == null || d.expiresAt().isAfter(clock.instant()))
                .orElseThrow(DraftNotFound::new);
    }

    /** How long before an unfinished application is deleted its pages warn of it. */
    public static final Duration DRAFT_WARNING = Duration.ofDays(2);

    /** Whether the draft is deleted within {@link #DRAFT_WARNING} unless it is saved again. */
    public boolean expiresSoon(ApplicationDraft draft) {
        return draft.expiresAt() != null
                && !clock.instant().isBefore(draft.expiresAt().minus(DRAFT_WARNING));
    }

    /**
     * The section a page posted to, when its draft has gone: found from what was posted, or, for a section shown only
     * after some answers (tell us more), as if those answers had been given. Empty for an address that is no section.
     */
    public static Optional<Section> sectionPosted(
            Role role, String sectionId, Map<String, String> posted) {
        ApplicationForm form = new ApplicationForm(role);
        Optional<Section> found = form.section(sectionId, posted);
        if (found.isPresent()) return found;
        Map<String, String> every = new java.util.HashMap<>(posted);
        Eligibility.TALK_FIRST.forEach(q -> every.put(q, "yes"));
        return form.section(sectionId, every);
    }

    /** What was typed on a section's page, question by question, cleaned as a save would; unanswered ones left out. */
    public static List<Map.Entry<org.involve.core.kit.Field, String>> typed(
            Section section, Map<String, String> posted) {
        Map<String, String> values = FormValidator.validate(section.fields(), posted).values();
        return section.fields().stream()
                .filter(f -> !values.getOrDefault(f.name(), "").isBlank())
                .map(f -> Map.entry(f, values.get(f.name())))
                .toList();
    }

    public Section section(Role role, ApplicationDraft draft, String sectionId) {
        return new ApplicationForm(role)
                .section(sectionId, draft.answers())
                .orElseThrow(DraftNotFound::new);
    }

    public SectionResult saveSection(
            String draftId, String roleId, String sectionId, Map<String, String> posted) {
        return saveSection(draftId, openRoleForDraft(roleId), sectionId, posted);
    }

    /**
     * Saves a section of the draft for a role just read with {@link #openRoleForDraft} (so a request reads the role
     * once at most): one read of the draft and, when the answers pass, one write.
     */
    public SectionResult saveSection(
            String draftId, Role role, String sectionId, Map<String, String> posted) {
        String roleId = role.id();
        ApplicationDraft draft = draft(draftId, roleId);
        if (draft.submitted()) return new SectionResult.CheckAnswers();
        ApplicationForm form = new ApplicationForm(role);
        Section section = form.section(sectionId, draft.answers()).orElseThrow(DraftNotFound::new);
        FormValidator.Result result = FormValidator.validate(section.fields(), posted);
        FieldErrors errors = result.errors();
        // Each save keeps the answers for the whole period again, counted from now.
        ApplicationDraft extended =
                draft.withSection(sectionId, result.values())
                        .keptUntil(clock.instant().plus(settings.draftLifetime()));
        // A draft saved before references existed gets one now.
        ApplicationDraft saved =
                extended.returnReference() == null
                        ? extended.withReturnReference(ReturnCodes.newReference())
                        : extended;
        crossChecks(role, sectionId, saved.answers(), errors);
        if (!posted.getOrDefault(HONEYPOT, "").isEmpty())
            errors.add(section.fields().get(0).name(), automatedMessage());
        if (!errors.isEmpty())
            return new SectionResult.Invalid(
                    role,
                    draft.answers(),
                    section,
                    result.values(),
                    errors.inOrderOf(section.fields()),
                    draft);

        if (sectionId.equals(ApplicationForm.ELIGIBILITY)) {
            Eligibility.Outcome outcome = Eligibility.check(role, saved.answers());
            if (outcome.verdict() == Eligibility.Verdict.CANNOT_APPLY) {
                // The answer that rules the person out is not kept, and nothing else is deleted:
                // they may
                // have ticked a box by mistake and change it. An earlier answer to this question no
                // longer
                // counts, so the application cannot be sent until it is answered again.
                if (draft.completedSections().contains(sectionId))
                    drafts.save(draft.reopened(sectionId));
                return new SectionResult.CannotApply(role, outcome.reasons());
            }
        }
        drafts.save(saved);
        Optional<String> firstMissing = firstIncomplete(form, saved);
        if (firstMissing.isEmpty()) return new SectionResult.CheckAnswers();
        return form.next(sectionId, saved.answers())
                .filter(n -> !saved.completedSections().contains(n.id()))
                .map(n -> (SectionResult) new SectionResult.Next(n.id()))
                .orElse(new SectionResult.Next(firstMissing.get()));
    }

    /**
     * The checks that span a section's questions (contact details for the chosen contact method, the paid-role limit),
     * added to {@code errors}. Staff entering an application on someone's behalf run the same checks.
     */
    public static void crossChecks(
            Role role, String sectionId, Map<String, String> answers, FieldErrors errors) {
        if (sectionId.equals(ApplicationForm.ABOUT_YOU)) ContactPreference.check(answers, errors);
        if (sectionId.equals(ApplicationForm.REFEREES)) Referee.check(answers, errors);
        if (sectionId.equals(ApplicationForm.PAYMENT))
            PaidRoleLimit.breach(role, answers)
                    .ifPresent(m -> errors.add(ApplicationForm.ACCEPTS_PAYMENT, m));
    }

    /** The first section not yet completed, or whose answers no longer pass (for instance after a change elsewhere). */
    public Optional<String> firstIncomplete(ApplicationForm form, ApplicationDraft draft) {
        for (Section s : form.sections(draft.answers())) {
            if (!draft.completedSections().contains(s.id())) return Optional.of(s.id());
            FieldErrors errors = FormValidator.validate(s.fields(), draft.answers()).errors();
            crossChecks(form.role(), s.id(), draft.answers(), errors);
            if (!errors.isEmpty()) return Optional.of(s.id());
        }
        return Optional.empty();
    }

    /** As {@link #submit(String, String, Map, String)} from no known client: only the e-mails per address are limited. */
    public SubmitResult submit(String draftId, String roleId, Map<String, String> posted) {
        return submit(draftId, roleId, posted, null);
    }

    /**
     * Sends the draft as an application. At most {@link ApplyingSettings#applicationsPerClientPerHour()} are sent from
     * one client in any hour (a rolling hour); beyond that nothing is stored and the draft stays as it was. At most
     * {@link ApplyingSettings#acknowledgementsPerAddressPerDay()} acknowledgement (or "applied again") e-mails go to
     * one address in any 24 hours; beyond that the application is still stored, marked {@link
     * Application.Acknowledgement#EMAIL_LIMITED}, and the person sees the same page.
     *
     * @param client the network address the request came from, counted under a one-way key; null when not known
     */
    public SubmitResult submit(
            String draftId, String roleId, Map<String, String> posted, String client) {
        // The draft is read once, and the role itself (never a recent copy): this is where an
        // application is accepted.
        ApplicationDraft draft = draft(draftId, roleId);
        Optional<SubmitResult.Submitted> already = submitted(draft);
        if (already.isPresent()) return already.get();
        Role role = openRole(roleId);
        Optional<String> missing = firstIncomplete(new ApplicationForm(role), draft);
        if (missing.isPresent()) return new SubmitResult.Incomplete(missing.get());
        Instant now = clock.instant();
        if (!posted.getOrDefault(HONEYPOT, "").isEmpty()
                || Duration.between(draft.startedAt(), now)
                                .compareTo(settings.quickestHumanApplication())
                        < 0) {
            return new SubmitResult.LooksAutomated(role, draft);
        }
        if (client != null
                && !client.isBlank()
                && !limits.take(
                        clientKey(client),
                        settings.applicationsPerClientPerHour(),
                        CLIENT_WINDOW,
                        now)) return new SubmitResult.TooManyFromClient();
        Application app = toApplication(role, draft, now);
        List<OutboxMessage> messages = letters.forSubmission(role, app, now);
        ApplicationStore.Stored stored = applications.submit(app, messages, draftId);
        if (!stored.created() && sentByThisDraft(draftId, stored.application())) {
            // This same draft, sent at the same moment by another request, made the application.
            return new SubmitResult.Submitted(role, stored.application(), false);
        }
        if (!stored.created()) {
            // Someone had already applied with these details (from another draft, or someone else
            // using their e-mail address): nothing new is stored, the person who applied is told,
            // and this draft leads to the same page a new application does.
            Application existing = stored.application();
            List<OutboxMessage> repeat = letters.forRepeat(role, existing, draftId, now);
            // The person is found by the address the new application gave, so when that was counted
            // the same count decides; otherwise this e-mail is counted now. Over the limit, the
            // person is not e-mailed again.
            boolean mayTell =
                    switch (app.acknowledgement()) {
                        case EMAIL_QUEUED -> true;
                        case EMAIL_LIMITED -> false;
                        case STAFF_TO_CONTACT ->
                                repeat.stream()
                                                .noneMatch(
                                                        m ->
                                                                AcknowledgementLetters.APPLIED_AGAIN
                                                                        .equals(m.purpose()))
                                        || mayEmail(existing.answer(ApplicationForm.EMAIL), now);
                    };
            if (!mayTell)
                repeat =
                        repeat.stream()
                                .filter(
                                        m ->
                                                !AcknowledgementLetters.APPLIED_AGAIN.equals(
                                                        m.purpose()))
                                .toList();
            applications.submittedAgain(draft.pointingAtEarlier(existing.reference()), repeat);
        }
        return new SubmitResult.Submitted(
                role, stored.application(), stored.created(), !stored.created());
    }

    /** Whether the draft was marked with this application, which the application's own write does. */
    private boolean sentByThisDraft(String draftId, Application existing) {
        return drafts.find(draftId)
                .map(d -> existing.reference().equals(d.submittedReference()))
                .orElse(false);
    }

    private Application toApplication(Role role, ApplicationDraft draft, Instant now) {
        Map<String, String> answers = draft.answers();
        boolean talkFirst =
                Eligibility.check(role, answers).verdict() == Eligibility.Verdict.TALK_TO_US_FIRST;
        return new Application(
                References.applicationReference(),
                role.id(),
                applicantKey(answers),
                talkFirst ? Application.Status.HELD_TO_TALK_FIRST : Application.Status.RECEIVED,
                answers,
                now,
                answers.get(ApplicationForm.CONTACT_METHOD),
                !ContactPreference.byEmail(answers)
                        ? Application.Acknowledgement.STAFF_TO_CONTACT
                        : mayEmail(answers.get(ApplicationForm.EMAIL), now)
                                ? Application.Acknowledgement.EMAIL_QUEUED
                                : Application.Acknowledgement.EMAIL_LIMITED,
                "applicant");
    }

    /**
     * Counts one e-mail to this address now; false when the limit of e-mails to it in the {@link AddressLimit#WINDOW}
     * before now was reached (this one is not counted).
     */
    private boolean mayEmail(String email, Instant now) {
        if (email == null || email.isBlank()) return true;
        return AddressLimit.take(
                limits, "ack", email, settings.acknowledgementsPerAddressPerDay(), now);
    }

    /** One client's applications are limited in any hour: a rolling hour, not a clock hour. */
    static final Duration CLIENT_WINDOW = Duration.ofHours(1);

    /** One client, under a one-way key of its address: no address is stored. */
    static String clientKey(String client) {
        return "apply-client#" + References.sha256("client:" + client.trim());
    }

    /** The same person for one role: by e-mail when given, else phone, else name and postcode. Stored as a hash. */
    public static String applicantKey(Map<String, String> answers) {
        String email = answers.getOrDefault(ApplicationForm.EMAIL, "");
        if (!email.isEmpty())
            return References.sha256("email:" + AnswerRules.normaliseEmail(email));
        String phone = answers.getOrDefault(ApplicationForm.PHONE, "");
        if (!phone.isEmpty())
            return References.sha256("phone:" + AnswerRules.normalisePhone(phone));
        return References.sha256(
                "post:"
                        + answers.getOrDefault(ApplicationForm.FULL_NAME, "")
                                .toLowerCase(java.util.Locale.UK)
                                .replaceAll("\\s+", " ")
                        + "|"
                        + AnswerRules.normalisePostcode(
                                answers.getOrDefault(ApplicationForm.POSTCODE, "")));
    }

    public static String automatedMessage() {
        return Words.of("apply").get("error.tooFast");
    }
}
