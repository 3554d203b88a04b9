package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.adapters.internal.Items;
import org.involve.core.monitoring.MonitoringResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoMonitoringStoreTest {
    private final AwsEnvironment aws;
    private final DynamoMonitoringStore store;

    DynamoMonitoringStoreTest(AwsEnvironment aws) {
        this.aws = aws;
        this.store = new DynamoMonitoringStore(aws.dynamo(), aws.table("MonitoringTable"));
    }

    @BeforeEach
    void forgetEarlierCalls() {
        aws.dynamoCalls().clear();
    }

    @Test
    void answersAreRecordedOnceAndASecondWriteUnderTheKeyIsRefused() {
        MonitoringResponse first = Samples.monitoring("role-a");
        MonitoringResponse second =
                new MonitoringResponse(first.answerKey(), "role-a", Map.of("ageBand", "16-to-24"));

        assertTrue(store.record(first));
        assertFalse(store.record(second));

        Map<String, AttributeValue> item = item("role-a", first.answerKey());
        assertEquals("role-a", item.get("roleId").s());
        assertEquals(first.answers(), answers(item), "the first answers stay");
    }

    @Test
    void recordingOnlyEverPutsSoTheFunctionNeedsNoReadAccess() {
        MonitoringResponse response = Samples.monitoring("role-a");
        store.record(response);
        store.record(response);
        assertEquals(List.of("PutItem", "PutItem"), aws.dynamoCalls().operations());
    }

    @Test
    void theItemHoldsTheRoleKeyAndAnswersButNoNameOrEmail() {
        MonitoringResponse response = Samples.monitoring("role-a");
        store.record(response);
        Map<String, AttributeValue> item = item("role-a", response.answerKey());
        assertEquals(Set.of("roleId", "answerKey", "answers"), item.keySet());
        assertFalse(item.toString().contains("@"));
        assertFalse(item.toString().contains("Alex Example"));
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
