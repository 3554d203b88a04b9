package org.involve.emulators;

import java.net.URI;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** ElasticMQ, an SQS-compatible server, running inside this JVM. Queues live in memory. */
public final class EmbeddedSqs implements AutoCloseable {
    public static final String ACCOUNT_ID = "000000000000";
    private static final String PEKKO_SHUTDOWN_HOOK =
            "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook";

    private final SQSRestServer server;
    private final int port;
    private final SqsClient client;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    private EmbeddedSqs(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
        this.client =
                SqsClient.builder()
                        .endpointOverride(endpoint())
                        .region(LocalAws.REGION)
                        .credentialsProvider(LocalAws.credentials())
                        .httpClientBuilder(LocalAws.http())
                        .build();
    }

    /** Listens on localhost; {@code port} 0 picks a free one. */
    public static EmbeddedSqs start(int requestedPort) {
        // stop() shuts ElasticMQ down; its own JVM shutdown hook would only race ours and warn.
        if (System.getProperty(PEKKO_SHUTDOWN_HOOK) == null)
            System.setProperty(PEKKO_SHUTDOWN_HOOK, "off");
        int attempts =
                requestedPort == 0
                        ? 5
                        : 1; // a free port can be taken between finding and binding it
        for (int attempt = 1; ; attempt++) {
            int port = requestedPort == 0 ? LocalAws.freePort() : requestedPort;
            SQSRestServer server =
                    SQSRestServerBuilder.withInterface("127.0.0.1")
                            .withPort(port)
                            .withServerAddress(new NodeAddress("http", "localhost", port, ""))
                            .withAWSRegion(LocalAws.REGION.id())
                            .withAWSAccountId(ACCOUNT_ID)
                            .start();
            try {
                server.waitUntilStarted();
                return new EmbeddedSqs(server, port);
            } catch (RuntimeException e) {
                server.stopAndWait();
                if (attempt >= attempts)
                    throw new IllegalStateException("ElasticMQ could not start on port " + port, e);
            }
        }
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    /** A client for this emulator (region eu-west-2, dummy credentials). */
    public SqsClient client() {
        return client;
    }

    /** Creates the template's queues, dead-letter queues first so redrive policies can name them. */
    public EmbeddedSqs createQueues(SamTemplate template) {
        template.queues().stream()
                .sorted(
                        Comparator.comparing(
                                (QueueSpec q) ->
                                        q.redrive().isPresent())) // plain queues (the DLQs) first
                .forEach(this::create);
        return this;
    }

    private void create(QueueSpec queue) {
        Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
        queue.visibilityTimeoutSeconds()
                .ifPresent(
                        s ->
                                attributes.put(
                                        QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(s)));
        queue.messageRetentionSeconds()
                .ifPresent(
                        s ->
                                attributes.put(
                                        QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                                        String.valueOf(s)));
        queue.redrive()
                .ifPresent(
                        r ->
                                attributes.put(
                                        QueueAttributeName.REDRIVE_POLICY,
                                        "{\"deadLetterTargetArn\":\""
                                                + arn(r.deadLetterQueueLogicalId())
                                                + "\",\"maxReceiveCount\":\""
                                                + r.maxReceiveCount()
                                                + "\"}"));
        String url =
                client.createQueue(b -> b.queueName(queue.logicalId()).attributes(attributes))
                        .queueUrl();
        queueUrls.put(queue.logicalId(), url);
    }

    /** The URL of a queue created from the template, by its logical id. */
    public String queueUrl(String logicalId) {
        String url = queueUrls.get(logicalId);
        if (url == null)
            throw new IllegalArgumentException(
                    "No queue " + logicalId + ": call createQueues(template) first");
        return url;
    }

    /** The ARN of a queue, as an SQS event record's eventSourceARN carries it. */
    public static String arn(String logicalId) {
        return "arn:aws:sqs:" + LocalAws.REGION.id() + ":" + ACCOUNT_ID + ":" + logicalId;
    }

    /** Empties every queue created from the template: a clean slate between tests. */
    public void purgeQueues() {
        queueUrls.values().forEach(url -> client.purgeQueue(b -> b.queueUrl(url)));
    }

    public void stop() {
        client.close();
        server.stopAndWait();
    }

    @Override
    public void close() {
        stop();
    }
}
