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
    void answersAreRecordedOnceAndASecondWriteForTheTokenIsRefused() {
        MonitoringResponse first = Samples.monitoring("role-a");
        MonitoringResponse second =
                new MonitoringResponse(
                        first.token(),
                        "role-a",
                        Map.of("ageBand", "16-to-24"),
                        first.submittedAt());

        assertTrue(store.record(first));
        assertFalse(store.record(second));

        Map<String, AttributeValue> item = item(first.token());
        assertEquals("role-a", item.get("roleId").s());
        assertEquals(first.answers(), answers(item), "the first answers stay");
        assertEquals(first.submittedAt(), Items.time(item, "submittedAt"));
    }

    @Test
    void recordingOnlyEverPutsSoTheFunctionNeedsNoReadAccess() {
        MonitoringResponse response = Samples.monitoring("role-a");
        store.record(response);
        store.record(response);
        assertEquals(List.of("PutItem", "PutItem"), aws.dynamoCalls().operations());
    }

    @Test
    void theItemHoldsTheTokenRoleAndAnswersButNoNameOrEmail() {
        MonitoringResponse response = Samples.monitoring("role-a");
        store.record(response);
        Map<String, AttributeValue> item = item(response.token());
        assertEquals(Set.of("token", "roleId", "answers", "submittedAt"), item.keySet());
        assertFalse(item.toString().contains("@"));
        assertFalse(item.toString().contains("Alex Example"));
    }

    private Map<String, AttributeValue> item(String token) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("MonitoringTable"))
                                        .key(Items.key("token", token))
                                        .consistentRead(true))
                .item();
    }

    private static Map<String, String> answers(Map<String, AttributeValue> item) {
        Map<String, String> answers = new java.util.HashMap<>();
        item.get("answers").m().forEach((k, v) -> answers.put(k, v.s()));
        return answers;
    }
}
