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

    /**
     * The local runtime keeps its data across upgrades: a table made by an earlier version gets the indexes the
     * template has added since, filled from the items it holds, and keeps its items.
     */
    @Test
    void aTableFromAnEarlierVersionGetsTheIndexesAddedSince() {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        try (var db = EmbeddedDynamoDb.startInMemory(0)) {
            db.client()
                    .createTable(
                            b ->
                                    b.tableName("RolesTable")
                                            .billingMode("PAY_PER_REQUEST")
                                            .attributeDefinitions(
                                                    a ->
                                                            a.attributeName("roleId")
                                                                    .attributeType("S"))
                                            .keySchema(
                                                    k ->
                                                            k.attributeName("roleId")
                                                                    .keyType("HASH")));
            Map<String, AttributeValue> role =
                    Map.of(
                            "roleId", AttributeValue.fromS("kept"),
                            "status", AttributeValue.fromS("OPEN"),
                            "closesAt", AttributeValue.fromS("2031-01-01T00:00:00.000000000Z"));
            db.client().putItem(b -> b.tableName("RolesTable").item(role));

            db.createTables(template);

            var indexes =
                    db
                            .client()
                            .describeTable(b -> b.tableName("RolesTable"))
                            .table()
                            .globalSecondaryIndexes()
                            .stream()
                            .map(i -> i.indexName())
                            .collect(java.util.stream.Collectors.toSet());
            assertEquals(java.util.Set.of("ByStatusAndClosingTime", "RetentionByDay"), indexes);
            var listed =
                    db.client()
                            .query(
                                    q ->
                                            q.tableName("RolesTable")
                                                    .indexName("ByStatusAndClosingTime")
                                                    .keyConditionExpression("#s = :open")
                                                    .expressionAttributeNames(
                                                            Map.of("#s", "status"))
                                                    .expressionAttributeValues(
                                                            Map.of(
                                                                    ":open",
                                                                    AttributeValue.fromS("OPEN"))))
                            .items();
            assertEquals(1, listed.size());
            assertEquals("kept", listed.get(0).get("roleId").s());
            db.createTables(template); // nothing left to add: no error
        }
    }
}
