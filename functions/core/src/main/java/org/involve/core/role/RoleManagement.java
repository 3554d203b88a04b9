package org.involve.core.role;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Read;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * What staff do to roles, with the rules: only those allowed to manage roles may; a role is created as a draft;
 * it can be edited while a draft or open; it is published only with a closing time still ahead; it can be withdrawn
 * unless already withdrawn or filled; an open role's closing date can only move later. Every change is written with
 * its audit entry (who, what, which role, when, the state before and after) in one go.
 */
public final class RoleManagement {
    private static final Words WORDS = Words.of("roles");

    /** The field every form that changes a role posts: the {@link Role#version} it was read at. */
    public static final String VERSION = Version.FIELD;

    private final RoleEditor records;
    private final ApplicationCounts applications;
    private final Clock clock;

    public RoleManagement(RoleEditor records, ApplicationCounts applications, Clock clock) {
        this.records = records;
        this.applications = applications;
        this.clock = clock;
    }

    /** A role in the staff list, with its number of applications. */
    public record Listed(Role role, int applications) {}

    /** The outcome of a form: the saved role, or what is wrong with what was posted. */
    public sealed interface Saved permits Done, Invalid {}

    public record Done(Role role) implements Saved {}

    public record Invalid(FieldErrors errors) implements Saved {}

    /** A change the rules do not allow, in words to show. */
    public static class Refused extends org.involve.core.kit.Refused {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The role changed after the person read it (or the form carried no version): nothing was saved.
     * {@code current} is the role as it is now, to show beside what they entered.
     */
    public static final class ChangedMeanwhile extends Refused {
        private final transient Role current;

        public ChangedMeanwhile(Role current) {
            super(WORDS.get("error.changedMeanwhile"));
            this.current = current;
        }

        public Role current() {
            return current;
        }
    }

    public static final class NoSuchRole extends org.involve.core.kit.NotFound {
        public NoSuchRole(String roleId) {
            super("No role " + roleId);
        }
    }

    /** Every role, open and draft first, each with its number of applications. */
    public List<Listed> list(StaffMember who) {
        who.require(Permission.MANAGE_ROLES);
        List<Role> sorted =
                records.all().stream()
                        .sorted(
                                Comparator.comparing((Role r) -> order(r.status()))
                                        .thenComparing(Role::closingDate))
                        .toList();
        Map<String, Integer> counts = applications.ofEach(sorted.stream().map(Role::id).toList());
        return sorted.stream().map(r -> new Listed(r, counts.get(r.id()))).toList();
    }

    private static int order(RoleStatus s) {
        return switch (s) {
            case OPEN -> 0;
            case DRAFT -> 1;
            case SHORTLISTING -> 2;
            case FILLED -> 3;
            case WITHDRAWN -> 4;
        };
    }

    public Role role(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_ROLES);
        return records.find(roleId, Read.CONSISTENT).orElseThrow(() -> new NoSuchRole(roleId));
    }

    /** How many applications a role has. */
    public int applications(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_ROLES);
        return applications.of(roleId);
    }

    public Saved create(StaffMember who, Map<String, String> posted) {
        who.require(Permission.MANAGE_ROLES);
        String base = RoleForm.idFor(posted.get(RoleForm.TITLE));
        for (int n = 1; n <= 50; n++) {
            String id = n == 1 ? base : base + "-" + n;
            RoleForm.Result result = RoleForm.read(posted, null, id);
            if (result instanceof RoleForm.Invalid invalid) return new Invalid(invalid.errors());
            Role role = ((RoleForm.Valid) result).role();
            if (records.create(role, entry(who, "role created", role, null))) return new Done(role);
        }
        throw new Refused(WORDS.get("error.manyWithTitle"));
    }

    public Saved update(StaffMember who, String roleId, Map<String, String> posted) {
        Role before = unchanged(who, roleId, posted.get(VERSION));
        if (before.status() != RoleStatus.DRAFT && before.status() != RoleStatus.OPEN) {
            throw new Refused(
                    WORDS.format("error.cannotChange", "status", describe(before.status())));
        }
        RoleForm.Result result = RoleForm.read(posted, before, roleId);
        if (result instanceof RoleForm.Invalid invalid) return new Invalid(invalid.errors());
        Role after = ((RoleForm.Valid) result).role();
        if (before.status() == RoleStatus.OPEN
                && !after.closingDate().equals(before.closingDate())) {
            // An open role's closing date only moves later, and through "extend", which is recorded
            // as such.
            after = after.withClosingDate(before.closingDate());
        }
        save(before, after, entry(who, "role edited", after, before.status()));
        return new Done(after);
    }

    /** Publishes the role, if it is still the {@code version} the person saw. */
    public Role publish(StaffMember who, String roleId, String version) {
        Role before = unchanged(who, roleId, version);
        if (before.status() != RoleStatus.DRAFT)
            throw new Refused(
                    WORDS.format("error.onlyDraftPublished", "status", describe(before.status())));
        if (!before.closingTime().isOpenAt(clock.instant())) {
            throw new Refused(WORDS.get("error.closingPassed"));
        }
        Role after = before.withStatus(RoleStatus.OPEN);
        save(before, after, entry(who, "role published", after, before.status()));
        return after;
    }

    /** Withdraws the role, if it is still the {@code version} the person saw. */
    public Role withdraw(StaffMember who, String roleId, String version) {
        Role before = unchanged(who, roleId, version);
        if (before.status() == RoleStatus.WITHDRAWN || before.status() == RoleStatus.FILLED) {
            throw new Refused(
                    WORDS.format("error.cannotWithdraw", "status", describe(before.status())));
        }
        Role after = before.withStatus(RoleStatus.WITHDRAWN);
        save(before, after, entry(who, "role withdrawn", after, before.status()));
        return after;
    }

    /**
     * Moves an open role's closing date later. The form posts closingDate-day, -month and -year, and the version it
     * was read at.
     */
    public Saved extend(StaffMember who, String roleId, Map<String, String> posted) {
        who.require(Permission.EXTEND_CLOSING_DATE);
        Role before = unchanged(who, roleId, posted.get(VERSION));
        if (!before.closingDateCanBeExtended()) {
            throw new Refused(
                    WORDS.format("error.onlyOpenExtended", "status", describe(before.status())));
        }
        DateInput typed = DateInput.of(posted, RoleForm.CLOSING);
        FieldErrors errors = new FieldErrors();
        LocalDate date = typed.required(errors, WORDS, "field.closingDate.error.extend");
        if (date == null) return new Invalid(errors);
        if (!date.isAfter(before.closingDate()))
            typed.reject(
                    errors,
                    WORDS.format(
                            "field.closingDate.error.extendNotLater",
                            "closing",
                            ClosingTime.displayDate(before.closingDate())));
        else if (!new ClosingTime(date).isOpenAt(clock.instant()))
            typed.reject(errors, WORDS.get("field.closingDate.error.extendPast"));
        else if (before.interviewWeekCommencing() != null
                && !before.interviewWeekCommencing().isAfter(date))
            typed.reject(
                    errors,
                    WORDS.format(
                            "field.closingDate.error.extendAfterInterviews",
                            "week",
                            ClosingTime.displayDate(before.interviewWeekCommencing())));
        if (!errors.isEmpty()) return new Invalid(errors);
        Role after = before.withClosingDate(date);
        save(
                before,
                after,
                new AuditEntry(
                        who.id(),
                        "closing date extended",
                        record(after),
                        clock.instant(),
                        before.status() + " closing " + before.closingDate(),
                        after.status() + " closing " + date));
        return new Done(after);
    }

    /**
     * The one place a role's version is checked: the role as stored now (a consistent read), if it is still the
     * version the person's form was read at. {@link #save} then writes only if it is still that role, so a change
     * landing between this read and the write is caught too.
     */
    private Role unchanged(StaffMember who, String roleId, String version) {
        Role now = role(who, roleId);
        if (!Version.matches(version, now.version())) throw new ChangedMeanwhile(now);
        return now;
    }

    private void save(Role before, Role after, AuditEntry entry) {
        try {
            records.replace(before, after, entry);
        } catch (Roles.ChangedSince e) {
            throw new ChangedMeanwhile(
                    records.find(before.id(), Read.CONSISTENT)
                            .orElseThrow(() -> new NoSuchRole(before.id())));
        }
    }

    private AuditEntry entry(StaffMember who, String what, Role after, RoleStatus from) {
        Instant now = clock.instant();
        return AuditEntry.by(
                who,
                what,
                record(after),
                now,
                from == null ? null : from.name(),
                after.status().name());
    }

    public static String record(Role role) {
        return "role:" + role.id();
    }

    /** "a draft", "open", "in shortlisting", "withdrawn", "filled". */
    public static String describe(RoleStatus s) {
        return WORDS.get("status." + s.name());
    }
}
