package org.involve.emulators;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts DynamoDB Local in memory on a free port, once per test run, with every table of template.yaml (named by
 * logical id: "RolesTable"...). Injects {@link EmbeddedDynamoDb} and {@link DynamoDbClient} parameters, and sets
 * the system properties DYNAMODB_ENDPOINT, AWS_REGION/aws.region and dummy aws.accessKeyId/aws.secretAccessKey so
 * {@code AwsClients.dynamoDb()} reaches it. Tables are shared by all test classes: use unique keys, or call
 * {@link EmbeddedDynamoDb#resetTables(SamTemplate)}. Use it through {@link LocalDynamoDb}.
 */
public final class DynamoDbExtension extends EmulatorParameters<EmbeddedDynamoDb>
        implements BeforeAllCallback {
    public DynamoDbExtension() {
        super(EmbeddedDynamoDb.class, Map.of(DynamoDbClient.class, EmbeddedDynamoDb::client));
    }

    @Override
    EmbeddedDynamoDb start() {
        return EmbeddedDynamoDb.startInMemory(0)
                .createTables(SamTemplate.loadFromWorkingDirectory());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedDynamoDb dynamoDb = emulator(context);
        useDummyCredentials();
        System.setProperty("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
    }
}
