package org.involve.adapters;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.involve.adapters.internal.OfflineHttp;
import org.involve.adapters.internal.S3Rest;
import org.involve.adapters.internal.SignedHttp;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients (and the signed REST calls that stand in for S3's and SES's) once per function. The URL-connection HTTP client keeps the artifact small and
 * start-up quick. DYNAMODB_ENDPOINT, SQS_ENDPOINT, SES_ENDPOINT, S3_ENDPOINT and SECRETSMANAGER_ENDPOINT point them at emulators; in AWS
 * they are unset.
 */
public final class AwsClients {
    private AwsClients() {}

    static Region region() {
        return Region.of(
                Settings.optional("AWS_REGION", Settings.optional("aws.region", "eu-west-2")));
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(10));
    }

    /**
     * Where a client's credentials come from. Lambda gives a function its role's credentials in its environment
     * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), so there they are read from the environment alone,
     * without building the default chain's other providers (profile files, container and instance metadata, web
     * identity): AWS's own advice for a quick cold start. The default chain looks at the {@code aws.accessKeyId} system
     * property before the environment, so where that is set (the local runtime), or the environment holds no
     * credentials, the client keeps the SDK's default chain: the credentials found are always the ones the default
     * chain would find. With SnapStart Lambda puts no keys in the environment (the default chain reads a container
     * credentials endpoint instead), so there the default chain stays, built before the snapshot.
     */
    static Optional<AwsCredentialsProvider> credentials(
            UnaryOperator<String> environment, UnaryOperator<String> systemProperties) {
        if (present(systemProperties.apply("aws.accessKeyId"))) return Optional.empty();
        if (present(environment.apply("AWS_ACCESS_KEY_ID"))
                && present(environment.apply("AWS_SECRET_ACCESS_KEY")))
            return Optional.of(EnvironmentVariableCredentialsProvider.create());
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** {@link #credentials(UnaryOperator, UnaryOperator)} from this process's environment and system properties. */
    static Optional<AwsCredentialsProvider> credentials() {
        return credentials(System::getenv, System::getProperty);
    }

    public static DynamoDbClient dynamoDb() {
        var b = dynamoDbSettings().httpClientBuilder(http());
        credentials().ifPresent(b::credentialsProvider);
        return b.build();
    }

    /** What the real and the offline DynamoDB clients share: the region and the emulator's endpoint. */
    private static DynamoDbClientBuilder dynamoDbSettings() {
        var b = DynamoDbClient.builder().region(region());
        Settings.optional("DYNAMODB_ENDPOINT").ifPresent(e -> b.endpointOverride(URI.create(e)));
        return b;
    }

    /**
     * What an offline client signs with: its calls reach no one, so it needs no real credentials (and looking them
     * up could ask a metadata endpoint outside Lambda). The real clients' credentials are found by their own priming
     * reads. A method, not a constant: no function's cold start pays for it.
     */
    private static StaticCredentialsProvider offlineCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming"));
    }

    /**
     * For SnapStart priming: a client set up as {@link #dynamoDb()} whose HTTP client is {@code offline}, which answers
     * every call itself: a call is marshalled, signed and its answer read as for real, and reaches no table.
     */
    public static DynamoDbClient offlineDynamoDb(OfflineHttp offline) {
        return dynamoDbSettings()
                .credentialsProvider(offlineCredentials())
                .httpClient(offline)
                .build();
    }

    public static SqsClient sqs() {
        var b = SqsClient.builder().region(region()).httpClientBuilder(http());
        credentials().ifPresent(b::credentialsProvider);
        Settings.optional("SQS_ENDPOINT").ifPresent(e -> b.endpointOverride(URI.create(e)));
        return b.build();
    }

    /**
     * S3 over its REST API (the SDK's S3 client would add 3.8 MB to every jar that holds it): signed as the SDK signs,
     * sent through the same HTTP client with the same timeouts and credentials, retried as AWS's standard mode
     * retries. Against the emulator (S3_ENDPOINT), path-style addresses.
     */
    public static S3Rest s3() {
        return new S3Rest(
                signed(
                        http().build(),
                        credentialsOrDefault(),
                        "s3",
                        SignedHttp.Protocol.S3_XML,
                        SignedHttp.Retries.standard(),
                        "S3_ENDPOINT",
                        "s3"));
    }

    /**
     * SES v2 over its REST API (its SDK client would add 2.7 MB to the mailer's jar). Never retried here: a retry after a
     * timeout could send a message SES had already taken. The outbox retries instead, and sets aside for staff an
     * attempt that got no answer.
     */
    public static SignedHttp ses() {
        return ses(http().build(), credentialsOrDefault());
    }

    /**
     * For SnapStart priming: SES as {@link #ses()} over {@code offline}, which answers every call itself: a send is
     * marshalled, signed and its answer read as for real, and reaches no one.
     */
    public static SignedHttp offlineSes(OfflineHttp offline) {
        return ses(offline, offlineCredentials());
    }

    private static SignedHttp ses(
            SdkHttpClient http, IdentityProvider<? extends AwsCredentialsIdentity> credentials) {
        return signed(
                http,
                credentials,
                "ses",
                SignedHttp.Protocol.REST_JSON,
                SignedHttp.Retries.none(),
                "SES_ENDPOINT",
                "email");
    }

    /**
     * A service's signed REST calls: at {@code https://HOST.REGION.amazonaws.com}, or at the emulator the setting
     * {@code endpointSetting} names (path-style addresses there).
     */
    private static SignedHttp signed(
            SdkHttpClient http,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            String signingName,
            SignedHttp.Protocol protocol,
            SignedHttp.Retries retries,
            String endpointSetting,
            String host) {
        Optional<URI> emulator = Settings.optional(endpointSetting).map(URI::create);
        String region = region().id();
        return new SignedHttp(
                http,
                credentials,
                region,
                signingName,
                protocol,
                retries,
                emulator.orElse(URI.create("https://" + host + "." + region + ".amazonaws.com")),
                emulator.isPresent(),
                Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()));
    }

    /** The credentials {@link #credentials()} picks, or the SDK's default chain, as an SDK client would use. */
    private static AwsCredentialsProvider credentialsOrDefault() {
        return credentials().orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    /**
     * The signing keys' store (SECRETSMANAGER_ENDPOINT points it at the local emulator). Its own short timeouts: a
     * function waiting for a key it already holds uses the one it holds.
     */
    public static SecretsManagerClient secretsManager() {
        var b =
                SecretsManagerClient.builder()
                        .region(region())
                        .httpClientBuilder(
                                UrlConnectionHttpClient.builder()
                                        .connectionTimeout(Duration.ofSeconds(1))
                                        .socketTimeout(Duration.ofSeconds(2)))
                        .overrideConfiguration(
                                c ->
                                        c.retryStrategy(
                                                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                                        .maxAttempts(2)
                                                        .build()));
        credentials().ifPresent(b::credentialsProvider);
        Settings.optional("SECRETSMANAGER_ENDPOINT")
                .ifPresent(e -> b.endpointOverride(URI.create(e)));
        return b.build();
    }
}
