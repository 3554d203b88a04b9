package org.involve.handlers;

import io.micronaut.context.BeanContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoClaims;
import org.involve.adapters.DynamoDraftStore;
import org.involve.adapters.DynamoInterviewSchedule;
import org.involve.adapters.DynamoMeetings;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoPartnerRecords;
import org.involve.adapters.DynamoPayments;
import org.involve.adapters.DynamoReferenceBook;
import org.involve.adapters.DynamoUsedLinks;
import org.involve.adapters.internal.Items;
import org.involve.core.application.AcknowledgementLetters;
import org.involve.core.application.Application;
import org.involve.core.application.HandlingFacts;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestPayments;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.interviews.InterviewTime;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Email;
import org.involve.core.kit.Read;
import org.involve.core.meetings.Meeting;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.references.ReferenceRequest;
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
import org.involve.handlers.staff.StaffHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The job-scaling run (not a test: a measurement, run only when asked, by {@code infrastructure/benchmark/jobs}): for
 * each size in {@code -Dinvolve.jobScaling=1000,100000}, fresh tables with the example roles, that many records not
 * due of each kind (see {@link #seeds}: applications acknowledged, meetings ahead, claims waiting for staff, reference
 * requests out, interview slots booked, invitations to book, partners appointed, payments exported), each kind made
 * once through the product's adapters and copied ({@link JobScalingRecords}), and 10 due (applications submitted 30
 * days ago to a closed role and never acknowledged, e-mails waiting to be sent); then every scheduled function of
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

    /**
     * The staff pages are measured at the sizes up to this ({@code -Dinvolve.jobScaling.pagesUpTo}, 20,000 unless
     * set): a page that reads a whole kind would read millions of items at 100,000 of each of 8 kinds.
     */
    private static final int PAGES_UP_TO =
            Integer.getInteger("involve.jobScaling.pagesUpTo", 20_000);

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
        // The staff pages: every GET of each staff function's routes, as a member of every group,
        // as its
        // SnapStart priming serves them (a page whose path names a record is asked for one that is
        // not
        // there; the lists of work, which name none, read and render for real).
        List<FunctionSpec> staffPages =
                template.functions().stream()
                        .filter(f -> StaffHandler.class.isAssignableFrom(handlerClass(f)))
                        .toList();
        Map<String, Map<Integer, JobCalls.Counts>> results = new LinkedHashMap<>();
        Map<String, Map<Integer, JobCalls.Counts>> pages = new LinkedHashMap<>();
        Map<Integer, String> loading = new LinkedHashMap<>();
        for (int size : sizes) {
            dynamo.resetTables(template);
            sqs.purgeQueues();
            s3.createBuckets(template);
            load(dynamo.client(), size);
            double seconds = loadNanos / 1e9;
            loading.put(
                    size,
                    String.format(
                            Locale.ROOT,
                            "%,d not due of each of %d kinds (%,d records, %,d items) in %.0f s: %,.0f records/s, %,.0f items/s; by kind, ms: %s",
                            size,
                            KINDS.size(),
                            (long) size * KINDS.size(),
                            itemsWritten,
                            seconds,
                            size * KINDS.size() / seconds,
                            itemsWritten / seconds,
                            KINDS));
            ses.clear();
            for (FunctionSpec job : jobs)
                results.computeIfAbsent(job.logicalId(), k -> new LinkedHashMap<>())
                        .put(
                                size,
                                calls(
                                        names,
                                        job,
                                        handler ->
                                                ((com.amazonaws.services.lambda.runtime
                                                                                .RequestHandler<
                                                                        Map<String, Object>,
                                                                        Map<String, Object>>)
                                                                handler)
                                                        .handleRequest(Map.of(), null)));
            if (size > PAGES_UP_TO) continue;
            for (FunctionSpec staff : staffPages)
                pages.computeIfAbsent(staff.logicalId(), k -> new LinkedHashMap<>())
                        .put(
                                size,
                                calls(
                                        names,
                                        staff,
                                        handler -> ((StaffHandler<?>) handler).prime()));
        }
        String report =
                report(sizes, results, loading)
                        + "\n## Staff pages: every GET without a record's id in its path\n\n"
                        + table(sizes, pages);
        System.out.println(report);
        Path out =
                template.repositoryRoot()
                        .resolve("infrastructure/benchmark/benchmark-results/jobs.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        // The report is written first, so a failing run still shows what each read.
        List<String> more = new ArrayList<>(notFlat(sizes, results));
        more.addAll(notFlat(sizes, pages));
        if (!more.isEmpty()) throw new AssertionError("Reading more at a larger size: " + more);
    }

    private static Class<?> handlerClass(FunctionSpec f) {
        try {
            return Class.forName(f.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@code call} asks of DynamoDB of the handler of {@code function}, built as Lambda builds it. */
    private static JobCalls.Counts calls(
            LocalNames names, FunctionSpec function, java.util.function.Consumer<Object> call)
            throws Exception {
        BeanContext context = Beans.start(new InvolveSettings(names.environmentOf(function)));
        BeanContext previous = Beans.use(context);
        try {
            Object handler = handlerClass(function).getConstructor().newInstance();
            JobCalls.Counts counts;
            JobCalls.start();
            try {
                call.accept(handler);
            } finally {
                counts = JobCalls.stop();
            }
            return counts;
        } finally {
            Beans.use(previous);
            context.close();
        }
    }

    /** Kinds of record not due, loaded at each size, with the seconds their copies took. */
    private static final Map<String, Long> KINDS = new LinkedHashMap<>();

    private static long itemsWritten, loadNanos;

    /** By kind, what the indexes that hold its records hold after loading (the largest size's). */
    private static final Map<String, Map<String, Integer>> INDEXED = new LinkedHashMap<>();

    /**
     * The example roles, {@code size} records not due of each kind (one made through the adapters, the rest copies of
     * it: {@link JobScalingRecords}) and {@value #DUE} due.
     */
    private static void load(DynamoDbClient db, int size) throws Exception {
        long started = System.nanoTime();
        Clock clock = Clock.systemUTC();
        ExampleRoles.loadInto(db, clock);
        Map<String, Role> roles = new LinkedHashMap<>();
        ExampleRoles.all(clock).forEach(r -> roles.put(r.id(), r));
        Role open = roles.get(ExampleRoles.SCG), closed = roles.get(ExampleRoles.CLOSED);
        Instant now = Instant.now();
        Adapters a = new Adapters(db);
        JobScalingRecords records =
                new JobScalingRecords(db, Integer.toString(size, 36).toUpperCase(Locale.ROOT), 8);
        KINDS.clear();
        try {
            List<JobScalingRecords.Kind> kinds = new ArrayList<>();
            for (Seed seed : seeds(a, records, open, now)) {
                records.beforeSeed();
                seed.make().run();
                kinds.add(records.seeded(seed.name(), seed.letter(), seed.tables(), seed.more()));
            }
            for (JobScalingRecords.Kind kind : kinds) {
                long copying = System.nanoTime();
                records.copy(kind, size);
                KINDS.put(
                        kind.name() + " (" + kind.itemCount() + " items each)",
                        (System.nanoTime() - copying) / 1_000_000L);
            }
            itemsWritten = records.written();
            writeDue(a, closed, size, now);
            loadNanos = System.nanoTime() - started;
            // Not timed: reading back what the indexes hold (each index and key once).
            INDEXED.clear();
            Map<String, Integer> counted = new LinkedHashMap<>();
            for (JobScalingRecords.Kind kind : kinds)
                INDEXED.put(kind.name(), records.indexed(kind, counted));
        } finally {
            records.close();
        }
    }

    /** The {@value #DUE} due: applications never acknowledged in a closed round, e-mails waiting to be sent. */
    private static void writeDue(Adapters a, Role closed, int size, Instant now) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < DUE; i++) {
                int n = i;
                work.add(
                        pool.submit(
                                () -> {
                                    a.applications.submit(
                                            TestApplications.submitted(
                                                    closed,
                                                    reference("D" + size, n),
                                                    now.minus(Duration.ofDays(30)),
                                                    Map.of("email", "d" + n + "@example.org")),
                                            List.of(),
                                            null);
                                    a.outbox.addOnce(
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

    /** The product's adapters over the run's tables. */
    private static final class Adapters {
        final DynamoOutbox outbox;
        final DynamoAuditTrail audit;
        final DynamoApplications applications;
        final DynamoMeetings meetings;
        final DynamoClaims claims;
        final DynamoReferenceBook references;
        final DynamoInterviewSchedule interviews;
        final DynamoPartnerRecords partners;
        final DynamoPayments payments;

        Adapters(DynamoDbClient db) {
            outbox = new DynamoOutbox(db, "OutboxTable", "ApplicationsTable", id -> {}, w -> {});
            audit = new DynamoAuditTrail(db, "AuditTable");
            applications =
                    new DynamoApplications(
                            db,
                            "ApplicationsTable",
                            outbox,
                            () -> new DynamoAuditTrail(db, "AuditTable"),
                            new DynamoDraftStore(db, "DraftsTable"));
            DynamoUsedLinks links = new DynamoUsedLinks(db, "UsedLinksTable");
            meetings = new DynamoMeetings(db, "MeetingsTable", outbox, audit);
            claims = new DynamoClaims(db, "ClaimsTable", outbox, () -> audit, null, w -> {});
            references =
                    new DynamoReferenceBook(
                            db, "ReferencesTable", applications, links, outbox, audit);
            interviews =
                    new DynamoInterviewSchedule(
                            db, "InterviewSlotsTable", applications, () -> links, outbox, audit);
            partners = new DynamoPartnerRecords(db, "PartnersTable", applications, outbox, audit);
            payments = new DynamoPayments(db, "PaymentsTable");
        }

        /**
         * An application of {@code t} to {@code role}, submitted at {@code at} with its acknowledgement, which the
         * mailer has sent (sending it marks the application acknowledged): as stored now.
         */
        Application applied(Role role, String t, Instant at) {
            OutboxMessage ack = message("ack-" + t, at, AcknowledgementLetters.ACKNOWLEDGEMENT);
            Application submitted =
                    applications
                            .submit(
                                    TestApplications.submitted(
                                            role,
                                            "INV-" + t,
                                            at,
                                            Map.of(
                                                    "email",
                                                    t.toLowerCase(Locale.ROOT) + "@example.org")),
                                    List.of(ack),
                                    null)
                            .application();
            outbox.markSent(ack.id(), at.plusSeconds(5), "ses-" + t);
            // It asked for support and another format, which the team has done (as they have for
            // most of a large table's applications): not in the support-requests queue, whose 10
            // due are the closed round's.
            Application sent = stored(submitted);
            String status = sent.status().name();
            if (!applications.advance(
                    sent,
                    sent.status(),
                    HandlingFacts.supportDone("Done by the job-scaling run"),
                    new AuditEntry(
                            "job-scaling",
                            "support or another format: marked done",
                            "application:" + sent.reference(),
                            at.plusSeconds(10),
                            status,
                            status),
                    List.of()))
                throw new IllegalStateException("the seed's support request was not marked done");
            return stored(submitted);
        }

        Application stored(Application a) {
            return applications.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
        }

        /** An e-mail of the step, already sent (one still waiting would be due for the outbox sweep). */
        List<OutboxMessage> sent(String id, Instant at, String purpose) {
            return List.of(message(id, at, purpose));
        }

        void markSent(List<OutboxMessage> messages, Instant at) {
            messages.forEach(m -> outbox.markSent(m.id(), at.plusSeconds(5), "ses-" + m.id()));
        }
    }

    /** How one record of a kind is made, and what else a copy of it changes. */
    private record Seed(
            String name,
            char letter,
            Set<String> tables,
            Runnable make,
            IntFunction<Map<String, String>> more) {
        Seed(String name, char letter, Set<String> tables, Runnable make) {
            this(name, letter, tables, make, n -> Map.of());
        }
    }

    /** One record of each kind, not due at {@code now}, in the open round ({@code open}). */
    private static List<Seed> seeds(Adapters a, JobScalingRecords records, Role open, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ClosingTime.UK);
        // Within every retention period (the sent e-mails' text is the shortest).
        Instant weeksAgo = now.minus(Duration.ofDays(3));
        List<Seed> seeds = new ArrayList<>();
        seeds.add(
                new Seed(
                        "applications submitted in the last hour, acknowledged",
                        'A',
                        Set.of("ApplicationsTable", "OutboxTable"),
                        () -> a.applied(open, records.token('A', 0), now.minusSeconds(1800))));
        seeds.add(
                new Seed(
                        "meetings planned 60 days ahead (papers due in 53)",
                        'M',
                        Set.of("MeetingsTable"),
                        () -> {
                            String id = records.token('M', 0);
                            LocalDate day = today.plusDays(60);
                            check(
                                    a.meetings.plan(
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
                                            List.of()),
                                    id);
                        }));
        seeds.add(
                new Seed(
                        "claims sent by partners, waiting for staff",
                        'C',
                        Set.of("ClaimsTable"),
                        () -> {
                            String claim = records.token('C', 0);
                            check(
                                    a.claims.save(
                                            null,
                                            new Claim(
                                                    claim,
                                                    "appointment-" + claim,
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
                                                    "SUBMITTED")),
                                    claim);
                        }));
        seeds.add(
                new Seed(
                        "reference requests sent today, first reminder in 7 days",
                        'R',
                        Set.of("ApplicationsTable", "ReferencesTable"),
                        () -> {
                            String t = records.token('R', 0);
                            Application app = a.applied(open, t, weeksAgo);
                            List<ReferenceRequest> requests = new ArrayList<>();
                            List<OutboxMessage> letters = new ArrayList<>();
                            for (int referee = 1; referee <= 2; referee++) {
                                ReferenceRequest r =
                                        ReferenceRequest.requested(
                                                t + "-referee-" + referee,
                                                app,
                                                referee,
                                                now,
                                                now.plus(Duration.ofDays(7)));
                                requests.add(r);
                                letters.addAll(
                                        a.sent(
                                                "reference-request-" + r.id(),
                                                now,
                                                "reference-request"));
                            }
                            check(
                                    a.references.request(
                                            app,
                                            Map.of(),
                                            new AuditEntry(
                                                    "staff-1",
                                                    "requested references",
                                                    "application:" + app.reference(),
                                                    now,
                                                    app.status().name(),
                                                    "REFERENCES_REQUESTED"),
                                            letters,
                                            requests),
                                    t);
                            a.markSent(letters, now);
                        }));
        LocalDateTime slot = today.plusDays(30).atTime(9, 0);
        seeds.add(
                new Seed(
                        "interview slots booked 30 days ahead or later (one every 10 minutes)",
                        'I',
                        Set.of("ApplicationsTable", "InterviewSlotsTable"),
                        () -> {
                            String t = records.token('I', 0);
                            Application app = a.applied(open, t, weeksAgo);
                            InterviewSlot free = InterviewSlot.free(open.id(), slot, 45);
                            check(
                                    a.interviews.add(
                                            free,
                                            new AuditEntry(
                                                    "staff-1",
                                                    "added a slot",
                                                    "slot:" + t,
                                                    now,
                                                    null,
                                                    "FREE")),
                                    t);
                            check(
                                    a.interviews.invite(
                                            app,
                                            Map.of(),
                                            new AuditEntry(
                                                    "staff-1",
                                                    "invited",
                                                    "application:" + app.reference(),
                                                    now,
                                                    app.status().name(),
                                                    "INVITED_TO_INTERVIEW"),
                                            List.of(),
                                            null),
                                    t);
                            Application invited = a.stored(app);
                            if (a.interviews.book(
                                            new InterviewSchedule.Booking(
                                                    free,
                                                    invited,
                                                    null,
                                                    now,
                                                    Map.of(),
                                                    new AuditEntry(
                                                            "staff-1",
                                                            "booked",
                                                            "application:" + app.reference(),
                                                            now.plusSeconds(1),
                                                            invited.status().name(),
                                                            "INTERVIEW_BOOKED"),
                                                    List.of()))
                                    != InterviewSchedule.Booked.BOOKED)
                                throw new IllegalStateException("not booked: " + t);
                        },
                        n -> {
                            LocalDateTime at = slot.plusMinutes(10L * n);
                            return Map.of(
                                    InterviewSlot.idOf(slot),
                                    InterviewSlot.idOf(at),
                                    Items.sortable(InterviewTime.instant(slot)),
                                    Items.sortable(InterviewTime.instant(at)));
                        }));
        seeds.add(
                new Seed(
                        "applicants invited to book an interview, reminder in 3 days",
                        'B',
                        Set.of("ApplicationsTable"),
                        () -> {
                            String t = records.token('B', 0);
                            Application app = a.applied(open, t, weeksAgo);
                            check(
                                    a.interviews.invite(
                                            app,
                                            Map.of(),
                                            new AuditEntry(
                                                    "staff-1",
                                                    "invited",
                                                    "application:" + app.reference(),
                                                    now,
                                                    app.status().name(),
                                                    "INVITED_TO_INTERVIEW"),
                                            List.of(),
                                            now.plus(Duration.ofDays(3))),
                                    t);
                        }));
        seeds.add(
                new Seed(
                        "partners appointed 100 days ago for 2 years (no check-in or review due)",
                        'P',
                        Set.of("ApplicationsTable", "PartnersTable"),
                        () -> {
                            String t = records.token('P', 0);
                            Application app = a.applied(open, t, weeksAgo);
                            check(
                                    a.applications.advance(
                                            app,
                                            Application.Status.REFERENCES_RECEIVED,
                                            Map.of("references.1.state", "received"),
                                            new AuditEntry(
                                                    "staff-1",
                                                    "references received",
                                                    "application:" + app.reference(),
                                                    now,
                                                    app.status().name(),
                                                    "REFERENCES_RECEIVED"),
                                            List.of()),
                                    t);
                            Application ready = a.stored(app);
                            LocalDate start = today.minusDays(100);
                            Appointment made =
                                    new Appointment(
                                            Appointment.idFor(ready.reference()),
                                            ready.roleId(),
                                            ready.reference(),
                                            ready.applicantKey(),
                                            now,
                                            start,
                                            start.plusYears(2),
                                            null,
                                            start.plusYears(4),
                                            0,
                                            PaymentChoice.ACCEPTED,
                                            false,
                                            PartnerStatus.ACTIVE);
                            check(
                                    a.partners.appoint(
                                            ready,
                                            made,
                                            Map.of(),
                                            List.of(
                                                    new AuditEntry(
                                                            "staff-1",
                                                            "appointed",
                                                            "application:" + ready.reference(),
                                                            now.plusSeconds(1),
                                                            ready.status().name(),
                                                            "APPOINTED")),
                                            List.of()),
                                    t);
                        }));
        seeds.add(
                new Seed(
                        "payments calculated 40 days ago, in the export of 2 months ago",
                        'Y',
                        Set.of("PaymentsTable"),
                        () -> {
                            String t = records.token('Y', 0);
                            LocalDate day = today.minusDays(45);
                            check(
                                    TestPayments.recordOnce(
                                            a.payments,
                                            new PaymentRecord(
                                                    t,
                                                    Appointment.idFor("INV-" + t),
                                                    open.id(),
                                                    7500,
                                                    List.of(),
                                                    0,
                                                    1250,
                                                    0,
                                                    day,
                                                    day,
                                                    now.minus(Duration.ofDays(40)))),
                                    t);
                            String export = YearMonth.from(today).minusMonths(2).toString();
                            if (a.payments.export(export, java.time.LocalDate.now()).size() != 1)
                                throw new IllegalStateException("not exported: " + t);
                        }));
        return seeds;
    }

    private static void check(boolean done, String what) {
        if (!done) throw new IllegalStateException("not stored: " + what);
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
            Map<Integer, String> loading) {
        StringBuilder md = new StringBuilder("# Job scaling\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "Records not due per run, of each kind, at sizes %s, plus %d due.%n%n",
                        sizes,
                        DUE));
        loading.forEach((size, how) -> md.append("- Loaded ").append(how).append('\n'));
        md.append(
                "\nAt the last size, the indexes that hold each kind (items under the key every copy shares):\n\n");
        INDEXED.forEach(
                (kind, in) -> md.append("- ").append(kind).append(": ").append(in).append('\n'));
        md.append('\n');
        md.append(table(sizes, results));
        return md.toString();
    }

    /** No more items or read units at a larger size than at the first (half a unit of rounding allowed). */
    private static boolean flat(JobCalls.Counts first, JobCalls.Counts c) {
        return c.itemsEvaluated() <= first.itemsEvaluated()
                && c.readUnits() <= first.readUnits() + 0.5;
    }

    /** The functions that read more at some size than at the first. */
    static List<String> notFlat(
            List<Integer> sizes, Map<String, Map<Integer, JobCalls.Counts>> results) {
        List<String> out = new ArrayList<>();
        for (var f : results.entrySet()) {
            JobCalls.Counts first = f.getValue().get(sizes.get(0));
            for (var c : f.getValue().values())
                if (!flat(first, c)) {
                    out.add(f.getKey());
                    break;
                }
        }
        return out;
    }

    private static String table(
            List<Integer> sizes, Map<String, Map<Integer, JobCalls.Counts>> results) {
        StringBuilder md = new StringBuilder();
        md.append(
                "| Function | Records not due | Calls | Items evaluated | Read units | Write units | Calls by operation | Flat |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        for (var job : results.entrySet()) {
            JobCalls.Counts first = job.getValue().get(sizes.get(0));
            for (int size : sizes) {
                JobCalls.Counts c = job.getValue().get(size);
                if (c == null) continue; // not measured at this size
                boolean flat = flat(first, c);
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
