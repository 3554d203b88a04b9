package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.involve.adapters.DynamoOutbox;
import org.involve.core.kit.Email;
import org.involve.core.outbox.OutboxMessage;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.EmbeddedS3;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.LocalDynamoDb;
import org.involve.emulators.LocalNames;
import org.involve.emulators.LocalS3;
import org.involve.emulators.LocalSes;
import org.involve.emulators.LocalSqs;
import org.involve.emulators.SamTemplate;
import org.involve.emulators.SesEmulator;
import org.involve.handlers.jarprobe.JarInvoker;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Each kind's shrunk jar (ProGuard keeps only what is reachable from what its rules keep) answers a real request
 * against the emulators, not only starts: the handler, Lambda's event classes and the Jackson that reads the sample
 * event all come from the function's own jar (a class loader over the jar and {@link JarInvoker}'s one class, whose
 * parent is the JDK's), and the SDK clients call DynamoDB Local, ElasticMQ and the SES emulator for real. A class or
 * member the shrinking left out that the request path needs fails here. ArtifactsJarTest builds every function's
 * handler from its jar; this runs, per kind, the requests that building alone does not reach: a role page and an
 * application start (web), a staff page (staff), a job (jobs), an e-mail delivered from the outbox to SES (mailer),
 * a calculator batch (payments), the authorizer's answer (authorizer), each logging its JSON line through the jar's
 * own (shrunk) logback.
 */
@EnabledIfSystemProperty(named = "involve.artifacts", matches = "built")
@LocalDynamoDb
@LocalSqs
@LocalSes
@LocalS3
class RealRequestsJarTest {
    private static final Path ROOT = TemplateTest.repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_KEY = "jar-test-signing-key-0123456789abcdef0123";

    @Test
    void eachKindAnswersARealRequestFromItsOwnShrunkJar(
            EmbeddedDynamoDb dynamo, EmbeddedSqs sqs, SesEmulator ses, EmbeddedS3 s3)
            throws Exception {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        s3.createBuckets(template);
        ExampleRoles.loadInto(dynamo.client(), Clock.systemUTC());
        LocalNames names =
                new LocalNames(
                        template, sqs::queueUrl, Map.of(), secret -> SIGNING_KEY, "eu-west-2");

        // web: the role page reads the role; the start writes a draft and sends the applicant on.
        Map<String, Object> role =
                call(template, names, "PublicSiteFunction", "http-get-role.json");
        assertEquals(200, role.get("statusCode"), "role page: " + role);
        assertTrue(String.valueOf(role.get("body")).contains("<h1"), "role page body");
        assertLogged("Answered GET /roles/{roleId} with 200");
        Map<String, Object> start =
                call(template, names, "PublicSiteFunction", "http-post-start-application.json");
        assertEquals(303, start.get("statusCode"), "application start: " + start);

        // staff: the staff home page, as the authorizer's context lets it through.
        Map<String, Object> staff =
                call(template, names, "StaffSignInFunction", "http-get-staff-home.json");
        assertEquals(200, staff.get("statusCode"), "staff home: " + staff);
        assertTrue(String.valueOf(staff.get("body")).contains("<h1"), "staff home body");

        // jobs: the closing job's scheduled run reads the roles and returns.
        call(template, names, "ClosingJobFunction", "schedule-closing-job.json");
        assertLogged("Scheduled job closing-job ran");

        // mailer: the outbox sweep sends the e-mail that is due through SES.
        String subject = "Shrunk jar test " + Instant.now().toEpochMilli();
        dueEmail(dynamo, subject);
        ses.clear();
        call(template, names, "OutboxSweepFunction", "schedule-outbox-sweep.json");
        List<Map<String, Object>> sent = ses.emails();
        assertEquals(1, sent.size(), "e-mails the sweep sent: " + sent);
        assertTrue(String.valueOf(sent.get(0)).contains(subject), String.valueOf(sent.get(0)));
        assertLogged("Scheduled job outbox-sweep ran: {sent=1}");

        // payments: the calculator pays the approved claim and hands back the message that is not
        // one.
        Map<String, Object> batch =
                call(template, names, "PaymentCalculatorFunction", "sqs-payment-approved.json");
        assertEquals(
                List.of(Map.of("itemIdentifier", "44444444-4444-4444-8444-444444444444")),
                batch.get("batchItemFailures"),
                "calculator batch: " + batch);
        assertLogged("Could not calculate the payment in message 44444444");

        // authorizer: a cookie that is no session token is refused (its JSON and the ended-sessions
        // table read).
        Map<String, Object> answer =
                call(
                        template,
                        names,
                        "StaffSessionAuthorizerFunction",
                        "authorizer-staff-session.json");
        assertEquals(false, answer.get("isAuthorized"), "authorizer: " + answer);
        assertLogged("Staff session refused on GET /staff");
    }

    /** What the last call wrote to standard output: the function's log lines. */
    private static String lastLog = "";

    /**
     * The last call logged a line with this message through the jar's own logback, as a JSON line with the context
     * fields (logback is shrunk to what our code-built configuration uses).
     */
    private static void assertLogged(String message) {
        String line =
                lastLog.lines()
                        .filter(l -> l.replace("\\/", "/").contains(message))
                        .findFirst()
                        .orElse("");
        assertTrue(
                line.startsWith("{") && line.contains("\"level\"") && line.contains("\"service\""),
                "no JSON log line with '" + message + "' in: " + lastLog);
    }

    /**
     * Runs the function's handler from its own jar with the sample event, its environment resolved to the emulators,
     * and returns the response read as JSON (an empty map for a handler that returns nothing).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(
            SamTemplate template, LocalNames names, String function, String event)
            throws Exception {
        Path jar = ROOT.resolve(String.valueOf(TemplateTest.codeUriOf(function)));
        Properties saved = (Properties) System.getProperties().clone();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        PrintStream standardOutput = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (URLClassLoader own =
                new URLClassLoader(
                        new URL[] {jar.toUri().toURL(), probe().toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            names.environmentOf(template.function(function)).forEach(System::setProperty);
            // As Lambda names the handler: a listed handler loads only its own bean definitions
            // (Beans.AREAS, ADAPTERS).
            System.setProperty(
                    "_HANDLER", template.function(function).handlerClass() + "::handleRequest");
            Thread.currentThread().setContextClassLoader(own);
            // The function's logback, configured when its handler is built, writes to this stream.
            System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
            Class<?> invoker = Class.forName(JarInvoker.class.getName(), true, own);
            assertNotSame(JarInvoker.class, invoker);
            String response =
                    (String)
                            invoker.getMethod("invoke", String.class, String.class)
                                    .invoke(
                                            null,
                                            template.function(function).handlerClass(),
                                            Files.readString(SampleEvents.FOLDER.resolve(event)));
            Object value = JSON.readValue(response, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } finally {
            System.setOut(standardOutput);
            lastLog = log.toString(StandardCharsets.UTF_8);
            System.out.print(lastLog);
            Thread.currentThread().setContextClassLoader(previous);
            System.setProperties(saved);
        }
    }

    /** A folder holding only JarInvoker's class file, to load beside a jar. */
    private static Path probe() throws Exception {
        String file = JarInvoker.class.getName().replace('.', '/') + ".class";
        Path dir = Files.createTempDirectory("jar-probe");
        Path target = dir.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = JarInvoker.class.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, target);
        }
        return dir;
    }

    /** An e-mail due now, as the outbox holds one before the sweep sends it. */
    private static void dueEmail(EmbeddedDynamoDb dynamo, String subject) {
        Instant now = Instant.now();
        new DynamoOutbox(dynamo.client(), "OutboxTable", "ApplicationsTable", id -> {}, w -> {})
                .addOnce(
                        new OutboxMessage(
                                "jar-test-" + now.toEpochMilli(),
                                new Email(
                                        "someone@example.org",
                                        subject,
                                        "<p>" + subject + "</p>",
                                        subject),
                                now.minusSeconds(600),
                                now.minusSeconds(600),
                                0,
                                "jar-test"));
    }
}
