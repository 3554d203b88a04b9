package org.involve.core.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Read;
import org.involve.core.kit.UkTime;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Applications not yet acknowledged, against each role's promise, and staff recording that they acknowledged one
 * themselves (by telephone, letter or their own e-mail). Staff group only; each record has its audit entry.
 */
public final class UnacknowledgedApplications {
    private static final Words WORDS = Words.of("applications");
    public static final String HOW = "how";
    public static final Field HOW_FIELD =
            Field.radios(
                    HOW,
                    WORDS.get("field.how.label"),
                    null,
                    List.of(option("telephone"), option("post"), option("email")),
                    WORDS.get("field.how.error"));

    private final RoleReader roles;
    private final RoundApplications round;
    private final OutstandingAcknowledgements outstanding;
    private final ApplicationRecords records;
    private final Clock clock;

    public UnacknowledgedApplications(
            RoleReader roles,
            RoundApplications round,
            OutstandingAcknowledgements outstanding,
            ApplicationRecords records,
            Clock clock) {
        this.roles = roles;
        this.round = round;
        this.outstanding = outstanding;
        this.records = records;
        this.clock = clock;
    }

    private static Field.Option option(String how) {
        return new Field.Option(how, WORDS.get("field.how." + how));
    }

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
        Function<String, Optional<Role>> roleOf =
                id -> rolesById.computeIfAbsent(id, roleId -> roles.find(roleId, Read.CONSISTENT));
        return outstanding.submittedBy(now).stream()
                .flatMap(a -> roleOf.apply(a.roleId()).map(r -> waiting(r, a, now)).stream())
                .toList();
    }

    public Waiting waitingApplication(StaffMember who, String reference) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = StaffLookup.application(round, reference);
        return waiting(StaffLookup.role(roles, app.roleId()), app, clock.instant());
    }

    private static Waiting waiting(Role role, Application app, Instant now) {
        Instant promised = AcknowledgementPromiseCheck.promisedBy(role, app);
        long daysLeft =
                ChronoUnit.DAYS.between(
                        now.atZone(ClosingTime.UK).toLocalDate(),
                        promised.atZone(ClosingTime.UK).toLocalDate());
        return new Waiting(role, app, promised, daysLeft);
    }

    public sealed interface Acknowledging {
        record Invalid(Map<String, String> values, FieldErrors errors) implements Acknowledging {}

        /** It had been acknowledged already (its e-mail went, or someone recorded it): nothing was written. */
        record AlreadyAcknowledged(Application application) implements Acknowledging {}

        record Acknowledged(Application application) implements Acknowledging {}
    }

    /** Records that staff acknowledged the application themselves, and how: it leaves the list, with an audit entry. */
    public Acknowledging markAcknowledged(
            StaffMember who, String reference, Map<String, String> posted) {
        who.require(Permission.VIEW_APPLICANT_DETAILS);
        Application app = StaffLookup.application(round, reference);
        FormValidator.Result r = FormValidator.validate(List.of(HOW_FIELD), posted);
        if (!r.errors().isEmpty()) return new Acknowledging.Invalid(r.values(), r.errors());
        Instant now = clock.instant();
        String how = r.values().get(HOW);
        Map<String, String> facts =
                HandlingFacts.acknowledged(
                        WORDS.format(
                                "record.acknowledged",
                                "how",
                                HOW_FIELD.labelFor(how),
                                "name",
                                who.displayName(),
                                "when",
                                UkTime.display(now)));
        AuditEntry entry =
                AuditEntry.by(
                        who,
                        "application acknowledged (" + how + ")",
                        StaffLookup.record(app),
                        now,
                        "not acknowledged",
                        "acknowledged");
        if (!records.acknowledged(app, now, facts, entry))
            return new Acknowledging.AlreadyAcknowledged(app);
        return new Acknowledging.Acknowledged(app.after(app.status(), facts));
    }
}
