package org.involve.benchmark.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The least a Java function that answers an HTTP API request from DynamoDB can do: one PutItem, with the client
 * built the way {@code org.involve.adapters.AwsClients} builds it (same region and endpoint settings, the
 * URL-connection HTTP client with the same time-outs, the default credentials chain). No framework, no logging
 * library, no JSON library. The benchmark divides the application's cold start by this one's.
 */
public class PutItemHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** Lambda's way in: the no-argument constructor, in the init phase. */
    public PutItemHandler() {
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
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String id = "baseline-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        dynamoDb.putItem(
                PutItemRequest.builder()
                        .tableName(table)
                        .item(
                                Map.of(
                                        "draftId", AttributeValue.fromS(id),
                                        "path",
                                                AttributeValue.fromS(
                                                        String.valueOf(event.getRawPath())),
                                        "expiresAtEpoch",
                                                AttributeValue.fromN(
                                                        Long.toString(
                                                                System.currentTimeMillis() / 1000
                                                                        + 3600))))
                        .build());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "text/plain; charset=utf-8"))
                .withBody(id)
                .build();
    }

    /** An environment variable, else the system property of the same name (as org.involve.adapters.Settings reads them). */
    private static String setting(String name, String fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
