package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.kit.Retention;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.retention.RetentionJob;
import org.involve.core.retention.RetentionRecords.EmailClock;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.shortlisting.AnonymousIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Monitoring answers under retention, on DynamoDB Local: a role's answers go all together the unsuccessful period after
 * its round ended (filled or withdrawn), across the change to BST, and the job reads nothing that is not due: one query
 * of the roles index evaluating only the due roles, then for each of those a query of its partition for keys alone;
 * never an answer. Rounds here end in 1975, an era no other test uses.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoMonitoringRetentionTest {
    private static final int ANSWERS = 4;
    private final AwsEnvironment aws;
    private final DynamoAuditTrail audit;
    private final DynamoRoles roles;
    private final DynamoMonitoringStore store;
    private final DynamoMonitoringRetention retention;
    private final MonitoringKey keys =
            new MonitoringKey(
                    "a-test-monitoring-key-only-the-form-and-report-hold",
                    new MonitoringToken("a-test-signing-key-of-enough-length-for-links"));
    private final DynamoMonitoringAnswers answers;
    private int entries;

    DynamoMonitoringRetentionTest(AwsEnvironment aws) {
        this.aws = aws;
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.roles =
                new DynamoRoles(aws.dynamo(), aws.table("RolesTable"), Samples.outbox(aws), audit);
        this.store =
                new DynamoMonitoringStore(
                        aws.dynamo(), aws.table("MonitoringTable"), aws.table("RolesTable"));
        this.retention =
                new DynamoMonitoringRetention(
                        aws.dynamo(), aws.table("RolesTable"), aws.table("MonitoringTable"), audit);
        this.answers =
                new DynamoMonitoringAnswers(aws.dynamo(), aws.table("MonitoringTable"), keys);
    }

    /** A role in shortlisting with ANSWERS applicants' answers, its round then ended ({@code to}) at {@code at}. */
    private Role ended(RoleStatus to, Instant at) {
        Role role = withAnswers(RoleStatus.SHORTLISTING);
        roles.replace(role, role.withStatus(to), entry(role, to, at));
        return role;
    }

    private Role withAnswers(RoleStatus status) {
        Role role = Samples.role(status, LocalDate.of(1974, 1, 10));
        Samples.putRole(aws, role);
        for (int i = 0; i < ANSWERS; i++)
            assertEquals(
                    MonitoringStore.Outcome.RECORDED,
                    store.record(
                            new MonitoringResponse(
                                    keys.forApplication(role.id(), Samples.unique("APP")),
                                    role.id(),
                                    Map.of("ageBand", "25-to-34"))));
        return role;
    }

    private AuditEntry entry(Role role, RoleStatus to, Instant at) {
        return new AuditEntry(
                "staff-1",
                "step " + ++entries,
                "role:" + role.id(),
                at,
                role.status().name(),
                to.name());
    }

    private List<Map<String, AttributeValue>> partition(String roleId) {
        return aws.dynamo()
                .query(
                        r ->
                                r.tableName(aws.table("MonitoringTable"))
                                        .keyConditionExpression("roleId = :r")
                                        .expressionAttributeValues(Map.of(":r", s(roleId)))
                                        .consistentRead(true))
                .items();
    }

    private Map<String, AttributeValue> roleItem(String roleId) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("RolesTable"))
                                        .key(Map.of("roleId", s(roleId)))
                                        .consistentRead(true))
                .item();
    }

    @Test
    void endingARoundStartsTheClockOnItsUkDayAndOtherChangesDoNot() {
        // 00:30 BST on 31 March 1975 is 23:30 UTC on the 30th: the round ended on the 31st.
        Role filled = ended(RoleStatus.FILLED, Instant.parse("1975-03-30T23:30:00Z"));
        assertEquals("ROUND_OVER", roleItem(filled.id()).get("retention").s());
        assertEquals("1975-03-31", roleItem(filled.id()).get("retentionFrom").s());
        Role open = withAnswers(RoleStatus.OPEN);
        roles.replace(
                open,
                open.withStatus(RoleStatus.SHORTLISTING),
                entry(open, RoleStatus.SHORTLISTING, Instant.parse("1975-03-01T10:00:00Z")));
        assertNull(roleItem(open.id()).get("retention"));
        assertEquals(
                RoleStatus.SHORTLISTING,
                roles.find(open.id(), Read.CONSISTENT).orElseThrow().status());
    }

    @Test
    void theJobDeletesExactlyTheDueRolesAnswersReadingNothingNotDue() {
        // Due on 30 March 1976 (UK): rounds that ended up to and including the 30th of March 1975.
        List<Role> due =
                List.of(
                        ended(RoleStatus.FILLED, Instant.parse("1975-03-10T12:00:00Z")),
                        ended(RoleStatus.WITHDRAWN, Instant.parse("1975-03-29T23:59:00Z")),
                        ended(RoleStatus.FILLED, Instant.parse("1975-03-30T22:59:00Z")));
        List<Role> notDue = new ArrayList<>();
        // 23:30 UTC on 30 March 1975 is 00:30 BST on the 31st: due a day later.
        notDue.add(ended(RoleStatus.FILLED, Instant.parse("1975-03-30T23:30:00Z")));
        for (int i = 1; i <= 12; i++)
            notDue.add(
                    ended(
                            i % 2 == 0 ? RoleStatus.FILLED : RoleStatus.WITHDRAWN,
                            Instant.parse("1975-04-01T10:00:00Z").plusSeconds(86_400L * i)));
        for (int i = 0; i < 6; i++) notDue.add(withAnswers(RoleStatus.SHORTLISTING));

        LocalDate today = LocalDate.of(1976, 3, 30);
        LocalDate last = Retention.DEFAULTS.lastStartDayDue(Retention.Kind.UNSUCCESSFUL, today);
        aws.dynamoCalls().clear();
        assertEquals(
                due.stream().map(Role::id).collect(Collectors.toSet()),
                Set.copyOf(retention.rolesDue(last, 500)));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoRetention.INDEX, 3)),
                aws.dynamoCalls().calls());

        aws.dynamoCalls().clear();
        RetentionJob job =
                new RetentionJob(
                        nothingElse(),
                        Retention.DEFAULTS,
                        new AnonymousIds("a test key of at least thirty-two characters"),
                        retention);
        assertEquals(3, job.run(Instant.parse("1976-03-30T02:00:00Z")).monitoringRoles());
        // One query of the index; per due role a query of its partition (keys only), a delete of
        // each answer, and the transaction: never a GetItem, never an answer read.
        List<String> ops = aws.dynamoCalls().operations();
        assertFalse(ops.contains("GetItem") || ops.contains("Scan"), ops.toString());
        assertEquals(1 + 3, ops.stream().filter("Query"::equals).count());
        assertEquals(3 * ANSWERS, ops.stream().filter("DeleteItem"::equals).count());
        assertEquals(3, ops.stream().filter("TransactWriteItems"::equals).count());

        for (Role r : due) {
            List<Map<String, AttributeValue>> left = partition(r.id());
            assertEquals(1, left.size(), "only the marker is left");
            assertEquals(DynamoMonitoringRetention.GONE, left.get(0).get("answerKey").s());
            assertEquals(Optional.of(today), answers.deletedOn(r.id()));
            assertEquals(Map.of(), answers.forRole(r.id()));
            assertNull(roleItem(r.id()).get("retention"), "off the index");
        }
        for (Role r : notDue) {
            assertEquals(ANSWERS, partition(r.id()).size(), r.id());
            assertEquals(ANSWERS, answers.forRole(r.id()).size());
            assertEquals(Optional.empty(), answers.deletedOn(r.id()));
        }
        assertTrue(
                audit.trailOf("role:" + due.get(0).id()).stream()
                        .anyMatch(e -> e.who().equals("scheduler:retention")));

        // Again: nothing more. The next UK day (BST): the round that ended at 00:30 BST goes.
        assertEquals(0, job.run(Instant.parse("1976-03-30T20:00:00Z")).monitoringRoles());
        assertEquals(1, job.run(Instant.parse("1976-03-31T02:00:00Z")).monitoringRoles());
        assertEquals(1, partition(notDue.get(0).id()).size());
        assertEquals(ANSWERS, partition(notDue.get(1).id()).size());
    }

    @Test
    void aRoleWhoseClockIsLaterThanTheDayAskedForIsKept() {
        Role r = ended(RoleStatus.WITHDRAWN, Instant.parse("1975-06-01T10:00:00Z"));
        AuditEntry entry =
                AuditEntry.byJob(
                        "retention",
                        "delete",
                        "role:" + r.id(),
                        Instant.parse("1976-05-01T02:00:00Z"),
                        "A",
                        "B");
        assertFalse(
                retention.deleteAnswers(
                        r.id(), LocalDate.of(1975, 5, 31), LocalDate.of(1976, 5, 31), entry));
        assertEquals(Optional.empty(), answers.deletedOn(r.id()));
        assertEquals("1975-06-01", roleItem(r.id()).get("retentionFrom").s());
    }

    /** The retention job's other kinds, with nothing due: this test is about monitoring answers. */
    private static org.involve.core.retention.RetentionRecords nothingElse() {
        return new org.involve.core.retention.RetentionRecords() {
            @Override
            public List<org.involve.core.application.Application> applicationsDue(
                    LocalDate lastStartDay, int limit) {
                return List.of();
            }

            @Override
            public boolean delete(Remains remains, LocalDate lastStartDay, AuditEntry entry) {
                return false;
            }

            @Override
            public List<org.involve.core.partners.Appointment> partnersDue(
                    LocalDate lastStartDay, int limit) {
                return List.of();
            }

            @Override
            public Optional<org.involve.core.application.Application> application(
                    String roleId, String applicantKey) {
                return Optional.empty();
            }

            @Override
            public boolean deletePartner(
                    org.involve.core.partners.Appointment partner,
                    Optional<Remains> application,
                    LocalDate lastStartDay,
                    AuditEntry entry) {
                return false;
            }

            @Override
            public List<String> emailsDue(EmailClock clock, LocalDate lastStartDay, int limit) {
                return List.of();
            }

            @Override
            public boolean removeBody(
                    String messageId,
                    EmailClock clock,
                    LocalDate lastStartDay,
                    Instant now,
                    AuditEntry entry) {
                return false;
            }
        };
    }
}
