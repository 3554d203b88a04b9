package org.involve.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local (AWS's own emulator) running inside this JVM. {@code -sharedDb} makes every client see the same
 * tables whatever region or credentials it uses (the AWS CLI included).
 */
public final class EmbeddedDynamoDb implements AutoCloseable {
    private final DynamoDBProxyServer server;
    private final int port;
    private final DynamoDbClient client;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
        this.client =
                DynamoDbClient.builder()
                        .endpointOverride(endpointOf(port))
                        .region(LocalAws.REGION)
                        .credentialsProvider(LocalAws.credentials())
                        .httpClientBuilder(LocalAws.http())
                        .build();
    }

    /** In memory: everything is lost on stop. {@code port} 0 picks a free one. */
    public static EmbeddedDynamoDb startInMemory(int port) {
        return start(port, List.of("-inMemory"));
    }

    /** Keeping its data in {@code dataDirectory}, so a restart loses nothing. {@code port} 0 picks a free one. */
    public static EmbeddedDynamoDb startOnDisk(int port, Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dataDirectory, e);
        }
        return start(port, List.of("-dbPath", dataDirectory.toAbsolutePath().toString()));
    }

    private static EmbeddedDynamoDb start(int requestedPort, List<String> storage) {
        int attempts =
                requestedPort == 0
                        ? 5
                        : 1; // a free port can be taken between finding and binding it
        for (int attempt = 1; ; attempt++) {
            int port = requestedPort == 0 ? LocalAws.freePort() : requestedPort;
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "-port",
                                    String.valueOf(port),
                                    "-sharedDb",
                                    "-disableTelemetry"));
            args.addAll(storage);
            try {
                DynamoDBProxyServer server =
                        ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
                server.start();
                return new EmbeddedDynamoDb(server, port);
            } catch (Exception e) {
                if (attempt >= attempts)
                    throw new IllegalStateException(
                            "DynamoDB Local could not start on port " + port, e);
            }
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return endpointOf(port);
    }

    /** A client for this emulator (region eu-west-2, dummy credentials). */
    public DynamoDbClient client() {
        return client;
    }

    /** Creates each of the template's tables that does not exist yet, with its indexes and time-to-live. */
    public EmbeddedDynamoDb createTables(SamTemplate template) {
        createTables(client, template);
        return this;
    }

    /**
     * The same for any DynamoDB endpoint (LocalStack, say), so there is one translation of the template's tables. A
     * table kept from an earlier version (the local runtime keeps its data on disk) is given the indexes the template
     * has added since, which DynamoDB fills from the items already there.
     */
    public static void createTables(DynamoDbClient client, SamTemplate template) {
        Set<String> existing =
                new HashSet<>(client.listTablesPaginator().tableNames().stream().toList());
        for (TableSpec t : template.tables()) {
            if (existing.contains(t.logicalId())) addMissingIndexes(client, t);
            else create(client, t);
        }
    }

    private static void addMissingIndexes(DynamoDbClient client, TableSpec table) {
        Set<String> present = new HashSet<>();
        client.describeTable(b -> b.tableName(table.logicalId()))
                .table()
                .globalSecondaryIndexes()
                .forEach(i -> present.add(i.indexName()));
        for (TableSpec.IndexSpec index : table.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) continue;
            GlobalSecondaryIndexUpdate create =
                    GlobalSecondaryIndexUpdate.builder()
                            .create(
                                    CreateGlobalSecondaryIndexAction.builder()
                                            .indexName(index.indexName())
                                            .keySchema(keys(index.keySchema()))
                                            .projection(projection(index))
                                            .build())
                            .build();
            client.updateTable(
                    b ->
                            b.tableName(table.logicalId())
                                    .attributeDefinitions(attributes(table))
                                    .globalSecondaryIndexUpdates(create));
            awaitIndexesActive(client, table.logicalId()); // as on AWS, one index at a time
        }
    }

    private static void awaitIndexesActive(DynamoDbClient client, String table) {
        for (int attempt = 0; attempt < 600; attempt++) {
            var indexes =
                    client.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes();
            if (indexes.stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE)) return;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "Interrupted while " + table + "'s indexes were built", e);
            }
        }
        throw new IllegalStateException(table + "'s new index was not ready within a minute");
    }

    /** Deletes and recreates the template's tables: a clean slate between tests. */
    public EmbeddedDynamoDb resetTables(SamTemplate template) {
        Set<String> existing =
                new HashSet<>(client.listTablesPaginator().tableNames().stream().toList());
        template.tables().stream()
                .map(TableSpec::logicalId)
                .filter(existing::contains)
                .forEach(name -> client.deleteTable(b -> b.tableName(name)));
        template.tables().forEach(t -> create(client, t));
        return this;
    }

    private static void create(DynamoDbClient client, TableSpec table) {
        var request =
                CreateTableRequest.builder()
                        .tableName(table.logicalId())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(attributes(table))
                        .keySchema(keys(table.keySchema()));
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(
                    table.globalSecondaryIndexes().stream().map(EmbeddedDynamoDb::index).toList());
        }
        try {
            client.createTable(request.build());
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        table.timeToLiveAttribute()
                .ifPresent(
                        attribute ->
                                client.updateTimeToLive(
                                        b ->
                                                b.tableName(table.logicalId())
                                                        .timeToLiveSpecification(
                                                                s ->
                                                                        s.attributeName(attribute)
                                                                                .enabled(true))));
    }

    private static List<AttributeDefinition> attributes(TableSpec table) {
        return table.attributeTypes().entrySet().stream()
                .map(
                        a ->
                                AttributeDefinition.builder()
                                        .attributeName(a.getKey())
                                        .attributeType(a.getValue())
                                        .build())
                .toList();
    }

    private static GlobalSecondaryIndex index(TableSpec.IndexSpec i) {
        return GlobalSecondaryIndex.builder()
                .indexName(i.indexName())
                .keySchema(keys(i.keySchema()))
                .projection(projection(i))
                .build();
    }

    private static Projection projection(TableSpec.IndexSpec i) {
        return Projection.builder()
                .projectionType(i.projectionType())
                .nonKeyAttributes(i.nonKeyAttributes().isEmpty() ? null : i.nonKeyAttributes())
                .build();
    }

    private static List<KeySchemaElement> keys(List<TableSpec.KeyElement> elements) {
        return elements.stream()
                .map(
                        k ->
                                KeySchemaElement.builder()
                                        .attributeName(k.attributeName())
                                        .keyType(k.keyType())
                                        .build())
                .toList();
    }

    public void stop() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static URI endpointOf(int port) {
        return URI.create("http://localhost:" + port);
    }
}
