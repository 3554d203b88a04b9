package org.involve.adapters;

import org.involve.core.role.RoleRecords;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.audit.AuditEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoRoleRecordsTest {
    private final AwsEnvironment aws;
    private final DynamoRoleRecords records;
    private final DynamoAuditTrail audit;

    DynamoRoleRecordsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.records = new DynamoRoleRecords(aws.dynamo(), aws.table("RolesTable"), aws.table("ApplicationsTable"), aws.table("AuditTable"));
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
    }

    private static AuditEntry entry(Role role, String what, String from) {
        // Entries a second apart by what they record, so the trail's time order is the order they were made.
        long second = List.of("role created", "role published", "role withdrawn", "role created again").indexOf(what);
        return new AuditEntry("local-sam-staff", what, "role:" + role.id(), Samples.NOW.plusSeconds(second), from, role.status().name());
    }

    @Test
    void aNewRoleIsStoredWithItsAuditEntryAndItsIdCannotBeTakenTwice() {
        Role role = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 2, 1));
        assertTrue(records.create(role, entry(role, "role created", null)));
        assertEquals(role, records.find(role.id()).orElseThrow());
        assertEquals(List.of("role created"), audit.trailOf("role:" + role.id()).stream().map(AuditEntry::what).toList());

        assertFalse(records.create(role.withStatus(RoleStatus.OPEN), entry(role, "role created again", null)));
        assertEquals(RoleStatus.DRAFT, records.find(role.id()).orElseThrow().status());
        assertEquals(1, audit.trailOf("role:" + role.id()).size());
    }

    @Test
    void aChangeLandsWithItsAuditEntryOnlyIfNobodyChangedTheRoleSince() {
        Role draft = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 2, 1));
        records.create(draft, entry(draft, "role created", null));
        Role open = draft.withStatus(RoleStatus.OPEN);
        records.replace(draft, open, entry(open, "role published", "DRAFT"));
        assertEquals(open, records.find(draft.id()).orElseThrow());

        Role withdrawn = draft.withStatus(RoleStatus.WITHDRAWN);
        assertThrows(RoleRecords.ChangedSince.class, () -> records.replace(draft, withdrawn, entry(withdrawn, "role withdrawn", "DRAFT")));
        assertEquals(RoleStatus.OPEN, records.find(draft.id()).orElseThrow().status());
        assertEquals(List.of("role created", "role published"), audit.trailOf("role:" + draft.id()).stream().map(AuditEntry::what).toList());
    }

    @Test
    void everyRoleIsListedByQueryingTheStatusIndexAndApplicationsAreCountedNotRead() {
        Role draft = Samples.role(RoleStatus.DRAFT, LocalDate.of(2031, 2, 1));
        Role withdrawn = Samples.role(RoleStatus.WITHDRAWN, LocalDate.of(2031, 2, 2));
        records.create(draft, entry(draft, "role created", null));
        records.create(withdrawn, entry(withdrawn, "role created", null));
        for (int i = 0; i < 3; i++) {
            aws.dynamo().putItem(r -> r.tableName(aws.table("ApplicationsTable")).item(Map.of(
                    "roleId", Items.s(draft.id()), "applicantKey", Items.s(Samples.unique("applicant")), "name", Items.s("Jo Testperson"))));
        }
        aws.dynamoCalls().clear();

        List<String> ids = records.all().stream().map(Role::id).toList();
        assertTrue(ids.contains(draft.id()) && ids.contains(withdrawn.id()));
        assertTrue(aws.dynamoCalls().calls().stream().allMatch(c -> c.operation().equals("Query")
                && DynamoRoleCatalogue.BY_STATUS_AND_CLOSING_TIME.equals(c.index())), aws.dynamoCalls().calls()::toString);

        aws.dynamoCalls().clear();
        assertEquals(3, records.applicationCount(draft.id()));
        assertEquals(0, records.applicationCount(withdrawn.id()));
        assertTrue(aws.dynamoCalls().calls().stream().allMatch(c -> c.operation().equals("Query")), aws.dynamoCalls().calls()::toString);
    }
}
