package org.involve.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

@LocalDynamoDb
class EmbeddedDynamoDbTest {

    @Test
    void createsEveryTableOfTheTemplateWithItsIndexes(DynamoDbClient dynamoDb) {
        assertTrue(
                dynamoDb.listTables()
                        .tableNames()
                        .containsAll(
                                SamTemplate.loadFromWorkingDirectory().tables().stream()
                                        .map(TableSpec::logicalId)
                                        .toList()));
        var outbox = dynamoDb.describeTable(b -> b.tableName("OutboxTable")).table();
        // Every index the template gives it, in whatever order DynamoDB lists them.
        assertEquals(
                java.util.Set.of("PendingByDueTime", "Troubled", "RetentionByDay", "ByRecipient"),
                outbox.globalSecondaryIndexes().stream()
                        .map(i -> i.indexName())
                        .collect(java.util.stream.Collectors.toSet()));
        assertEquals(
                TimeToLiveStatus.ENABLED,
                dynamoDb.describeTimeToLive(b -> b.tableName("DraftsTable"))
                        .timeToLiveDescription()
                        .timeToLiveStatus());
    }

    @Test
    void setsTheEndpointForClientsBuiltFromSettings(EmbeddedDynamoDb dynamoDb) {
        assertEquals(dynamoDb.endpoint().toString(), System.getProperty("DYNAMODB_ENDPOINT"));
    }

    @Test
    void keepsItsDataOnDiskAcrossARestart(@TempDir Path data) {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        Map<String, AttributeValue> role = Map.of("roleId", AttributeValue.fromS("kept"));
        try (var first = EmbeddedDynamoDb.startOnDisk(0, data).createTables(template)) {
            first.client().putItem(b -> b.tableName("RolesTable").item(role));
        }
        try (var second = EmbeddedDynamoDb.startOnDisk(0, data).createTables(template)) {
            assertEquals(
                    role, second.client().getItem(b -> b.tableName("RolesTable").key(role)).item());
        }
    }
}
