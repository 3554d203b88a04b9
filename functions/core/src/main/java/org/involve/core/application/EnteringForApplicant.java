package org.involve.core.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application.Status;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.References;
import org.involve.core.kit.Section;
import org.involve.core.kit.Words;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff enter an application received by telephone, voice recording or post on the applicant's behalf: the same
 * questions and checks as the public form, marked with who entered it and how it reached them, stored with its audit
 * entry, and acknowledged as the applicant asked. Needs ENTER_APPLICATION_FOR_APPLICANT.
 */
public final class EnteringForApplicant {
    private static final Words WORDS = Words.of("applications");

    /** The one question added to the application form when staff enter it. */
    public static final String RECEIVED_BY = "receivedBy";

    public static final Field RECEIVED_BY_FIELD =
            Field.radios(
                    RECEIVED_BY,
                    WORDS.get("field.receivedBy.label"),
                    null,
                    List.of(option("telephone"), option("voice-recording"), option("post")),
                    WORDS.get("field.receivedBy.error"));

    private final RoleReader roles;
    private final ApplicationRecords records;
    private final AcknowledgementLetters letters;
    private final Clock clock;
    private final String continueAddress;

    /**
     * @param siteUrl the public site, for the links in the acknowledgement and to the equal opportunities form
     * @param staffSiteUrl the staff site, for the links in the team's e-mails
     */
    public EnteringForApplicant(
            RoleReader roles,
            ApplicationRecords records,
            MonitoringToken tokens,
            String siteUrl,
            String staffSiteUrl,
            Clock clock,
            WithdrawalLink withdrawal) {
        if (siteUrl == null || !siteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The site address must be an http(s) address");
        if (staffSiteUrl == null || !staffSiteUrl.matches("https?://[^\\s]+"))
            throw new IllegalArgumentException("The staff site address must be an http(s) address");
        this.roles = roles;
        this.records = records;
        this.letters =
                new AcknowledgementLetters(
                        siteUrl.replaceAll("/+$", ""),
                        staffSiteUrl.replaceAll("/+$", ""),
                        withdrawal,
                        tokens);
        this.clock = clock;
        this.continueAddress = siteUrl.replaceAll("/+$", "") + PublicPaths.CONTINUE.fill();
    }

    private static Field.Option option(String channel) {
        return new Field.Option(channel, WORDS.get("field.receivedBy." + channel));
    }

    /**
     * @param continueAddress the public "Continue an application" page, where a caller who started online carries on
     *     with the reference and code they read out (their answers are anonymous, so staff cannot look them up)
     */
    public record Form(Role role, List<Section> sections, String continueAddress)
            implements Start {}

    /** What staff see before typing anything: the role's form, or why it takes no applications now. */
    public sealed interface Start permits Form, Entry.Closed {}

    /** The questions staff ask: how it reached them, then every section of the role's application form. */
    public Form form(StaffMember who, String roleId, Map<String, String> answers) {
        who.require(Permission.ENTER_APPLICATION_FOR_APPLICANT);
        Role role = StaffLookup.role(roles, roleId);
        return new Form(role, new ApplicationForm(role).sections(answers), continueAddress);
    }

    /**
     * The empty form, or {@link Entry.Closed} when the role takes no applications now: staff learn that before they
     * type an application that could not be saved.
     */
    public Start start(StaffMember who, String roleId) {
        Form form = form(who, roleId, Map.of());
        Entry.Closed closed = closedNow(who, form.role(), clock.instant());
        return closed != null ? closed : form;
    }

    /** Null while the role takes applications (the same rule the public form applies), else why not. */
    static Entry.Closed closedNow(StaffMember who, Role role, Instant now) {
        if (role.acceptsApplicationsAt(now)) return null;
        return new Entry.Closed(
                role, role.closingDateCanBeExtended() && who.may(Permission.EXTEND_CLOSING_DATE));
    }

    public sealed interface Entry {
        /** Something needs correcting: the posted values are kept so nothing typed is lost. */
        record Invalid(Form form, Map<String, String> values, FieldErrors errors)
                implements Entry {}

        /** The answers mean the applicant cannot take the role: nothing is stored; staff explain the reasons. */
        record CannotApply(Role role, List<String> reasons) implements Entry {}

        /**
         * The role takes no applications now: a draft, past its closing date, being shortlisted, filled or withdrawn.
         *
         * @param mayExtend true only when this person can extend the closing date, the one way to enter it after all
         */
        record Closed(Role role, boolean mayExtend) implements Entry, Start {}

        /**
         * @param created    false when this applicant had already applied: the existing application is shown instead
         * @param messageIds messages queued (announced by the outbox as it wrote them)
         */
        record Entered(Role role, Application application, boolean created, List<String> messageIds)
                implements Entry {}
    }

    /**
     * Checks the posted answers exactly as the public form does (every section's questions, its cross-checks, then
     * eligibility) and stores the application, marked as entered by this member of staff and how it reached them.
     */
    public Entry enter(StaffMember who, String roleId, Map<String, String> posted) {
        Form form = form(who, roleId, posted);
        Role role = form.role();
        Instant now = clock.instant();
        Entry.Closed closed = closedNow(who, role, now);
        if (closed != null) return closed;

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
        for (Section s : form.sections())
            ApplicationJourney.crossChecks(role, s.id(), answers, errors);
        values.putAll(answers);
        values.putAll(channel.values());
        if (!errors.isEmpty()) return new Entry.Invalid(form, values, errors);

        Eligibility.Outcome eligibility = Eligibility.check(role, answers);
        if (eligibility.verdict() == Eligibility.Verdict.CANNOT_APPLY)
            return new Entry.CannotApply(role, eligibility.reasons());

        Status status =
                eligibility.verdict() == Eligibility.Verdict.TALK_TO_US_FIRST
                        ? Status.HELD_TO_TALK_FIRST
                        : Status.RECEIVED;
        String how = channel.values().get(RECEIVED_BY);
        Application app =
                new Application(
                        References.applicationReference(),
                        role.id(),
                        ApplicationJourney.applicantKey(answers),
                        status,
                        answers,
                        now,
                        answers.get(ApplicationForm.CONTACT_METHOD),
                        ContactPreference.byEmail(answers)
                                ? Application.Acknowledgement.EMAIL_QUEUED
                                : Application.Acknowledgement.STAFF_TO_CONTACT,
                        who.id(),
                        HandlingFacts.entered(how, who.displayName()));
        List<OutboxMessage> messages = letters.forSubmission(role, app, now);
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        "application entered for the applicant (" + how + ")",
                        StaffLookup.record(app),
                        now,
                        null,
                        status.name());
        ApplicationStore.Stored stored = records.enter(app, messages, entry);
        return new Entry.Entered(
                role,
                stored.application(),
                stored.created(),
                stored.created() ? messages.stream().map(OutboxMessage::id).toList() : List.of());
    }
}
