package org.involve.adapters;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.involve.adapters.internal.SignedHttp;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for a test environment, built the way {@link AwsClients} builds them, pointed at its endpoints. */
record TestClients(Region region, AwsCredentialsProvider credentials) {
    /** template.yaml's attribute-level limits on updates, enforced as IAM would enforce them. */
    private static final AttributeConditions ATTRIBUTES = AttributeConditions.fromTemplate();

    DynamoDbClient dynamo(URI endpoint, RecordedCalls calls, InjectedFaults faults) {
        return configure(DynamoDbClient.builder(), endpoint)
                .overrideConfiguration(
                        c ->
                                c.addExecutionInterceptor(calls)
                                        .addExecutionInterceptor(ATTRIBUTES)
                                        .addExecutionInterceptor(faults))
                .build();
    }

    SqsClient sqs(URI endpoint) {
        return configure(SqsClient.builder(), endpoint).build();
    }

    /** SES v2's REST calls as {@link AwsClients#ses()} makes them (one attempt), over {@code http}. */
    SignedHttp ses(URI endpoint, SdkHttpClient http) {
        return new SignedHttp(
                http,
                credentials,
                region.id(),
                "ses",
                SignedHttp.Protocol.REST_JSON,
                SignedHttp.Retries.none(),
                endpoint,
                true,
                Clock.systemUTC(),
                d -> {});
    }

    SignedHttp ses(URI endpoint) {
        return ses(endpoint, http());
    }

    /** The HTTP client {@link AwsClients} gives its clients, with a longer read timeout for a loaded machine. */
    static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(
                        UrlConnectionHttpClient.builder()
                                .connectionTimeout(Duration.ofSeconds(2))
                                .socketTimeout(Duration.ofSeconds(30)));
    }
}
