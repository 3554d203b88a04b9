package org.involve.core.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.core.attempts.Attempts;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.KeyedHmac;
import org.involve.core.kit.Read;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Equal-opportunities answers given with a short code ({@link MonitoringCode}): typed by the applicant on the public
 * start page, or read out by telephone or written on the paper form and entered by a staff member outside the
 * assessing team. The answers are kept exactly as through the link: under the key the monitoring key works out from
 * the link's token, so the code never becomes a way to join answers to applications. A code is used once. Every
 * refusal of a code (never issued, mistyped, expired, used) gives the same answer, and tries are limited. A code for a
 * role whose round is over is told so plainly ({@link Result.Closed}), as through the link ({@link MonitoringForm}):
 * saying that a code is real tells a guesser nothing they can use, and tries are limited.
 */
public final class MonitoringByCode {
    /** Tries at a code one person (or one address) may make in any {@link #WINDOW_MINUTES} minutes (a rolling window). */
    public static final int TRIES = 10;

    public static final int WINDOW_MINUTES = 15;

    /** What the audit trail says: no code, no role, no answer. */
    public static final String ENTERED = "monitoring answers entered from telephone or paper",
            AUDIT_RECORD = "monitoring-answers";

    private final MonitoringCode codes;
    private final MonitoringCodes entries;
    private final Attempts tries;
    private final MonitoringKey keys;
    private final Supplier<RolePanels> panels;
    private final Supplier<RoleReader> roles;
    private final KeyedHmac sources;
    private final Clock clock;

    /**
     * @param panels each role's panel: nobody on it may enter answers for that role (asked for only when staff enter
     *     answers)
     * @param roles to tell whether the code's role still takes answers (its round is not over), before the form is
     *     shown; the write checks it again
     * @param tries where tries at a code are counted, per source
     * @param signingKey to keep only an HMAC of where tries come from
     */
    public MonitoringByCode(
            MonitoringCode codes,
            MonitoringCodes entries,
            Attempts tries,
            MonitoringKey keys,
            Supplier<RolePanels> panels,
            Supplier<RoleReader> roles,
            String signingKey,
            Clock clock) {
        this(codes, entries, tries, keys, panels, roles, KeyedHmac.fixed(signingKey), clock);
    }

    /** The same, with the monitoring links' key read when it is used (from the key store). */
    public MonitoringByCode(
            MonitoringCode codes,
            MonitoringCodes entries,
            Attempts tries,
            MonitoringKey keys,
            Supplier<RolePanels> panels,
            Supplier<RoleReader> roles,
            Supplier<String> signingKey,
            Clock clock) {
        this(codes, entries, tries, keys, panels, roles, new KeyedHmac(signingKey), clock);
    }

    private MonitoringByCode(
            MonitoringCode codes,
            MonitoringCodes entries,
            Attempts tries,
            MonitoringKey keys,
            Supplier<RolePanels> panels,
            Supplier<RoleReader> roles,
            KeyedHmac sources,
            Clock clock) {
        this.codes = codes;
        this.entries = entries;
        this.tries = tries;
        this.keys = keys;
        this.panels = panels;
        this.roles = roles;
        this.sources = sources;
        this.clock = clock;
    }

    public sealed interface Result {
        /** The code can be used: show the form for it. */
        record Open(String code) implements Result {}

        record Recorded() implements Result {}

        /** Not a code we can use: the same whatever the reason. */
        record NotUsable() implements Result {}

        record TooManyTries() implements Result {}

        /** Staff only: the person is on the role's panel, so must ask someone outside it. */
        record OnPanel() implements Result {}

        /** The code's role has finished its round (filled or withdrawn): the form has closed for it. */
        record Closed() implements Result {}

        record Invalid(String code, Map<String, String> values, FieldErrors errors)
                implements Result {}
    }

    /**
     * Whether a staff member may enter answers for a role: they hold the permission and are not on its panel (the
     * assessing team must never see who said what).
     */
    public boolean mayEnter(StaffMember who, String roleId) {
        return who.may(Permission.ENTER_MONITORING_ANSWERS)
                && panels.get().panelOf(roleId, Read.CONSISTENT).members().stream()
                        .noneMatch(m -> m.id().equals(who.id()));
    }

    /** The applicant typed a code on the start page; {@code from} is where the request came from (never kept). */
    public Result open(String typed, String from) {
        if (!tried("public:" + from)) return new Result.TooManyTries();
        return usable(typed)
                .<Result>map(u -> open(u) ? new Result.Open(u.code()) : new Result.Closed())
                .orElse(new Result.NotUsable());
    }

    public Result submit(String typed, String from, Map<String, String> posted) {
        if (!tried("public:" + from)) return new Result.TooManyTries();
        return record(typed, posted, null);
    }

    /** A staff member typed a code they were given. Needs ENTER_MONITORING_ANSWERS; limited per person. */
    public Result openForStaff(StaffMember who, String typed) {
        if (!who.may(Permission.ENTER_MONITORING_ANSWERS))
            throw new org.involve.core.staff.AccessDenied(Permission.ENTER_MONITORING_ANSWERS);
        if (!tried("staff:" + who.id())) return new Result.TooManyTries();
        Optional<Usable> u = usable(typed);
        if (u.isEmpty()) return new Result.NotUsable();
        if (!open(u.get())) return new Result.Closed();
        if (!mayEnter(who, u.get().entry().roleId())) return new Result.OnPanel();
        return new Result.Open(u.get().code());
    }

    public Result submitForStaff(StaffMember who, String typed, Map<String, String> posted) {
        if (!who.may(Permission.ENTER_MONITORING_ANSWERS))
            throw new org.involve.core.staff.AccessDenied(Permission.ENTER_MONITORING_ANSWERS);
        if (!tried("staff:" + who.id())) return new Result.TooManyTries();
        Optional<Usable> u = usable(typed);
        if (u.isPresent() && !open(u.get())) return new Result.Closed();
        if (u.isPresent() && !mayEnter(who, u.get().entry().roleId())) return new Result.OnPanel();
        return record(typed, posted, who);
    }

    /**
     * Counts one try at a code from {@code from} (kept only as an HMAC, never an address) now.
     *
     * @return false when {@code from} has already made {@link #TRIES} tries in the {@link #WINDOW_MINUTES} minutes
     *     before now (this one is not counted)
     */
    private boolean tried(String from) {
        return tries.take(source(from), TRIES, Duration.ofMinutes(WINDOW_MINUTES), clock.instant());
    }

    private Result record(String typed, Map<String, String> posted, StaffMember who) {
        Optional<Usable> u = usable(typed);
        if (u.isEmpty()) return new Result.NotUsable();
        if (!open(u.get())) return new Result.Closed();
        FormValidator.Result r =
                FormValidator.validate(MonitoringQuestions.section().fields(), posted);
        if (!r.errors().isEmpty())
            return new Result.Invalid(u.get().code(), r.values(), r.errors());
        Instant now = clock.instant();
        MonitoringCodes.Entry e = u.get().entry();
        AuditEntry audit =
                who == null
                        ? null
                        : AuditEntry.by(who, ENTERED, AUDIT_RECORD, now, null, "ENTERED");
        return switch (entries.record(
                new MonitoringResponse(keys.forToken(e.token()), e.roleId(), r.values()),
                e.codeId(),
                now,
                audit)) {
            case RECORDED -> new Result.Recorded();
            case ALREADY_RECORDED -> new Result.NotUsable();
            case CLOSED -> new Result.Closed();
        };
    }

    private record Usable(String code, MonitoringCodes.Entry entry) {}

    /** The code's role still takes answers ({@link MonitoringForm#takesAnswers}). */
    private boolean open(Usable u) {
        return MonitoringForm.takesAnswers(roles.get().find(u.entry().roleId(), Read.EVENTUAL));
    }

    private Optional<Usable> usable(String typed) {
        Instant now = clock.instant();
        return MonitoringCode.normalise(typed)
                .flatMap(c -> entries.find(codes.idOf(c)).map(e -> new Usable(c, e)))
                .filter(u -> u.entry().expiresAt().isAfter(now));
    }

    private String source(String from) {
        return sources.get().signUrlSafe("monitoring-code-tries:" + (from == null ? "" : from), 16);
    }
}
