package org.involve.core.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.attempts.Attempts;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.draft.DraftStore;
import org.involve.core.draft.ReturnCodes;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Letter;
import org.involve.core.kit.Read;
import org.involve.core.kit.References;
import org.involve.core.kit.Words;
import org.involve.core.links.LinkCheck;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.LinkRefusal;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.paths.PublicPaths;
import org.involve.core.role.Contact;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * Carrying on with an unsent application on any device: by a "continue your application" e-mail whose signed link
 * opens the draft in any browser, or by the draft's reference and short code (read out by telephone, or typed on the
 * "Continue an application" page). Asking for e-mails and guessing codes are limited, and a wrong reference gets the
 * same answer as a wrong code, so nobody can find out which references exist.
 */
public final class SaveAndReturn {
    public static final String EMAIL = "email";
    public static final String REFERENCE = "reference";
    public static final String CODE = "code";

    /** E-mails one draft may ask for in any hour ({@link #PERIOD}, a rolling hour, not a clock hour). */
    public static final int EMAILS_PER_HOUR = 3;

    /**
     * "Continue your application" e-mails to one address in any 24 hours, whichever drafts ask: new drafts cannot
     * be used to fill someone's inbox.
     */
    public static final int EMAILS_PER_ADDRESS_PER_DAY = 3;

    /** Tries at a code for one reference in any hour (whether or not the reference exists). */
    public static final int TRIES_PER_REFERENCE = 5;

    /** Tries at a code from one client in any hour. */
    public static final int TRIES_PER_CLIENT = 20;

    static final Duration PERIOD = Duration.ofHours(1);
    static final String EMAIL_LINK = "continue-link";
    private static final Words WORDS = Words.of("apply");

    private final DraftStore drafts;
    private final Attempts limits;
    private final RoleReader roles;
    private final SignedLink links;
    private final ReturnCodes codes;
    private final Clock clock;
    private final String siteUrl;

    public SaveAndReturn(
            DraftStore drafts,
            Attempts limits,
            RoleReader roles,
            SignedLink links,
            ReturnCodes codes,
            Clock clock,
            String siteUrl) {
        this.drafts = drafts;
        this.limits = limits;
        this.roles = roles;
        this.links = links;
        this.codes = codes;
        this.clock = clock;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
    }

    /** What a person needs to carry on by telephone or on another device. */
    public record Details(String reference, String code) {}

    /** The draft's reference and code; empty for a draft saved before references existed (it gets one when saved). */
    public Optional<Details> details(ApplicationDraft draft) {
        if (draft.returnReference() == null) return Optional.empty();
        return Optional.of(new Details(draft.returnReference(), codes.code(draft.id())));
    }

    /** Whether the person may ask for the e-mail yet: after the first section is saved. */
    public static boolean offered(ApplicationDraft draft) {
        return !draft.submitted() && !draft.completedSections().isEmpty();
    }

    public static Field emailField() {
        return new Field(
                EMAIL,
                WORDS.get("field.continueEmail.label"),
                WORDS.get("field.continueEmail.hint"),
                Field.Kind.EMAIL,
                true,
                254,
                List.of(),
                "email",
                WORDS.get("field.continueEmail.error"));
    }

    public static List<Field> codeFields() {
        return List.of(
                new Field(
                        REFERENCE,
                        WORDS.get("field.continueReference.label"),
                        WORDS.get("field.continueReference.hint"),
                        Field.Kind.TEXT,
                        true,
                        20,
                        List.of(),
                        "off",
                        WORDS.get("field.continueReference.error")),
                new Field(
                        CODE,
                        WORDS.get("field.continueCode.label"),
                        WORDS.get("field.continueCode.hint"),
                        Field.Kind.TEXT,
                        true,
                        20,
                        List.of(),
                        "off",
                        WORDS.get("field.continueCode.error")));
    }

    public sealed interface LinkResult {
        record Sent(String email) implements LinkResult {}

        record Invalid(FieldErrors errors, String typed) implements LinkResult {}

        /** Asked too often: nothing sent. */
        record TooMany() implements LinkResult {}

        /** Not offered for this draft yet (no section saved) or any more (sent). */
        record NotOffered() implements LinkResult {}
    }

    /**
     * Sends the "continue your application" e-mail to the address typed: at most {@link #EMAILS_PER_HOUR} asked for
     * by one draft in any hour, and at most {@link #EMAILS_PER_ADDRESS_PER_DAY} sent to one address in any 24 hours.
     */
    public LinkResult emailLink(ApplicationDraft draft, Role role, String typed) {
        if (!offered(draft)) return new LinkResult.NotOffered();
        String value = typed == null ? "" : typed.strip();
        FieldErrors errors = new FieldErrors();
        FormValidator.check(emailField(), value).ifPresent(m -> errors.add(EMAIL, m));
        if (!errors.isEmpty()) return new LinkResult.Invalid(errors, value);
        Instant now = clock.instant();
        OutboxMessage message =
                new OutboxMessage(
                        "continue-" + References.opaqueId(),
                        letter(draft, role, value, now),
                        now,
                        now,
                        0,
                        EMAIL_LINK);
        if (!limits.take("email#" + draft.id(), EMAILS_PER_HOUR, PERIOD, now))
            return new LinkResult.TooMany();
        // Over the address's limit nothing is sent, but the page says the same as when it goes, so
        // nobody can learn how often an address was sent to.
        AddressLimit.takeWithMail(
                limits, "continue", value, EMAILS_PER_ADDRESS_PER_DAY, now, message);
        return new LinkResult.Sent(value);
    }

    /** The address of the link that opens the draft, working until the draft's present expiry. */
    String url(ApplicationDraft draft) {
        return siteUrl
                + PublicPaths.CONTINUE_LINK.fill(
                        draft.roleId(),
                        links.issue(
                                LinkPurpose.CONTINUE_APPLICATION, draft.id(), draft.expiresAt()));
    }

    private org.involve.core.kit.Email letter(
            ApplicationDraft draft, Role role, String email, Instant now) {
        String keptUntil =
                draft.expiresAt() == null
                        ? ""
                        : ClosingTime.displayDate(
                                draft.expiresAt().atZone(ClosingTime.UK).toLocalDate());
        Letter l =
                Letter.of(WORDS, "continueLink")
                        .say("intro", "role", role.title())
                        .say("keptUntil", "date", keptUntil)
                        .linked("link", url(draft));
        details(draft)
                .ifPresent(d -> l.say("byCode", "reference", d.reference(), "code", d.code()));
        l.say("ifNotYou");
        Contact c = role.contact();
        if (c.hasPhone())
            l.say("contact.withPhone", "name", c.name(), "email", c.email(), "phone", c.phone());
        else l.say("contact.withoutPhone", "name", c.name(), "email", c.email());
        return l.send(email, "role", role.title());
    }

    public sealed interface Opened {
        /** The draft to carry on with. */
        record Draft(ApplicationDraft draft) implements Opened {}

        /** The link no longer works: the application was sent, or the answers were deleted. */
        record Gone(Optional<Role> role) implements Opened {}

        /** Not a link we made for this (garbled, cut short, or for something else): nothing was ever there. */
        record NotRecognised(Optional<Role> role) implements Opened {}
    }

    /** Opens a draft from the e-mail's link (in any browser). The role is the one in the link's address. */
    public Opened openLink(String roleId, String token) {
        Instant now = clock.instant();
        LinkCheck check = links.verify(token, LinkPurpose.CONTINUE_APPLICATION, now);
        Optional<Role> role = publishedRole(roleId);
        if (check instanceof LinkCheck.Refused refused)
            // Only a link of ours that ran out has "gone"; saying so of a garbled one would
            // mislead.
            return refused.reason() == LinkRefusal.EXPIRED
                    ? new Opened.Gone(role)
                    : new Opened.NotRecognised(role);
        LinkCheck.Valid valid = (LinkCheck.Valid) check;
        return usable(valid.subjectId(), roleId, now)
                .<Opened>map(Opened.Draft::new)
                .orElse(new Opened.Gone(role));
    }

    public sealed interface CodeResult {
        record Draft(ApplicationDraft draft) implements CodeResult {}

        /** The same whether the reference was unknown, the code wrong, or the draft sent or gone. */
        record NoMatch(FieldErrors errors, Map<String, String> typed) implements CodeResult {}

        record TooMany() implements CodeResult {}
    }

    /**
     * Opens a draft from its reference and code. Each try counts against the client ({@code client}, e.g. its
     * address, kept only as a keyed hash) and against the reference typed, whether or not the reference exists.
     */
    public CodeResult openByCode(Map<String, String> posted, String client) {
        List<Field> fields = codeFields();
        FormValidator.Result result = FormValidator.validate(fields, posted);
        Map<String, String> typed = result.values();
        if (!result.errors().isEmpty())
            return new CodeResult.NoMatch(result.errors().inOrderOf(fields), typed);
        Instant now = clock.instant();
        if (!limits.take("code-client#" + codes.pseudonym(client), TRIES_PER_CLIENT, PERIOD, now))
            return new CodeResult.TooMany();
        Optional<String> reference = ReturnCodes.reference(typed.get(REFERENCE));
        String referenceKey =
                codes.pseudonym("reference|" + reference.orElse(typed.get(REFERENCE)));
        if (!limits.take("code-reference#" + referenceKey, TRIES_PER_REFERENCE, PERIOD, now))
            return new CodeResult.TooMany();
        Optional<ApplicationDraft> found =
                reference
                        .flatMap(drafts::findByReturnReference)
                        .filter(d -> codes.matches(d.id(), typed.get(CODE)))
                        .flatMap(d -> usable(d, now));
        if (found.isPresent()) return new CodeResult.Draft(found.get());
        FieldErrors errors = new FieldErrors();
        errors.add(REFERENCE, WORDS.get("error.continue.noMatch"));
        return new CodeResult.NoMatch(errors, typed);
    }

    /** The draft, if it is for this role, not sent and not expired, and its role still takes applications. */
    private Optional<ApplicationDraft> usable(String draftId, String roleId, Instant now) {
        return drafts.find(draftId)
                .filter(d -> d.roleId().equals(roleId))
                .flatMap(d -> usable(d, now));
    }

    /** The draft just read (found by its reference, read consistently), if it is not sent, not expired, and its role still takes applications. */
    private Optional<ApplicationDraft> usable(ApplicationDraft draft, Instant now) {
        return Optional.of(draft)
                .filter(d -> !d.submitted())
                .filter(d -> d.expiresAt() == null || d.expiresAt().isAfter(now))
                .filter(
                        d ->
                                publishedRole(d.roleId())
                                        .filter(r -> r.acceptsApplicationsAt(now))
                                        .isPresent());
    }

    private Optional<Role> publishedRole(String roleId) {
        if (roleId == null || !roleId.matches("[A-Za-z0-9_-]{1,120}")) return Optional.empty();
        return roles.find(roleId, Read.EVENTUAL)
                .filter(
                        r ->
                                r.status() != org.involve.core.role.RoleStatus.DRAFT
                                        && r.status()
                                                != org.involve.core.role.RoleStatus.WITHDRAWN);
    }
}
