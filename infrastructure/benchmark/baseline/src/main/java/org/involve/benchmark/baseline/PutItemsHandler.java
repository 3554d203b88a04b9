package org.involve.benchmark.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The least a queue consumer can do with a batch of ten messages: one raw PutItem each, the body stored as it came, no
 * framework, no JSON reading, no condition. The payment calculator's batch of ten is compared with this one.
 */
public class PutItemsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final DynamoDbClient dynamoDb;
    private final String table;

    public PutItemsHandler() {
        var builder =
                DynamoDbClient.builder()
                        .region(
                                Region.of(
                                        setting("AWS_REGION", setting("aws.region", "eu-west-2"))))
                        .httpClientBuilder(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(2))
                                        .socketTimeout(Duration.ofSeconds(10)));
        String endpoint = setting("DYNAMODB_ENDPOINT", null);
        if (endpoint != null) builder.endpointOverride(URI.create(endpoint));
        this.dynamoDb = builder.build();
        this.table = setting("DRAFTS_TABLE", "DraftsTable");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            dynamoDb.putItem(
                    PutItemRequest.builder()
                            .tableName(table)
                            .item(
                                    Map.of(
                                            "draftId",
                                                    AttributeValue.fromS(
                                                            "baseline-" + m.getMessageId()),
                                            "body", AttributeValue.fromS(m.getBody()),
                                            "expiresAtEpoch",
                                                    AttributeValue.fromN(
                                                            Long.toString(
                                                                    System.currentTimeMillis()
                                                                                    / 1000
                                                                            + 3600))))
                            .build());
        }
        return SQSBatchResponse.builder().withBatchItemFailures(List.of()).build();
    }

    private static String setting(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
