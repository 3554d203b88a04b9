package org.involve.handlers;

import io.micronaut.context.BeanContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoClaims;
import org.involve.adapters.DynamoDraftStore;
import org.involve.adapters.DynamoMeetings;
import org.involve.adapters.DynamoOutbox;
import org.involve.core.application.AcknowledgementLetters;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestApplications;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.meetings.Meeting;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.role.Role;
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
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The job-scaling run (not a test: a measurement, run only when asked, by {@code infrastructure/benchmark/jobs}): for
 * each size in {@code -Dinvolve.jobScaling=1000,20000}, fresh tables with the example roles, that many records not due
 * of each kind loaded (applications submitted in the last hour to an open role, each acknowledged by an e-mail already
 * sent, and each with its outcome awaited; meetings planned for the months ahead, papers not yet due; claims sent by
 * partners and waiting for staff) and 10 due (applications submitted 30 days ago
 * to a closed role and never acknowledged, e-mails waiting to be sent); then every scheduled function of
 * template.yaml runs once, as Lambda runs it, against DynamoDB Local, and {@link JobCalls} counts its calls, the items
 * they evaluated and the capacity units consumed. A job whose reads grow with the records not due reads more than it
 * needs. The report goes to {@code infrastructure/benchmark/benchmark-results/jobs.md}.
 */
@EnabledIfSystemProperty(named = "involve.jobScaling", matches = "[0-9,]+")
@LocalDynamoDb
@LocalSqs
@LocalSes
@LocalS3
class JobScalingRun {
    private static final int DUE = 10;

    @Test
    void measure(EmbeddedDynamoDb dynamo, EmbeddedSqs sqs, SesEmulator ses, EmbeddedS3 s3)
            throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("involve.jobScaling").split(","))
            sizes.add(Integer.parseInt(s.trim()));
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        LocalNames names =
                new LocalNames(
                        template,
                        sqs::queueUrl,
                        Map.of(),
                        secret -> "job-scaling-signing-key-0123456789abcdef",
                        "eu-west-2");
        List<FunctionSpec> jobs =
                template.functions().stream().filter(f -> !f.scheduleEvents().isEmpty()).toList();
        Map<String, Map<Integer, JobCalls.Counts>> results = new LinkedHashMap<>();
        Map<Integer, Long> loadSeconds = new LinkedHashMap<>();
        for (int size : sizes) {
            dynamo.resetTables(template);
            sqs.purgeQueues();
            s3.createBuckets(template);
            long started = System.nanoTime();
            load(dynamo.client(), size);
            loadSeconds.put(size, (System.nanoTime() - started) / 1_000_000_000L);
            ses.clear();
            for (FunctionSpec job : jobs) {
                BeanContext context = Beans.start(new InvolveSettings(names.environmentOf(job)));
                BeanContext previous = Beans.use(context);
                try {
                    @SuppressWarnings("unchecked")
                    var handler =
                            (com.amazonaws.services.lambda.runtime.RequestHandler<
                                            Map<String, Object>, Map<String, Object>>)
                                    Class.forName(job.handlerClass())
                                            .getConstructor()
                                            .newInstance();
                    JobCalls.start();
                    try {
                        handler.handleRequest(Map.of(), null);
                    } finally {
                        results.computeIfAbsent(job.logicalId(), k -> new LinkedHashMap<>())
                                .put(size, JobCalls.stop());
                    }
                } finally {
                    Beans.use(previous);
                    context.close();
                }
            }
        }
        String report = report(sizes, results, loadSeconds);
        System.out.println(report);
        Path out =
                template.repositoryRoot()
                        .resolve("infrastructure/benchmark/benchmark-results/jobs.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** The example roles, {@code size} records not due and {@value #DUE} due. */
    private static void load(DynamoDbClient db, int size) throws Exception {
        Clock clock = Clock.systemUTC();
        ExampleRoles.loadInto(db, clock);
        Map<String, Role> roles = new LinkedHashMap<>();
        ExampleRoles.all(clock).forEach(r -> roles.put(r.id(), r));
        Role open = roles.get(ExampleRoles.SCG), closed = roles.get(ExampleRoles.CLOSED);
        DynamoOutbox outbox =
                new DynamoOutbox(db, "OutboxTable", "ApplicationsTable", id -> {}, w -> {});
        DynamoApplications applications =
                new DynamoApplications(
                        db,
                        "ApplicationsTable",
                        outbox,
                        () -> new DynamoAuditTrail(db, "AuditTable"),
                        new DynamoDraftStore(db, "DraftsTable"));
        DynamoAuditTrail audit = new DynamoAuditTrail(db, "AuditTable");
        DynamoMeetings meetings = new DynamoMeetings(db, "MeetingsTable", outbox, audit);
        DynamoClaims claims =
                new DynamoClaims(db, "ClaimsTable", outbox, () -> audit, null, w -> {});
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ClosingTime.UK);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int n = i;
                work.add(
                        pool.submit(
                                () -> {
                                    // Submitted with its acknowledgement, which the mailer has sent
                                    // (sending it marks the application acknowledged).
                                    String reference = reference("N" + size, n);
                                    Instant at = now.minusSeconds(n % 3600);
                                    OutboxMessage ack =
                                            message(
                                                    "ack-" + reference,
                                                    at,
                                                    AcknowledgementLetters.ACKNOWLEDGEMENT);
                                    applications.submit(
                                            TestApplications.submitted(
                                                    open,
                                                    reference,
                                                    at,
                                                    Map.of("email", "n" + n + "@example.org")),
                                            List.of(ack),
                                            null);
                                    outbox.markSent(ack.id(), at.plusSeconds(5), "ses-" + n);
                                }));
            }
            for (int i = 0; i < size; i++) {
                int n = i;
                work.add(
                        pool.submit(
                                () -> {
                                    // A meeting of the open role planned for the months ahead: its
                                    // papers are not due yet and it has not been held.
                                    LocalDate day = today.plusDays(60 + n % 300);
                                    String id = String.format(Locale.ROOT, "M%d-%06d", size, n);
                                    boolean planned =
                                            meetings.plan(
                                                    Meeting.planned(
                                                            id,
                                                            open.id(),
                                                            day,
                                                            LocalTime.of(18, 30),
                                                            60,
                                                            "Room 1",
                                                            "",
                                                            "",
                                                            day.minusDays(7),
                                                            List.of(),
                                                            "staff-1",
                                                            now),
                                                    new AuditEntry(
                                                            "staff-1",
                                                            "planned",
                                                            "meeting:" + id,
                                                            now,
                                                            null,
                                                            "PLANNED"),
                                                    List.of());
                                    if (!planned)
                                        throw new IllegalStateException("not planned: " + id);
                                    // A claim a partner has sent, waiting for staff: nothing for
                                    // the
                                    // payments sweep, which sends only approved claims' payments.
                                    String claim = String.format(Locale.ROOT, "C%d-%06d", size, n);
                                    boolean saved =
                                            claims.save(
                                                    null,
                                                    new Claim(
                                                            claim,
                                                            "appointment-" + n,
                                                            open.id(),
                                                            ClaimStatus.SUBMITTED,
                                                            List.of(),
                                                            List.of(),
                                                            List.of(),
                                                            null,
                                                            now,
                                                            now,
                                                            null,
                                                            null,
                                                            null,
                                                            1),
                                                    new AuditEntry(
                                                            "partner",
                                                            "claimed",
                                                            "claim:" + claim,
                                                            now,
                                                            null,
                                                            "SUBMITTED"));
                                    if (!saved)
                                        throw new IllegalStateException("not saved: " + claim);
                                }));
            }
            for (int i = 0; i < DUE; i++) {
                int n = i;
                work.add(
                        pool.submit(
                                () -> {
                                    applications.submit(
                                            TestApplications.submitted(
                                                    closed,
                                                    reference("D" + size, n),
                                                    now.minus(Duration.ofDays(30)),
                                                    Map.of("email", "d" + n + "@example.org")),
                                            List.of(),
                                            null);
                                    outbox.addOnce(
                                            message(
                                                    "due-" + n,
                                                    now.minus(Duration.ofMinutes(10)),
                                                    "job-scaling"));
                                }));
            }
            for (Future<?> f : work) f.get();
        } finally {
            pool.shutdown();
        }
    }

    private static String reference(String kind, int n) {
        // Unique in every run: a reference is its transaction's idempotency token, which DynamoDB
        // remembers.
        return String.format(Locale.ROOT, "INV-%s-%06d", kind, n);
    }

    private static OutboxMessage message(String id, Instant at, String purpose) {
        return new OutboxMessage(
                id,
                new Email(
                        "someone@example.org", "Job scaling", "<p>Job scaling</p>", "Job scaling"),
                at,
                at,
                0,
                purpose);
    }

    private static String report(
            List<Integer> sizes,
            Map<String, Map<Integer, JobCalls.Counts>> results,
            Map<Integer, Long> loadSeconds) {
        StringBuilder md = new StringBuilder("# Job scaling\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "Records not due per run, of each kind (applications, meetings, claims): %s, plus %d due. Loading took %s s.%n%n",
                        sizes,
                        DUE,
                        loadSeconds.values()));
        md.append(
                "| Job | Records not due | Calls | Items evaluated | Read units | Write units | Calls by operation | Flat |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        for (var job : results.entrySet()) {
            JobCalls.Counts first = job.getValue().get(sizes.get(0));
            for (int size : sizes) {
                JobCalls.Counts c = job.getValue().get(size);
                boolean flat =
                        c.itemsEvaluated() <= first.itemsEvaluated()
                                && c.readUnits() <= first.readUnits() + 0.5;
                md.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %,d | %d | %,d | %.1f | %.1f | %s | %s |%n",
                                job.getKey(),
                                size,
                                c.totalCalls(),
                                c.itemsEvaluated(),
                                c.readUnits(),
                                c.writeUnits(),
                                c.calls(),
                                size == sizes.get(0) ? "" : flat ? "yes" : "**no**"));
            }
        }
        return md.toString();
    }
}
