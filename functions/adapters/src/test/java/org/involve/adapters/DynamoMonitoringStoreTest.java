package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.adapters.internal.Items;
import org.involve.core.audit.AuditEntry;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore.Outcome;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The monitoring form's write on DynamoDB Local: answers are put once, in one transaction with two checks, so none is
 * kept without a clock: the role is there and its round is not over, and the retention job has not deleted the role's
 * answers (its "#deleted" marker).
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoMonitoringStoreTest {
    private final AwsEnvironment aws;
    private final DynamoMonitoringStore store;
    private final Role role;

    DynamoMonitoringStoreTest(AwsEnvironment aws) {
        this.aws = aws;
        this.store =
                new DynamoMonitoringStore(
                        aws.dynamo(), aws.table("MonitoringTable"), aws.table("RolesTable"));
        this.role = open(RoleStatus.OPEN);
    }

    private Role open(RoleStatus status) {
        Role r = Samples.role(status, LocalDate.of(2026, 10, 1));
        Samples.putRole(aws, r);
        return r;
    }

    @BeforeEach
    void forgetEarlierCalls() {
        aws.dynamoCalls().clear();
    }

    @Test
    void answersAreRecordedOnceAndASecondWriteUnderTheKeyIsRefused() {
        MonitoringResponse first = Samples.monitoring(role.id());
        MonitoringResponse second =
                new MonitoringResponse(first.answerKey(), role.id(), Map.of("ageBand", "16-to-24"));

        assertEquals(Outcome.RECORDED, store.record(first));
        assertEquals(Outcome.ALREADY_RECORDED, store.record(second));

        Map<String, AttributeValue> item = item(role.id(), first.answerKey());
        assertEquals(role.id(), item.get("roleId").s());
        assertEquals(first.answers(), answers(item), "the first answers stay");
    }

    @Test
    void recordingOnlyEverWritesSoTheFunctionNeedsNoReadAccess() {
        MonitoringResponse response = Samples.monitoring(role.id());
        store.record(response);
        store.record(response);
        assertEquals(
                List.of("TransactWriteItems", "TransactWriteItems"),
                aws.dynamoCalls().operations());
    }

    @Test
    void theItemHoldsTheRoleKeyAndAnswersButNoNameOrEmail() {
        MonitoringResponse response = Samples.monitoring(role.id());
        store.record(response);
        Map<String, AttributeValue> item = item(role.id(), response.answerKey());
        assertEquals(Set.of("roleId", "answerKey", "answers"), item.keySet());
        assertFalse(item.toString().contains("@"));
        assertFalse(item.toString().contains("Alex Example"));
    }

    /** While the round runs the form takes answers; once the role is filled or withdrawn, none, and nothing is written. */
    @Test
    void noAnswersAreTakenForARoleWhoseRoundIsOverOrForNoRole() {
        assertEquals(
                Outcome.RECORDED,
                store.record(Samples.monitoring(open(RoleStatus.SHORTLISTING).id())));
        for (RoleStatus over : List.of(RoleStatus.FILLED, RoleStatus.WITHDRAWN)) {
            MonitoringResponse late = Samples.monitoring(open(over).id());
            assertEquals(Outcome.CLOSED, store.record(late), over.name());
            assertTrue(item(late.roleId(), late.answerKey()).isEmpty(), over.name());
        }
        MonitoringResponse nowhere = Samples.monitoring(Samples.unique("no-such-role"));
        assertEquals(Outcome.CLOSED, store.record(nowhere));
        assertTrue(item(nowhere.roleId(), nowhere.answerKey()).isEmpty());
    }

    /** A closed form is told even for a key that has answers already: that is why nothing more can be given. */
    @Test
    void aClosedFormIsToldBeforeAnswersAlreadyGiven() {
        Role r = open(RoleStatus.SHORTLISTING);
        MonitoringResponse given = Samples.monitoring(r.id());
        assertEquals(Outcome.RECORDED, store.record(given));
        Samples.putRole(aws, r.withStatus(RoleStatus.FILLED));
        assertEquals(Outcome.CLOSED, store.record(given));
    }

    /**
     * After the retention job deleted the role's answers (its marker in the role's partition), new answers are refused
     * in the same write, whatever the role's status says: they would be kept with no clock.
     */
    @Test
    void noAnswersAreTakenOnceTheRolesAnswersWereDeleted() {
        Role r = open(RoleStatus.SHORTLISTING);
        MonitoringResponse before = Samples.monitoring(r.id());
        assertEquals(Outcome.RECORDED, store.record(before));
        Samples.putRole(aws, r.withStatus(RoleStatus.FILLED));
        DynamoAuditTrail audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        aws.dynamo()
                .updateItem(
                        u ->
                                u.tableName(aws.table("RolesTable"))
                                        .key(Items.key("roleId", r.id()))
                                        .updateExpression("SET retention = :k, retentionFrom = :d")
                                        .expressionAttributeValues(
                                                Map.of(
                                                        ":k",
                                                        Items.s("ROUND_OVER"),
                                                        ":d",
                                                        Items.s("1975-01-01"))));
        new DynamoMonitoringRetention(
                        aws.dynamo(), aws.table("RolesTable"), aws.table("MonitoringTable"), audit)
                .deleteAnswers(
                        r.id(),
                        LocalDate.of(1975, 1, 1),
                        LocalDate.of(1976, 1, 1),
                        AuditEntry.byJob(
                                "retention",
                                "delete",
                                "role:" + r.id(),
                                Instant.parse("1976-01-01T03:00:00Z"),
                                "ROUND OVER",
                                "MONITORING ANSWERS DELETED"));
        assertTrue(item(r.id(), before.answerKey()).isEmpty());
        // Even were the role's status ever to allow it again, the marker keeps the form closed.
        Samples.putRole(aws, r.withStatus(RoleStatus.SHORTLISTING));
        MonitoringResponse after = Samples.monitoring(r.id());
        assertEquals(Outcome.CLOSED, store.record(after));
        assertTrue(item(r.id(), after.answerKey()).isEmpty());
        assertEquals(
                Optional.of(LocalDate.of(1976, 1, 1)),
                Optional.ofNullable(item(r.id(), DynamoMonitoringRetention.GONE).get("deletedOn"))
                        .map(v -> LocalDate.parse(v.s())));
        assertNull(item(r.id(), after.answerKey()).get("answers"));
    }

    private Map<String, AttributeValue> item(String roleId, String answerKey) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("MonitoringTable"))
                                        .key(
                                                Map.of(
                                                        "roleId",
                                                        Items.s(roleId),
                                                        "answerKey",
                                                        Items.s(answerKey)))
                                        .consistentRead(true))
                .item();
    }

    private static Map<String, String> answers(Map<String, AttributeValue> item) {
        Map<String, String> answers = new java.util.HashMap<>();
        item.get("answers").m().forEach((k, v) -> answers.put(k, v.s()));
        return answers;
    }
}
