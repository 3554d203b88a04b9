package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.BeanContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.involve.adapters.DynamoOutbox;
import org.involve.core.kit.Email;
import org.involve.core.outbox.OutboxMessage;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.EmbeddedS3;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.LocalDynamoDb;
import org.involve.emulators.LocalNames;
import org.involve.emulators.LocalS3;
import org.involve.emulators.LocalSes;
import org.involve.emulators.LocalSqs;
import org.involve.emulators.SamTemplate;
import org.involve.emulators.SesEmulator;
import org.involve.emulators.TableSpec;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SnapStart priming for every function of template.yaml: each function's handler is built as Lambda builds it (its
 * no-argument constructor, over its own environment resolved to the emulators), its CRaC hook must be registered,
 * and running the hook against DynamoDB Local, ElasticMQ, the SES emulator and the S3 emulator must change nothing:
 * every table's items, every queue, every bucket and the sent mail are the same afterwards. The tables hold the
 * example roles and an e-mail due to be sent, so a priming that ran a job or a sweep for real would show.
 */
@LocalDynamoDb
@LocalSqs
@LocalSes
@LocalS3
class PrimingTest {
    private static final String SIGNING_KEY = "priming-test-signing-key-0123456789abcdef";

    @Test
    void everyFunctionPrimesAndChangesNothing(
            EmbeddedDynamoDb dynamo, EmbeddedSqs sqs, SesEmulator ses, EmbeddedS3 s3) {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        s3.createBuckets(template);
        ExampleRoles.loadInto(dynamo.client(), Clock.systemUTC());
        dueEmail(dynamo);
        ses.clear();
        Map<String, Object> before = everything(template, dynamo, sqs, s3);
        assertTrue(
                !((Set<?>) before.get("OutboxTable")).isEmpty(), "an e-mail waits in the outbox");

        LocalNames names =
                new LocalNames(
                        template, sqs::queueUrl, Map.of(), secret -> SIGNING_KEY, "eu-west-2");
        List<String> primed = new ArrayList<>();
        ByteArrayOutputStream logStream = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(logStream, true, StandardCharsets.UTF_8));
        try {
            primeEach(template, names, primed);
        } finally {
            System.setOut(standardOutput);
        }

        assertTrue(primed.size() >= 40, "template.yaml's functions: " + primed);
        Map<String, Object> after = everything(template, dynamo, sqs, s3);
        for (String place : before.keySet())
            assertEquals(before.get(place), after.get(place), place + " changed by priming");
        assertEquals(List.of(), ses.emails(), "priming sent e-mail");
        assertEquals(
                List.of(),
                metricLines(logStream),
                "priming wrote a metric to the log stream, which CloudWatch would count");
    }

    /** Builds each function of the template and runs its priming hook. */
    private static void primeEach(SamTemplate template, LocalNames names, List<String> primed) {
        for (FunctionSpec function : template.functions()) {
            BeanContext context = Beans.start(new InvolveSettings(names.environmentOf(function)));
            BeanContext previous = Beans.use(context);
            try {
                Class.forName(function.handlerClass()).getConstructor().newInstance();
                assertTrue(
                        Priming.registered().contains(function.logicalId()),
                        function.logicalId() + " registers no SnapStart priming");
                Priming.primeForTest(function.logicalId());
                primed.add(function.logicalId());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(function.logicalId() + " did not start", e);
            } catch (RuntimeException e) {
                throw new AssertionError(function.logicalId() + "'s priming failed", e);
            } finally {
                Beans.use(previous);
                context.close();
            }
        }
    }

    /** The embedded-metric lines (EMF's JSON, which CloudWatch turns into metrics) in what was written. */
    private static List<String> metricLines(ByteArrayOutputStream written) {
        return written.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.contains("\"_aws\""))
                .toList();
    }

    /**
     * The metrics priming flushes for real through Powertools and EMF, and drops the line: proves the check above can
     * fail, as a real count written at the same time is seen.
     */
    @Test
    void primingMetricsMakesTheLineAndDropsIt() {
        ByteArrayOutputStream logStream = new ByteArrayOutputStream();
        PrintStream standardOutput = System.out;
        System.setOut(new PrintStream(logStream, true, StandardCharsets.UTF_8));
        List<String> dropped;
        try {
            dropped = Telemetry.prime();
            assertEquals(List.of(), metricLines(logStream), "the priming's metric was written");
            Telemetry.count("PrimingTestCount");
        } finally {
            System.setOut(standardOutput);
        }
        assertEquals(1, dropped.size(), "one embedded-metric line made: " + dropped);
        assertTrue(dropped.get(0).contains("\"Priming\":1"), dropped.get(0));
        List<String> written = metricLines(logStream);
        assertEquals(1, written.size(), "a real count is written: " + written);
        assertTrue(written.get(0).contains("PrimingTestCount"), written.get(0));
    }

    /** Every function is published as a version SnapStart snapshots: its own settings, or the Globals' it keeps. */
    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionHasSnapStartOnItsPublishedVersions() {
        Map<String, Object> template = TemplateTest.template();
        Map<String, Object> globals =
                (Map<String, Object>)
                        ((Map<String, Object>) template.get("Globals")).get("Function");
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        List<String> functions = new ArrayList<>();
        resources.forEach(
                (id, resource) -> {
                    Map<String, Object> r = (Map<String, Object>) resource;
                    if (!"AWS::Serverless::Function".equals(r.get("Type"))) return;
                    functions.add(id);
                    Map<String, Object> p = (Map<String, Object>) r.get("Properties");
                    Object runtime = p.getOrDefault("Runtime", globals.get("Runtime"));
                    assertTrue(String.valueOf(runtime).startsWith("java"), id + " is not Java");
                    Object snapStart = p.getOrDefault("SnapStart", globals.get("SnapStart"));
                    assertEquals(
                            Map.of("ApplyOn", "PublishedVersions"), snapStart, id + "'s SnapStart");
                    assertEquals(
                            "live",
                            p.getOrDefault("AutoPublishAlias", globals.get("AutoPublishAlias")),
                            id + " publishes no version for SnapStart to snapshot");
                });
        assertTrue(functions.size() >= 40, "template.yaml's functions: " + functions);
    }

    /** Proves the check above can fail: a run of the outbox sweep for real sends the e-mail waiting. */
    @Test
    void theCheckSeesASweepThatSends(
            EmbeddedDynamoDb dynamo, EmbeddedSqs sqs, SesEmulator ses, EmbeddedS3 s3) {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        s3.createBuckets(template);
        dueEmail(dynamo);
        Map<String, Object> before = everything(template, dynamo, sqs, s3);
        LocalNames names =
                new LocalNames(
                        template, sqs::queueUrl, Map.of(), secret -> SIGNING_KEY, "eu-west-2");
        BeanContext context =
                Beans.start(
                        new InvolveSettings(
                                names.environmentOf(template.function("OutboxSweepFunction"))));
        BeanContext previous = Beans.use(context);
        try {
            new OutboxSweepHandler().handleRequest(Map.of(), null);
        } finally {
            Beans.use(previous);
            context.close();
        }
        assertTrue(
                !before.equals(everything(template, dynamo, sqs, s3)),
                "the sweep changed the outbox");
    }

    /** An e-mail due now, as the outbox holds one before the mailer sends it. */
    private static void dueEmail(EmbeddedDynamoDb dynamo) {
        Instant now = Instant.now();
        new DynamoOutbox(dynamo.client(), "OutboxTable", "ApplicationsTable", id -> {}, w -> {})
                .addOnce(
                        new OutboxMessage(
                                "priming-test-" + now.toEpochMilli(),
                                new Email(
                                        "someone@example.org",
                                        "Priming test",
                                        "<p>Priming test</p>",
                                        "Priming test"),
                                now.minusSeconds(600),
                                now.minusSeconds(600),
                                0,
                                "priming-test"));
    }

    /** Every item of every table, the messages in every queue, every object of every bucket. */
    private static Map<String, Object> everything(
            SamTemplate template, EmbeddedDynamoDb dynamo, EmbeddedSqs sqs, EmbeddedS3 s3) {
        Map<String, Object> all = new TreeMap<>();
        for (TableSpec table : template.tables()) {
            Set<Map<String, AttributeValue>> items = new HashSet<>();
            dynamo.client()
                    .scanPaginator(b -> b.tableName(table.logicalId()))
                    .items()
                    .forEach(items::add);
            all.put(table.logicalId(), items);
        }
        for (var queue : template.queues()) {
            var attributes =
                    sqs.client()
                            .getQueueAttributes(
                                    b ->
                                            b.queueUrl(sqs.queueUrl(queue.logicalId()))
                                                    .attributeNames(
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                            .attributes();
            all.put(queue.logicalId(), attributes);
        }
        for (String bucket : template.buckets()) {
            all.put(
                    bucket,
                    s3
                            .client()
                            .listObjectsV2Paginator(b -> b.bucket(EmbeddedS3.bucketName(bucket)))
                            .contents()
                            .stream()
                            .map(o -> o.key() + " " + o.eTag())
                            .sorted()
                            .toList());
        }
        return all;
    }
}
