package org.involve.core.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application.Status;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The talk-to-us-first queue: applications held because of something the applicant declared, and recording the
 * conversation the team has with them (the application goes ahead, or does not, with the reason kept in plain words).
 * Staff group only; each decision is one step of the round with its audit entry.
 */
public final class TalkFirstQueue {
    private static final Words WORDS = Words.of("applications");
    public static final String RESULT = "result",
            REASON = "reason",
            GOES_AHEAD = "goes-ahead",
            DOES_NOT_GO_AHEAD = "does-not-go-ahead";
    public static final List<Field> TALK_FIRST_FIELDS =
            List.of(
                    Field.radios(
                            RESULT,
                            WORDS.get("field.result.label"),
                            null,
                            List.of(
                                    new Field.Option(
                                            GOES_AHEAD, WORDS.get("field.result.goes-ahead")),
                                    new Field.Option(
                                            DOES_NOT_GO_AHEAD,
                                            WORDS.get("field.result.does-not-go-ahead"))),
                            WORDS.get("field.result.error")),
                    Field.textarea(
                            REASON,
                            WORDS.get("field.reason.label"),
                            WORDS.get("field.reason.hint"),
                            false,
                            1000,
                            WORDS.get("field.reason.error")));

    private final RoleReader roles;
    private final RoundApplications round;
    private final Clock clock;

    public TalkFirstQueue(RoleReader roles, RoundApplications round, Clock clock) {
        this.roles = roles;
        this.round = round;
        this.clock = clock;
    }

    /** A held application with what the applicant declared and how to reach them. */
    public record Held(Role role, Application application, List<String> declared) {}

    /** Whether the application is in this queue: held until the team has talked to the applicant. */
    public static boolean isHeld(Application a) {
        return a.status() == Status.HELD_TO_TALK_FIRST;
    }

    /**
     * Every application held to talk first, across published roles, oldest first: one query of the applications held
     * (however many applications there are) and the roles.
     */
    public List<Held> held(StaffMember who) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Map<String, Role> published = StaffLookup.publishedById(roles);
        return round.heldToTalkFirst().stream()
                .filter(a -> isHeld(a) && published.containsKey(a.roleId()))
                .map(
                        a -> {
                            Role r = published.get(a.roleId());
                            return new Held(r, a, StaffLookup.declared(r, a));
                        })
                .sorted(Comparator.comparing((Held h) -> h.application().submittedAt()))
                .toList();
    }

    public Held heldApplication(StaffMember who, String reference) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = StaffLookup.application(round, reference);
        Role role = StaffLookup.role(roles, app.roleId());
        return new Held(role, app, StaffLookup.declared(role, app));
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
    public Decision recordConversation(
            StaffMember who, String reference, Map<String, String> posted) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = StaffLookup.application(round, reference);
        // Still held, but changed since the form was read: refused, to be read again.
        if (app.status() == Status.HELD_TO_TALK_FIRST)
            app.unchangedSince(posted.get(Version.FIELD));
        FormValidator.Result r = FormValidator.validate(TALK_FIRST_FIELDS, posted);
        FieldErrors errors = r.errors();
        String result = r.values().get(RESULT);
        String reason = r.values().get(REASON);
        if (DOES_NOT_GO_AHEAD.equals(result) && reason.isEmpty())
            errors.add(REASON, TALK_FIRST_FIELDS.get(1).missingMessage());
        if (!errors.isEmpty()) return new Decision.Invalid(r.values(), errors);
        if (app.status() != Status.HELD_TO_TALK_FIRST) return new Decision.NotHeld(app);

        Instant now = clock.instant();
        boolean goesAhead = GOES_AHEAD.equals(result);
        Status to = goesAhead ? Status.RECEIVED : Status.NOT_SHORTLISTED;
        String outcome =
                WORDS.get(
                        goesAhead
                                ? "record.talkFirst.goesAhead"
                                : "record.talkFirst.doesNotGoAhead");
        String kept =
                reason.isEmpty()
                        ? WORDS.format("record.talkFirst.result", "outcome", outcome)
                        : WORDS.format(
                                "record.talkFirst.resultWithReason",
                                "outcome",
                                outcome,
                                "reason",
                                reason);
        String by =
                WORDS.format(
                        "record.talkFirst.by",
                        "name",
                        who.displayName(),
                        "date",
                        ClosingTime.displayDate(now.atZone(ClosingTime.UK).toLocalDate()));
        Map<String, String> facts = HandlingFacts.talkedFirst(kept, by);
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        goesAhead
                                ? "talked first: application goes ahead"
                                : "talked first: application does not go ahead",
                        StaffLookup.record(app),
                        now,
                        app.status().name(),
                        to.name());
        if (!round.advance(app, to, facts, entry, List.of()))
            return new Decision.NotHeld(StaffLookup.application(round, reference));
        return new Decision.Recorded(app.after(to, facts), to);
    }
}
