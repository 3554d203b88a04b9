package org.involve.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.EmbeddedSecretsManager;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.LocalAws;
import org.involve.emulators.LocalNames;
import org.involve.emulators.LocalSecrets;
import org.involve.emulators.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start benchmark: the application's real deployment artifact against a plain-Java PutItem handler, each
 * started in fresh JVMs against DynamoDB Local, then warm latency in the same JVMs, and each function's artifact size.
 * Run by {@code infrastructure/benchmark/run}, which builds the jars first; see the README beside it.
 */
public final class Benchmark {
    static final String SITE_FUNCTION = "PublicSiteFunction";
    static final String BASELINE_CLASS = "org.involve.benchmark.baseline.PutItemHandler";
    static final String BATCH_BASELINE_CLASS = "org.involve.benchmark.baseline.PutItemsHandler";
    static final String CALCULATOR_FUNCTION = "PaymentCalculatorFunction";
    static final String REGION = "eu-west-2";

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        try {
            run(options);
        } catch (IllegalStateException e) {
            System.err.println();
            System.err.println("The benchmark failed: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0); // DynamoDB Local leaves non-daemon threads behind
    }

    static void run(Options o) throws IOException {
        Path templateFile = SamTemplate.findFile(Path.of(""));
        Path root = templateFile.getParent();
        SamTemplate template = SamTemplate.load(templateFile);
        Map<String, TemplateFunctions.Deployment> deployments =
                TemplateFunctions.read(templateFile);
        FunctionSpec site = template.function(SITE_FUNCTION);

        Path handlerJar =
                o.handlerJar != null
                        ? o.handlerJar
                        : root.resolve(deployments.get(SITE_FUNCTION).codeUri());
        Path benchmarkDir = root.resolve("infrastructure/benchmark");
        Path baselineJar =
                o.baselineJar != null
                        ? o.baselineJar
                        : onlyJar(benchmarkDir.resolve("baseline/target"), "-lambda.jar");
        Path launcherJar =
                o.launcherJar != null
                        ? o.launcherJar
                        : onlyJar(benchmarkDir.resolve("launcher/target"), ".jar");
        requireFile(
                handlerJar,
                "the application's Lambda jar: build it with `mvn -B -o package -DskipTests -pl functions/handlers -am`");
        requireFile(
                baselineJar,
                "the baseline's jar: build it with `mvn -B -o -f infrastructure/benchmark/pom.xml package`");
        requireFile(
                launcherJar,
                "the launcher's jar: build it with `mvn -B -o -f infrastructure/benchmark/pom.xml package`");
        Path out = o.out != null ? o.out : benchmarkDir.resolve("benchmark-results/latest.md");
        Path scratch = Files.createTempDirectory("involve-benchmark");
        // Measure copies: a build elsewhere in the working tree must not swap a jar under a running
        // JVM.
        Path measuredHandlerJar = snapshot(handlerJar, scratch, "application");
        Path measuredBaselineJar = snapshot(baselineJar, scratch, "baseline");
        Path measuredLauncherJar = snapshot(launcherJar, scratch, "launcher");
        Map<String, Path> measuredVariants = new LinkedHashMap<>();
        for (var v : o.variants.entrySet()) {
            requireFile(v.getValue(), "the jar of variant " + v.getKey());
            measuredVariants.put(
                    v.getKey(),
                    snapshot(v.getValue(), scratch, "variant-" + measuredVariants.size()));
        }

        System.out.println("Starting DynamoDB Local with the template's tables...");
        try (EmbeddedDynamoDb dynamoDb = EmbeddedDynamoDb.startInMemory(0).createTables(template);
                EmbeddedSecretsManager secrets = EmbeddedSecretsManager.start(0, null)) {
            LocalSecrets.create(template, secrets); // the signing keys, read at run time
            int closedPort = LocalAws.freePort(); // SQS: nothing listens, and a GET never calls it
            LocalNames names =
                    new LocalNames(
                            template,
                            queue -> "http://127.0.0.1:" + closedPort + "/000000000000/" + queue,
                            Map.of(),
                            secret -> "benchmark-" + secret + "-not-a-real-secret-0123456789",
                            REGION);
            Map<String, String> environment = names.environmentOf(site);
            List<String> jvmFlags =
                    lambdaJvmFlags(
                            environment.remove("JAVA_TOOL_OPTIONS"),
                            deployments.get(SITE_FUNCTION).memoryMb());

            Map<String, String> properties =
                    properties(
                            environment, dynamoDb, secrets, closedPort, SITE_FUNCTION, deployments);
            // The payment calculator's settings too (its tables), for the payments batch rows: the
            // same names locally.
            names.environmentOf(template.function(CALCULATOR_FUNCTION))
                    .forEach(properties::putIfAbsent);
            PrimedKinds.environment(template, names).forEach(properties::putIfAbsent);
            properties.remove("JAVA_TOOL_OPTIONS");

            System.out.println(
                    "Loading the example roles with the handlers jar's own ExampleRoles...");
            // From the jar with everything (Globals' CodeUri): the web pages' jar has no SES, and
            // reflection on AwsClients (which makes every client) needs it.
            loadExampleRoles(
                    onlyJar(root.resolve("functions/handlers/target"), "-lambda.jar"), properties);
            System.out.println(
                    "Warming DynamoDB Local up (it runs in this JVM, and its first requests are slow)...");
            warmUp(
                    dynamoDb.client(),
                    properties.get("ROLES_TABLE"),
                    properties.get("DRAFTS_TABLE"));

            Path events = root.resolve("events");
            List<Scenario> application =
                    List.of(
                            new Scenario(
                                    SITE_FUNCTION,
                                    "GET /roles/{roleId}",
                                    measuredHandlerJar,
                                    site.handlerClass(),
                                    events.resolve("http-get-role.json"),
                                    200),
                            new Scenario(
                                    SITE_FUNCTION,
                                    "POST /roles/{roleId}/apply",
                                    measuredHandlerJar,
                                    site.handlerClass(),
                                    events.resolve("http-post-start-application.json"),
                                    303));
            List<Scenario> scenarios = new ArrayList<>();
            scenarios.add(
                    new Scenario(
                            "Baseline",
                            "PutItem",
                            measuredBaselineJar,
                            BASELINE_CLASS,
                            events.resolve("http-get-role.json"),
                            200));
            scenarios.addAll(application);
            application.forEach(s -> scenarios.add(s.primedFirst()));
            // A variant built as another kind's artifact (its file name ends in -staff.jar,
            // -jobs.jar, ...) runs that kind's row below; any other variant runs the PublicSite
            // rows.
            measuredVariants.forEach(
                    (name, jar) -> {
                        if (kindOfVariant(o.variants.get(name)) == null)
                            application.forEach(s -> scenarios.add(s.as(name, jar)));
                    });
            Path batch =
                    root.resolve("infrastructure/benchmark/queue-events/sqs-payment-batch-10.json");
            scenarios.add(
                    new Scenario(
                            "Baseline",
                            "10 PutItems",
                            measuredBaselineJar,
                            BATCH_BASELINE_CLASS,
                            batch,
                            200));
            // The payment calculator from its own artifact (the payments jar) unless
            // --no-artifacts.
            Path calculatorJar =
                    o.artifacts
                            ? snapshot(
                                    root.resolve(deployments.get(CALCULATOR_FUNCTION).codeUri()),
                                    scratch,
                                    "artifact-payments-calculator")
                            : measuredHandlerJar;
            scenarios.add(
                    new Scenario(
                            CALCULATOR_FUNCTION,
                            "SQS batch of 10" + (o.artifacts ? " [payments jar]" : ""),
                            calculatorJar,
                            template.function(CALCULATOR_FUNCTION).handlerClass(),
                            batch,
                            200));

            ChildJvm siteChild = new ChildJvm(measuredLauncherJar, jvmFlags, properties, scratch);
            // One more scenario per kind of function, each from its own artifact (its CodeUri) with
            // its function's environment: a request or run that changes nothing worth keeping.
            Map<String, ChildJvm> children = new LinkedHashMap<>();
            // A function's own JVM flags and environment (its template variables, pointed at this
            // run's emulators).
            java.util.function.Function<String, ChildJvm> childFor =
                    fn -> {
                        Map<String, String> env = names.environmentOf(template.function(fn));
                        List<String> flags =
                                lambdaJvmFlags(
                                        env.remove("JAVA_TOOL_OPTIONS"),
                                        deployments.get(fn).memoryMb());
                        return new ChildJvm(
                                measuredLauncherJar,
                                flags,
                                properties(env, dynamoDb, secrets, closedPort, fn, deployments),
                                scratch);
                    };
            if (o.artifacts) {
                for (String[] k : ARTIFACT_SCENARIOS) {
                    String fn = k[1];
                    FunctionSpec spec = template.function(fn);
                    children.put(fn, childFor.apply(fn));
                    Path jar =
                            snapshot(
                                    root.resolve(deployments.get(fn).codeUri()),
                                    scratch,
                                    "artifact-" + k[0]);
                    Scenario row =
                            new Scenario(
                                    fn,
                                    k[2] + " [" + k[0] + " jar]",
                                    jar,
                                    spec.handlerClass(),
                                    events.resolve(k[3]),
                                    200);
                    scenarios.add(row);
                    measuredVariants.forEach(
                            (name, variantJar) -> {
                                if (k[0].equals(kindOfVariant(o.variants.get(name))))
                                    scenarios.add(row.as(name, variantJar));
                            });
                }
            }
            // Every other HTTP function once, from its own artifact with its own environment, as
            // Lambda starts it: the rows above cover the public site, the staff sign-in and the
            // authorizer.
            Map<String, Path> artifactCopies = new LinkedHashMap<>();
            if (o.artifacts) {
                for (String[] f : EVERY_HTTP_FUNCTION) {
                    String fn = f[0];
                    FunctionSpec spec = template.function(fn);
                    children.computeIfAbsent(fn, childFor);
                    String codeUri = deployments.get(fn).codeUri();
                    Path jar =
                            artifactCopies.computeIfAbsent(
                                    codeUri,
                                    uri ->
                                            snapshotOrFail(
                                                    root.resolve(uri),
                                                    scratch,
                                                    "every-" + artifactCopies.size()));
                    scenarios.add(
                            new Scenario(
                                    fn,
                                    f[1] + " [" + kindOf(codeUri) + " jar]",
                                    jar,
                                    spec.handlerClass(),
                                    root.resolve(f[2]),
                                    Integer.parseInt(f[3])));
                }
            }
            // The primed kinds, each from its own artifact (with --no-artifacts, the jar with
            // everything) and with its own function's environment, as Lambda starts it.
            Path everything = onlyJar(root.resolve("functions/handlers/target"), "-lambda.jar");
            Map<String, Path> primedJars = new LinkedHashMap<>();
            for (String fn : PrimedKinds.FUNCTIONS) {
                children.computeIfAbsent(fn, childFor);
                primedJars.put(
                        fn,
                        o.artifacts
                                ? snapshot(
                                        root.resolve(deployments.get(fn).codeUri()),
                                        scratch,
                                        "primed-" + fn)
                                : everything);
            }
            scenarios.addAll(PrimedKinds.scenarios(template, root, primedJars::get));
            java.util.function.Function<Scenario, ChildJvm> childOf =
                    sc -> children.getOrDefault(sc.function(), siteChild);
            if (!o.only.isEmpty()) // the baseline stays first: the report compares with it
            scenarios.removeIf(
                        s ->
                                s != scenarios.get(0)
                                        && o.only.stream().noneMatch(s.label()::contains));
            // As Lambda runs a function: its deployment package unzipped into /var/task, the
            // classes loaded from that folder.
            List<Scenario> measured = new ArrayList<>();
            Map<Path, Path> unzipped = new LinkedHashMap<>();
            for (Scenario s : scenarios) {
                if (o.unzip)
                    measured.add(
                            s.runFrom(
                                    unzipped.computeIfAbsent(
                                            s.jar(), jar -> unzip(jar, scratch, unzipped.size()))));
                if (!o.unzip || o.bothWays) measured.add(o.bothWays ? s.fromTheJar() : s);
            }
            scenarios.clear();
            scenarios.addAll(measured);
            Map<Scenario, List<ColdRun>> runs = new LinkedHashMap<>();
            scenarios.forEach(s -> runs.put(s, new ArrayList<>()));

            if (o.prime) {
                System.out.println(
                        "Priming: one untimed start of each (file cache, DynamoDB Local's first requests)...");
                for (Scenario s : scenarios)
                    childOf.apply(s).run(s, Math.min(o.warm, 50), o.extraJvmFlags);
            }
            for (int i = 1; i <= o.runs; i++) {
                for (Scenario s :
                        scenarios) { // interleaved, so drift on the machine hits each the same
                    ColdRun r = childOf.apply(s).run(s, warmRequests(s, o), o.extraJvmFlags);
                    runs.get(s).add(r);
                    System.out.printf(
                            "run %d/%d  %-50s cold %7.1f ms  (JVM boot %5.1f, init %6.1f, first request %6.1f; CPU %6.0f)  warm p50 %.2f ms%n",
                            i,
                            o.runs,
                            s.label(),
                            r.outsideMillis(),
                            r.jvmBoot(),
                            r.init(),
                            r.firstInvoke(),
                            r.cpu(),
                            Stats.percentile(r.warmNanos(), 50) / 1e6);
                }
            }

            Map<Scenario, Map<String, Integer>> classes = new LinkedHashMap<>();
            if (o.profile) {
                System.out.println(
                        "Counting the classes each loads before its first response (one more run each, with -Xlog:class+load)...");
                for (Scenario s : scenarios) {
                    if (everyFunctionRow(s))
                        continue; // the kinds' rows above show where each kind's classes come from
                    Path log =
                            out.getParent()
                                    .resolve(
                                            "class-load-"
                                                    + s.label().replaceAll("[^A-Za-z]+", "-")
                                                    + ".log");
                    Files.createDirectories(log.getParent());
                    List<String> flags = new ArrayList<>(o.extraJvmFlags);
                    flags.add("-Xlog:class+load=info:file=" + log + ":uptimemillis");
                    ColdRun r = childOf.apply(s).run(s, 0, flags);
                    // A primed start: only what its first request loads, i.e. what the priming left
                    // for it.
                    classes.put(
                            s,
                            s.primed()
                                    ? ClassLoadProfile.readFirstRequest(log)
                                    : ClassLoadProfile.read(log, r.phase("first")));
                }
            }

            Report report =
                    new Report(
                            o,
                            jvmFlags,
                            runs,
                            classes,
                            artifactSizes(
                                    root,
                                    deployments,
                                    handlerJar,
                                    measuredHandlerJar,
                                    baselineJar,
                                    measuredBaselineJar,
                                    o,
                                    measuredVariants));
            String markdown = report.markdown();
            Files.createDirectories(out.getParent());
            Files.writeString(out, markdown);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Written to " + root.relativize(out.toAbsolutePath()));
        } finally {
            deleteQuietly(scratch);
        }
    }

    /** The kind of artifact a variant's jar is, by its file name ({@code ...-staff.jar}), or null for the PublicSite rows. */
    static String kindOfVariant(Path jar) {
        String name = jar.getFileName().toString();
        for (String[] k : ARTIFACT_SCENARIOS) if (name.endsWith("-" + k[0] + ".jar")) return k[0];
        return null;
    }

    /**
     * Every HTTP function not in the rows above, with its first request: function, request, event file (from the
     * repository's root; those in infrastructure/benchmark/http-events ask for a role the benchmark loads), the status a
     * correct answer has. A link-based page (a referee's, a partner's, an interview booking, a withdrawal) is sent a
     * link this run did not sign: it checks the link against the signing key read from Secrets Manager and answers with
     * its page saying the link does not work.
     */
    static final String[][] EVERY_HTTP_FUNCTION = {
        {
            "MonitoringFormFunction",
            "GET /equal-opportunities",
            "events/http-get-equal-opportunities.json",
            "200"
        },
        {
            "RefereeFormFunction",
            "GET /reference/{token} (link refused)",
            "events/http-get-reference-form.json",
            "404"
        },
        {
            "YourInvolvementFunction",
            "GET /your-involvement/{token} (link refused)",
            "events/http-get-your-involvement.json",
            "404"
        },
        {
            "InterviewBookingFunction",
            "GET /interview/{token} (link refused)",
            "events/http-get-interview.json",
            "404"
        },
        {
            "WithdrawalFunction",
            "GET /withdraw/{token} (link refused)",
            "events/http-get-withdraw.json",
            "404"
        },
        {"StaffRolesFunction", "GET /staff/roles", "events/http-get-staff-roles.json", "200"},
        {
            "StaffApplicationsFunction",
            "GET /staff/applications",
            "events/http-get-staff-applications.json",
            "200"
        },
        {
            "StaffReferencesFunction",
            "GET /staff/references",
            "events/http-get-staff-references.json",
            "200"
        },
        {
            "StaffInterviewsFunction",
            "GET /staff/interviews",
            "events/http-get-staff-interviews.json",
            "200"
        },
        {
            "StaffShortlistingFunction",
            "GET /staff/shortlisting",
            "events/http-get-staff-shortlisting.json",
            "200"
        },
        {
            "StaffPanelFunction",
            "GET /staff/roles/{roleId}/panel",
            "infrastructure/benchmark/http-events/http-get-staff-role-panel.json",
            "200"
        },
        {
            "StaffShortlistFunction",
            "GET /staff/shortlisting/{roleId}/shortlist",
            "infrastructure/benchmark/http-events/http-get-staff-shortlist.json",
            "200"
        },
        {
            "StaffOutcomesFunction",
            "GET /staff/outcomes",
            "events/http-get-staff-outcomes.json",
            "200"
        },
        {
            "StaffPartnersFunction",
            "GET /staff/partners",
            "events/http-get-staff-partners.json",
            "200"
        },
        {
            "StaffMeetingsFunction",
            "GET /staff/meetings",
            "events/http-get-staff-meetings.json",
            "200"
        },
        {
            "StaffImpactFunction",
            "GET /staff/meetings/{roleId}/impact",
            "infrastructure/benchmark/http-events/http-get-staff-impact.json",
            "200"
        },
        {"StaffClaimsFunction", "GET /staff/claims", "events/http-get-staff-claims.json", "200"},
        {"StaffFinanceFunction", "GET /staff/finance", "events/http-get-staff-finance.json", "200"},
        {"StaffEmailFunction", "GET /staff/email", "events/http-get-staff-email.json", "200"},
        {
            "StaffEqualityFunction",
            "GET /staff/equality",
            "events/http-get-staff-equality.json",
            "200"
        },
        {
            "StaffMonitoringEntryFunction",
            "GET /staff/monitoring-answers",
            "events/http-get-staff-monitoring-answers.json",
            "200"
        },
        {
            "StaffDataProtectionFunction",
            "GET /staff/data-protection",
            "events/http-get-staff-data-protection.json",
            "200"
        },
        {"StaffAuditFunction", "GET /staff/audit", "events/http-get-staff-audit.json", "200"},
    };

    /** Warm requests for the rows of every HTTP function: a few, for a p50 (their cold start is what they are for). */
    static final int EVERY_FUNCTION_WARM = 20;

    static boolean everyFunctionRow(Scenario s) {
        for (String[] f : EVERY_HTTP_FUNCTION)
            if (f[0].equals(s.function()) && s.request().startsWith(f[1] + " [")) return true;
        return false;
    }

    private static int warmRequests(Scenario s, Options o) {
        return everyFunctionRow(s) ? Math.min(o.warm, EVERY_FUNCTION_WARM) : o.warm;
    }

    /** The kind an artifact is, from its file name ({@code ...-staff.jar} is "staff"). */
    static String kindOf(String codeUri) {
        String name = Path.of(codeUri).getFileName().toString();
        return name.substring(name.lastIndexOf('-') + 1, name.length() - ".jar".length());
    }

    private static Path snapshotOrFail(Path jar, Path scratch, String name) {
        try {
            return snapshot(jar, scratch, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For each kind of function but the web pages (PublicSite's rows): kind, function, request, event file. */
    static final String[][] ARTIFACT_SCENARIOS = {
        {"staff", "StaffSignInFunction", "GET /staff", "http-get-staff-home.json"},
        {"jobs", "ClosingJobFunction", "scheduled run", "schedule-closing-job.json"},
        {"mailer", "OutboxSweepFunction", "scheduled run", "schedule-outbox-sweep.json"},
        {"payments", "PaymentsSweepFunction", "scheduled run", "schedule-outbox-sweep.json"},
        {
            "authorizer",
            "StaffSessionAuthorizerFunction",
            "authorize",
            "authorizer-staff-session.json"
        },
    };

    /** A function's environment as system properties, pointed at this run's DynamoDB Local and a closed SQS port. */
    private static Map<String, String> properties(
            Map<String, String> environment,
            EmbeddedDynamoDb dynamoDb,
            EmbeddedSecretsManager secrets,
            int closedPort,
            String function,
            Map<String, TemplateFunctions.Deployment> deployments) {
        Map<String, String> properties = new LinkedHashMap<>(environment);
        properties.put("DYNAMODB_ENDPOINT", dynamoDb.endpoint().toString());
        properties.put("SQS_ENDPOINT", "http://127.0.0.1:" + closedPort);
        properties.put("SECRETSMANAGER_ENDPOINT", secrets.endpoint().toString());
        properties.put("AWS_REGION", REGION);
        properties.put("aws.region", REGION);
        properties.put("AWS_LAMBDA_FUNCTION_NAME", function);
        properties.put(
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                String.valueOf(deployments.get(function).memoryMb()));
        return properties;
    }

    /**
     * The flags Lambda's Java runtime starts its JVM with, as far as they matter here: a heap of about 85% of the
     * function's memory, the serial collector, the JDK's class-data sharing archive, IPv4, plus the template's
     * JAVA_TOOL_OPTIONS (C1 only: -XX:TieredStopAtLevel=1, which is also the java17 runtime's default).
     */
    static List<String> lambdaJvmFlags(String javaToolOptions, int memoryMb) {
        List<String> flags =
                new ArrayList<>(
                        List.of(
                                "-Xmx" + (memoryMb * 85 / 100) + "m",
                                "-XX:+UseSerialGC",
                                "-Xshare:auto",
                                "-Djava.net.preferIPv4Stack=true"));
        if (javaToolOptions != null && !javaToolOptions.isBlank())
            flags.addAll(Arrays.asList(javaToolOptions.trim().split("\\s+")));
        return flags;
    }

    /**
     * {@code ExampleRoles.loadInto(AwsClients.dynamoDb(), clock)} from the handlers jar itself, in a class loader of
     * its own so its copy of the SDK cannot meet this JVM's.
     */
    static void loadExampleRoles(Path handlerJar, Map<String, String> settings) {
        // org.involve.adapters.Settings falls back to system properties.
        settings.forEach(System::setProperty);
        // This JVM's own client: the measured ones find their credentials in their environment
        // (ChildJvm), as in Lambda.
        System.setProperty("aws.accessKeyId", LocalAws.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY);
        try (URLClassLoader jar =
                new URLClassLoader(
                        new URL[] {handlerJar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
            Object client =
                    jar.loadClass("org.involve.adapters.AwsClients")
                            .getMethod("dynamoDb")
                            .invoke(null);
            Class<?> clientType =
                    jar.loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbClient");
            Method loadInto =
                    jar.loadClass("org.involve.handlers.local.ExampleRoles")
                            .getMethod("loadInto", clientType, Clock.class);
            loadInto.invoke(null, client, Clock.systemUTC());
            clientType.getMethod("close").invoke(client);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(
                    "Could not load the example roles from " + handlerJar + ": " + cause, cause);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gets DynamoDB Local's request path compiled before anything is timed. */
    private static void warmUp(DynamoDbClient client, String rolesTable, String draftsTable) {
        for (int i = 0; i < 2_000; i++) {
            client.getItem(
                    b ->
                            b.tableName(rolesTable)
                                    .key(
                                            Map.of(
                                                    "roleId",
                                                    AttributeValue.fromS(
                                                            "listening-culture-lived-experience-partner"))));
            String id = "warm-up-" + i;
            client.putItem(
                    b ->
                            b.tableName(draftsTable)
                                    .item(
                                            Map.of(
                                                    "draftId",
                                                    AttributeValue.fromS(id),
                                                    "n",
                                                    AttributeValue.fromN("1"))));
            client.getItem(
                    b ->
                            b.tableName(draftsTable)
                                    .key(Map.of("draftId", AttributeValue.fromS(id)))
                                    .consistentRead(true));
        }
    }

    /** Each function's artifact (from its CodeUri), the baseline's and any variants', sized as measured (the copies). */
    static List<Report.Artifact> artifactSizes(
            Path root,
            Map<String, TemplateFunctions.Deployment> deployments,
            Path handlerJar,
            Path measuredHandlerJar,
            Path baselineJar,
            Path measuredBaselineJar,
            Options o,
            Map<String, Path> measuredVariants)
            throws IOException {
        List<Report.Artifact> artifacts = new ArrayList<>();
        for (TemplateFunctions.Deployment d : deployments.values()) {
            Path file = root.resolve(d.codeUri()).toAbsolutePath().normalize();
            boolean measured =
                    o.handlerJar != null || file.equals(handlerJar.toAbsolutePath().normalize());
            String shown = o.handlerJar != null ? relative(root, o.handlerJar) : d.codeUri();
            long bytes =
                    measured
                            ? Files.size(measuredHandlerJar)
                            : Files.isRegularFile(file) ? Files.size(file) : -1;
            artifacts.add(new Report.Artifact(d.logicalId(), shown, bytes, true));
        }
        artifacts.add(
                new Report.Artifact(
                        "Baseline (PutItem)",
                        relative(root, baselineJar),
                        Files.size(measuredBaselineJar),
                        false));
        for (var v : measuredVariants.entrySet()) {
            artifacts.add(
                    new Report.Artifact(
                            "[" + v.getKey() + "]",
                            relative(root, o.variants.get(v.getKey())),
                            Files.size(v.getValue()),
                            false));
        }
        return artifacts;
    }

    private static Path snapshot(Path jar, Path scratch, String name) throws IOException {
        Path copy = Files.copy(jar, scratch.resolve(name + ".jar"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(copy.toFile())) {
            if (zip.size() == 0) throw new IOException("empty");
        } catch (IOException e) {
            throw new IllegalStateException(
                    jar
                            + " is not a readable jar (is a build writing it right now?): "
                            + e.getMessage());
        }
        return copy;
    }

    /**
     * The jar unzipped into a folder of its own, as Lambda unzips a function's deployment package into /var/task and
     * puts that folder on the class path.
     */
    static Path unzip(Path jar, Path scratch, int n) {
        Path dir = scratch.resolve("task-" + n);
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            Files.createDirectories(dir);
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                java.util.zip.ZipEntry e = entries.nextElement();
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir))
                    throw new IOException("An entry outside the folder: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unzip " + jar, e);
        }
        return dir;
    }

    private static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    private static Path onlyJar(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return dir.resolve("(not built)");
        try (var files = Files.list(dir)) {
            return files.filter(
                            p -> {
                                String n = p.getFileName().toString();
                                return n.endsWith(suffix)
                                        && (suffix.equals("-lambda.jar")
                                                || !n.endsWith("-lambda.jar"))
                                        && !n.startsWith("original-");
                            })
                    .findFirst()
                    .orElse(dir.resolve("(not built)"));
        }
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file))
            throw new IllegalStateException("Missing " + file + ", " + what);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    /** Command-line options. */
    static final class Options {
        static final String USAGE =
                """
                usage: infrastructure/benchmark/run [--runs N] [--warm N] [--no-prime] [--no-profile] [--no-artifacts]
                                                    [--handler-jar JAR] [--baseline-jar JAR] [--launcher-jar JAR]
                                                    [--variant NAME=JAR]... [--jvm-flag FLAG]... [--only TEXT]...
                                                    [--from-jar | --both-ways]
                                                    [--out FILE]
                  --runs N          fresh JVMs per scenario (default 5); the median is reported
                  --warm N          warm requests in each JVM after the first (default 500)
                  --no-prime        skip the untimed first start of each scenario
                  --no-profile      skip counting the classes loaded before the first response
                  --no-artifacts    measure only PublicSite's rows, not one more scenario per kind of function's jar
                  --handler-jar     measure another build of the application jar instead of the template's
                  --variant NAME=JAR  also measure another build (e.g. of a scratch copy with one change), interleaved
                                    with the rest so the comparison is fair; repeatable. A jar named like a kind's
                                    artifact (...-staff.jar, -jobs.jar, -mailer.jar, -payments.jar, -authorizer.jar)
                                    runs that kind's row; any other jar the PublicSite rows
                  --jvm-flag FLAG   an extra flag for every measured JVM (repeatable), e.g. -XX:SharedArchiveFile=...
                  --from-jar        run every row (the baseline too) with its jar itself on the class path, not unzipped
                                    into a folder as Lambda does (/var/task) by default
                  --both-ways       run every row both ways, interleaved: unzipped (as Lambda) and as a "[jar]" row
                  --only TEXT       run only the rows whose label contains TEXT (repeatable), e.g. --only '(primed)';
                                    the baseline's PutItem row always runs
                  --out FILE        where the Markdown report goes (default infrastructure/benchmark/benchmark-results/latest.md)""";

        int runs = 5;
        int warm = 500;
        boolean prime = true;
        boolean profile = true;
        boolean artifacts = true;
        boolean unzip = true;
        boolean bothWays;
        boolean help;
        Path handlerJar;
        Path baselineJar;
        Path launcherJar;
        Path out;
        final List<String> extraJvmFlags = new ArrayList<>();
        final Map<String, Path> variants = new LinkedHashMap<>();
        final List<String> only = new ArrayList<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--runs" -> o.runs = positive(a, value(args, ++i, a));
                    case "--warm" -> o.warm = Math.max(0, Integer.parseInt(value(args, ++i, a)));
                    case "--no-prime" -> o.prime = false;
                    case "--no-profile" -> o.profile = false;
                    case "--no-artifacts" -> o.artifacts = false;
                    case "--from-jar" -> o.unzip = false;
                    case "--both-ways" -> o.bothWays = true;
                    case "--handler-jar" ->
                            o.handlerJar = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "--baseline-jar" ->
                            o.baselineJar = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "--launcher-jar" ->
                            o.launcherJar = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "--jvm-flag" -> o.extraJvmFlags.add(value(args, ++i, a));
                    case "--variant" -> {
                        String v = value(args, ++i, a);
                        int eq = v.indexOf('=');
                        if (eq < 1) throw new IllegalArgumentException("--variant takes NAME=JAR");
                        o.variants.put(
                                v.substring(0, eq), Path.of(v.substring(eq + 1)).toAbsolutePath());
                    }
                    case "--only" -> o.only.add(value(args, ++i, a));
                    case "--out" -> o.out = Path.of(value(args, ++i, a)).toAbsolutePath();
                    case "-h", "--help" -> o.help = true;
                    default -> throw new IllegalArgumentException("Unknown option " + a);
                }
            }
            if (o.bothWays && !o.unzip)
                throw new IllegalArgumentException("--both-ways and --from-jar do not go together");
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
            return args[i];
        }

        private static int positive(String option, String value) {
            int n = Integer.parseInt(value);
            if (n < 1) throw new IllegalArgumentException(option + " must be at least 1");
            return n;
        }
    }
}
