package org.involve.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.involve.adapters.internal.Json;
import org.involve.adapters.internal.SignedHttp;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.SamTemplate;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * LocalStack in Docker through Testcontainers, for {@code mvn verify -Plocalstack}. Compiled only under that
 * profile (the default build excludes this file), so the default build needs neither Docker nor Testcontainers.
 */
final class LocalStackEnvironment implements AwsEnvironment {
    /** A community-edition tag, pinned so the run does not change under us. */
    private static final DockerImageName IMAGE =
            DockerImageName.parse("localstack/localstack:4.0.3");

    private final LocalStackContainer container;
    private final RecordedCalls calls = new RecordedCalls();
    private final InjectedFaults faults = new InjectedFaults();
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final SignedHttp ses;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    private LocalStackEnvironment(LocalStackContainer container) {
        this.container = container;
        TestClients clients =
                new TestClients(
                        Region.of(container.getRegion()),
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(
                                        container.getAccessKey(), container.getSecretKey())));
        URI endpoint = container.getEndpoint();
        this.dynamo = clients.dynamo(endpoint, calls, faults);
        this.sqs = clients.sqs(endpoint);
        this.ses = clients.ses(endpoint);
    }

    public static AwsEnvironment start() {
        LocalStackContainer container =
                new LocalStackContainer(IMAGE)
                        .withServices(
                                LocalStackContainer.Service.DYNAMODB,
                                LocalStackContainer.Service.SQS,
                                LocalStackContainer.Service.SES);
        container.start();
        LocalStackEnvironment environment = new LocalStackEnvironment(container);
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        EmbeddedDynamoDb.createTables(environment.dynamo, template);
        template.queues()
                .forEach(
                        q ->
                                environment.queueUrls.put(
                                        q.logicalId(),
                                        environment
                                                .sqs
                                                .createQueue(r -> r.queueName(q.logicalId()))
                                                .queueUrl()));
        // SES v2's CreateEmailIdentity; LocalStack verifies it at once.
        environment.ses.send(
                software.amazon.awssdk.http.SdkHttpMethod.POST,
                URI.create(environment.ses.endpoint() + "/v2/email/identities"),
                Map.of("Content-Type", "application/json"),
                ("{\"EmailIdentity\":\"" + MAIL_FROM + "\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return environment;
    }

    @Override
    public DynamoDbClient dynamo() {
        return dynamo;
    }

    @Override
    public RecordedCalls dynamoCalls() {
        return calls;
    }

    @Override
    public InjectedFaults dynamoFaults() {
        return faults;
    }

    @Override
    public SqsClient sqs() {
        return sqs;
    }

    @Override
    public SignedHttp ses() {
        return ses;
    }

    @Override
    public String queueUrl(String logicalId) {
        return queueUrls.get(logicalId);
    }

    /** LocalStack keeps sent mail at {@code /_aws/ses}. */
    @Override
    public List<SentEmail> sentEmails() {
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    container.getEndpoint().resolve("/_aws/ses"))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            List<SentEmail> sent = new ArrayList<>();
            for (JsonNode m : Json.mapper().readTree(response.body()).path("messages")) {
                List<String> to =
                        StreamSupport.stream(
                                        m.path("Destination").path("ToAddresses").spliterator(),
                                        false)
                                .map(JsonNode::asText)
                                .toList();
                sent.add(
                        new SentEmail(
                                m.path("Source").asText(),
                                to,
                                m.path("Subject").asText(),
                                m.path("Body").path("html_part").asText(),
                                m.path("Body").path("text_part").asText()));
            }
            return sent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        dynamo.close();
        sqs.close();
        container.stop();
    }
}
