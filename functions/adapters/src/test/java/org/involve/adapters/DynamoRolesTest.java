package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.adapters.internal.Items;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.role.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoRolesTest {
    private final AwsEnvironment aws;
    private final DynamoRoles roles;
    private final DynamoAuditTrail audit;

    DynamoRolesTest(AwsEnvironment aws) {
        this.aws = aws;
        this.roles = Samples.roles(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
    }

    @BeforeEach
    void forgetEarlierCalls() {
        aws.dynamoCalls().clear();
    }

    @Test
    void aSavedRoleIsFoundAsItWasSavedWhicheverCopyIsAskedFor() {
        Role role = Samples.role(RoleStatus.OPEN, LocalDate.of(2030, 12, 8));
        save(role);
        assertEquals(Optional.of(role), roles.find(role.id(), Read.CONSISTENT));
        assertEquals(Optional.of(role), roles.find(role.id(), Read.EVENTUAL));
    }

    @Test
    void anUnknownRoleIsNotFound() {
        assertEquals(Optional.empty(), roles.find("no-such-role", Read.CONSISTENT));
    }

    @Test
    void anExampleRoleIsPutOnlyWhereNoRoleHasItsId() {
        Role role = Samples.role(RoleStatus.DRAFT, LocalDate.of(2030, 12, 8));
        assertTrue(roles.putIfAbsent(role));
        assertFalse(roles.putIfAbsent(role.withStatus(RoleStatus.OPEN)));
        assertEquals(
                RoleStatus.DRAFT, roles.find(role.id(), Read.CONSISTENT).orElseThrow().status());
    }

    @Test
    void publishedListsOnlyOpenRolesSoonestClosingFirstByQueryingTheIndex() {
        Role later = Samples.role(RoleStatus.OPEN, LocalDate.of(2031, 3, 1));
        Role soonest = Samples.role(RoleStatus.OPEN, LocalDate.of(2031, 1, 15));
        Role latest = Samples.role(RoleStatus.OPEN, LocalDate.of(2031, 6, 30));
        Role draft = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 1, 1));
        Role shortlisting = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2031, 1, 2));
        List.of(later, soonest, latest, draft, shortlisting).forEach(this::save);
        aws.dynamoCalls().clear();

        List<Role> published = roles.published();

        Set<String> mine =
                Set.of(later.id(), soonest.id(), latest.id(), draft.id(), shortlisting.id());
        assertEquals(
                List.of(soonest.id(), later.id(), latest.id()),
                published.stream().map(Role::id).filter(mine::contains).toList());
        assertTrue(published.stream().allMatch(r -> r.status() == RoleStatus.OPEN));
        assertEquals(
                published.stream()
                        .sorted(Comparator.comparing(r -> r.closingTime().instant()))
                        .toList(),
                published);
        assertTrue(
                aws.dynamoCalls().calls().stream()
                        .allMatch(
                                call ->
                                        call.operation().equals("Query")
                                                && DynamoRoles.BY_STATUS_AND_CLOSING_TIME.equals(
                                                        call.index())),
                aws.dynamoCalls().calls()::toString);
    }

    @Test
    void theClosingTimeKeyIsTheUkClosingInstantInUtcInWinterAndSummer() {
        Role winter = Samples.role(RoleStatus.OPEN, LocalDate.of(2024, 12, 8));
        Role summer = Samples.role(RoleStatus.OPEN, LocalDate.of(2025, 7, 1));
        save(winter);
        save(summer);
        // The end of the minute 23:59 UK time: midnight GMT in winter, midnight BST (23:00 UTC) in
        // summer.
        assertEquals("2024-12-09T00:00:00.000000000Z", closesAt(winter));
        assertEquals("2025-07-01T23:00:00.000000000Z", closesAt(summer));
    }

    private static AuditEntry entry(Role role, String what, String from) {
        // Entries a second apart by what they record, so the trail's time order is the order they
        // were made.
        long second =
                List.of("role created", "role published", "role withdrawn", "role created again")
                        .indexOf(what);
        return new AuditEntry(
                "local-sam-staff",
                what,
                "role:" + role.id(),
                Samples.NOW.plusSeconds(second),
                from,
                role.status().name());
    }

    @Test
    void aNewRoleIsStoredWithItsAuditEntryAndItsIdCannotBeTakenTwice() {
        Role role = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 2, 1));
        assertTrue(roles.create(role, entry(role, "role created", null)));
        assertEquals(role, roles.find(role.id(), Read.CONSISTENT).orElseThrow());
        assertEquals(
                List.of("role created"),
                audit.trailOf("role:" + role.id()).stream().map(AuditEntry::what).toList());

        assertFalse(
                roles.create(
                        role.withStatus(RoleStatus.OPEN), entry(role, "role created again", null)));
        assertEquals(
                RoleStatus.DRAFT, roles.find(role.id(), Read.CONSISTENT).orElseThrow().status());
        assertEquals(1, audit.trailOf("role:" + role.id()).size());
    }

    @Test
    void aChangeLandsWithItsAuditEntryOnlyIfNobodyChangedTheRoleSince() {
        Role draft = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 2, 1));
        roles.create(draft, entry(draft, "role created", null));
        Role open = draft.withStatus(RoleStatus.OPEN);
        roles.replace(draft, open, entry(open, "role published", "DRAFT"));
        assertEquals(open, roles.find(draft.id(), Read.CONSISTENT).orElseThrow());

        Role withdrawn = draft.withStatus(RoleStatus.WITHDRAWN);
        assertThrows(
                Roles.ChangedSince.class,
                () -> roles.replace(draft, withdrawn, entry(withdrawn, "role withdrawn", "DRAFT")));
        assertEquals(
                RoleStatus.OPEN, roles.find(draft.id(), Read.CONSISTENT).orElseThrow().status());
        assertEquals(
                List.of("role created", "role published"),
                audit.trailOf("role:" + draft.id()).stream().map(AuditEntry::what).toList());
    }

    @Test
    void everyRoleIsListedByQueryingTheStatusIndexAndApplicationsAreCountedNotRead() {
        Role draft = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 2, 1));
        Role withdrawn = Samples.role(RoleStatus.WITHDRAWN, LocalDate.of(2031, 2, 2));
        roles.create(draft, entry(draft, "role created", null));
        roles.create(withdrawn, entry(withdrawn, "role created", null));
        for (int i = 0; i < 3; i++) {
            aws.dynamo()
                    .putItem(
                            r ->
                                    r.tableName(aws.table("ApplicationsTable"))
                                            .item(
                                                    Map.of(
                                                            "roleId",
                                                            Items.s(draft.id()),
                                                            "applicantKey",
                                                            Items.s(Samples.unique("applicant")),
                                                            "name",
                                                            Items.s("Jo Testperson"))));
        }
        aws.dynamoCalls().clear();

        List<String> ids = roles.all().stream().map(Role::id).toList();
        assertTrue(ids.contains(draft.id()) && ids.contains(withdrawn.id()));
        assertTrue(
                aws.dynamoCalls().calls().stream()
                        .allMatch(
                                c ->
                                        c.operation().equals("Query")
                                                && DynamoRoles.BY_STATUS_AND_CLOSING_TIME.equals(
                                                        c.index())),
                aws.dynamoCalls().calls()::toString);

        DynamoApplications applications =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        Samples.outbox(aws),
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        aws.dynamoCalls().clear();
        // Stored before any count was kept: counted once (a COUNT query, no application read), and
        // kept.
        assertEquals(3, applications.of(draft.id()));
        assertEquals(
                List.of("GetItem", "Query", "UpdateItem", "GetItem"),
                aws.dynamoCalls().operations());
        aws.dynamoCalls().clear();
        assertEquals(0, applications.of(withdrawn.id()));
        assertEquals(
                List.of("GetItem", "Query"), aws.dynamoCalls().operations(), "nothing written");
        aws.dynamoCalls().clear();
        assertEquals(3, applications.of(draft.id()));
        assertEquals(0, applications.of(withdrawn.id()));
        assertEquals(
                List.of("GetItem", "GetItem", "Query"),
                aws.dynamoCalls().operations(),
                "from then on, one read of the kept count; a role with no application keeps nothing (reading"
                        + " writes nothing), and its COUNT evaluates nothing");
        assertEquals(0, aws.dynamoCalls().calls().get(2).scannedCount());
    }

    @Test
    void anApplicationStoredWhileARoleIsFirstCountedIsCountedToo() {
        String roleId = Samples.unique("role");
        DynamoApplications applications =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        Samples.outbox(aws),
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        // Stored before counts were kept (no count item), then one submitted between the count and
        // its keeping.
        aws.dynamo()
                .putItem(
                        r ->
                                r.tableName(aws.table("ApplicationsTable"))
                                        .item(
                                                Map.of(
                                                        "roleId",
                                                        Items.s(roleId),
                                                        "applicantKey",
                                                        Items.s(Samples.unique("applicant")))));
        aws.dynamoFaults()
                .beforeNextWrite(
                        () ->
                                applications.submit(
                                        Samples.application(roleId, Samples.unique("applicant")),
                                        List.of(),
                                        null));
        try {
            assertEquals(2, applications.of(roleId));
        } finally {
            aws.dynamoFaults().clear();
        }
        applications.submit(
                Samples.application(roleId, Samples.unique("applicant")), List.of(), null);
        assertEquals(3, applications.of(roleId));
    }

    @Test
    void withdrawnRolesAreListedByOneQueryOnTheStatusIndex() {
        Role withdrawn = Samples.role(RoleStatus.WITHDRAWN, LocalDate.of(2031, 4, 2));
        Role open = Samples.role(RoleStatus.OPEN, LocalDate.of(2031, 4, 3));
        List.of(withdrawn, open).forEach(this::save);
        aws.dynamoCalls().clear();

        List<Role> found = roles.withdrawn();

        assertTrue(found.stream().anyMatch(r -> r.id().equals(withdrawn.id())));
        assertTrue(found.stream().allMatch(r -> r.status() == RoleStatus.WITHDRAWN));
        assertEquals(1, aws.dynamoCalls().calls().size(), aws.dynamoCalls().calls()::toString);
        assertEquals("Query", aws.dynamoCalls().calls().get(0).operation());
    }

    private String closesAt(Role role) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("RolesTable"))
                                        .key(Items.key("roleId", role.id())))
                .item()
                .get("closesAt")
                .s();
    }

    private void save(Role role) {
        Samples.putRole(aws, role);
    }
}
