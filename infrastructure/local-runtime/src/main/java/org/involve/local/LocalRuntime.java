package org.involve.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.involve.emulators.EmbeddedDynamoDb;
import org.involve.emulators.EmbeddedS3;
import org.involve.emulators.EmbeddedSecretsManager;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.LocalSecrets;
import org.involve.emulators.RouteAuthorizers;
import org.involve.emulators.SamTemplate;
import org.involve.emulators.SesEmulator;
import org.involve.emulators.TableStreams;
import org.involve.handlers.local.LocalClock;

/**
 * The whole of Involve on one machine, no AWS account and no Docker: DynamoDB Local (data kept on disk), ElasticMQ
 * with the template's queues, the SES emulator, S3Mock with the template's buckets (objects kept on disk), every HttpApi route on one port calling the same handler classes
 * Lambda calls, the SQS event sources and the schedules. Everything is read from template.yaml.
 * Started by {@code infrastructure/start}.
 */
public final class LocalRuntime implements AutoCloseable {
    static final String REGION = "eu-west-2";

    private final Deque<Runnable> stops = new ArrayDeque<>();
    private EmbeddedDynamoDb dynamoDb;
    private EmbeddedSqs sqs;
    private SesEmulator ses;
    private EmbeddedS3 s3;
    private EmbeddedSecretsManager secrets;
    private HttpGateway gateway;
    private Schedules schedules;
    private final List<String> routeKeys = new ArrayList<>();

    private LocalRuntime() {}

    public static void main(String[] args) throws InterruptedException {
        LocalRuntime runtime;
        try {
            runtime = start(RuntimeConfig.fromEnvironment());
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Involve could not start: " + e.getMessage());
            if (!(e instanceof PortInUse)) e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    System.out.println("Stopping Involve...");
                                    runtime.close();
                                },
                                "shutdown"));
        System.out.println(Banner.text(runtime));
        System.out.println("Involve is ready");
        new CountDownLatch(1).await(); // until Ctrl-C runs the shutdown hook
    }

    static LocalRuntime start(RuntimeConfig config) {
        LocalRuntime runtime = new LocalRuntime();
        try {
            runtime.startAll(config);
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void startAll(RuntimeConfig config) {
        SamTemplate template = config.template();
        requireFree(config.dynamoDbPort(), "INVOLVE_DYNAMODB_PORT");
        requireFree(config.sqsPort(), "INVOLVE_SQS_PORT");
        requireFree(config.sesPort(), "INVOLVE_SES_PORT");
        requireFree(config.s3Port(), "INVOLVE_S3_PORT");
        HttpServer http =
                HttpGateway.bind(
                        config.httpPort()); // bound first: 3000 is the port most likely taken
        stops.push(() -> http.stop(0));

        dynamoDb =
                EmbeddedDynamoDb.startOnDisk(
                                config.dynamoDbPort(), config.dataDirectory().resolve("dynamodb"))
                        .createTables(template);
        stops.push(dynamoDb::stop);
        sqs = EmbeddedSqs.start(config.sqsPort()).createQueues(template);
        stops.push(sqs::stop);
        ses = SesEmulator.start(config.repositoryRoot(), config.sesPort());
        stops.push(ses::stop);
        s3 =
                EmbeddedS3.start(config.s3Port(), config.dataDirectory().resolve("s3"))
                        .createBuckets(template);
        stops.push(s3::stop);
        // The signing keys: a secret per purpose as the template makes them, kept in the data
        // folder (secrets.json) so links already sent keep working after a restart.
        secrets = EmbeddedSecretsManager.start(0, config.dataDirectory());
        stops.push(secrets::close);
        LocalSecrets.create(template, secrets);

        URI site = URI.create("http://localhost:" + http.getAddress().getPort());
        LocalSettings.apply(
                LocalSettings.compute(
                        template,
                        sqs,
                        new LocalSettings.Endpoints(
                                site,
                                dynamoDb.endpoint(),
                                sqs.endpoint(),
                                ses.endpoint(),
                                s3.endpoint(),
                                secrets.endpoint())));
        // A rehearsal clock must be in place before any function starts: their beans take the clock
        // once.
        Optional<Clock> rehearsal = RehearsalTime.fromEnvironment();
        rehearsal.ifPresent(
                c -> {
                    LocalClock.use(c);
                    System.out.println(
                            "Rehearsal clock: the functions and schedules think it is "
                                    + c.instant()
                                            .atZone(RehearsalTime.UK)
                                            .toLocalDateTime()
                                            .withNano(0)
                                    + " UK time (the clock runs on from there)");
                });
        Clock clock = rehearsal.orElse(Clock.systemUTC());
        // The sign-in's tokens are issued on the functions' clock, as Cognito and the functions
        // share the time in
        // AWS: a token issued on the real clock would be out of date, or not yet valid, in a
        // rehearsal.
        LocalIdentity identity = LocalIdentity.in(config.dataDirectory(), site.toString(), clock);
        // DynamoDB Local checks no permissions: refuse what each function's IAM policy would refuse
        // in AWS.
        IamAsInAws.enforce(org.involve.emulators.IamGrants.of(template));
        Map<String, LambdaFunction> functions = new LinkedHashMap<>();
        for (FunctionSpec spec : template.functions())
            functions.put(spec.logicalId(), LambdaFunction.instantiate(spec));
        ExampleData.load(dynamoDb.client(), clock);
        LocalIdentity.recordPanelGroup(dynamoDb.client());
        LocalIdentity.panelForExampleRoles(
                dynamoDb.client(),
                org.involve.handlers.local.ExampleRoles.all(clock).stream()
                        .map(org.involve.core.role.Role::id)
                        .toList());

        List<TableStreams.Trigger> streamTriggers = TableStreams.load(template.file());
        schedules = new Schedules(List.copyOf(functions.values()), clock);
        HttpRoutes routes = new HttpRoutes(template.functions());
        routeKeys.addAll(routes.routeKeys());
        gateway =
                HttpGateway.on(
                        http,
                        routes,
                        functions,
                        new StaticAssets(config.repositoryRoot().resolve("static-site/assets")),
                        new LocalControls(schedules, identity),
                        new LocalAuthorizers(
                                RouteAuthorizers.load(template.file()),
                                functions,
                                identity.verifier()),
                        Clock.systemUTC());
        org.involve.emulators.SiteDistribution.load(template.file())
                .ifPresent(d -> gateway.serving(new SiteOrigin(d, s3.client())));
        gateway.start();
        stops.push(gateway::stop);

        for (LambdaFunction f : functions.values()) {
            for (FunctionSpec.SqsEventSource source : f.spec().sqsEvents()) {
                SqsEventSource poller =
                        new SqsEventSource(
                                f, source, sqs.client(), sqs.queueUrl(source.queueLogicalId()));
                poller.start();
                stops.push(poller::stop);
            }
        }
        if (!streamTriggers.isEmpty()) {
            var streams = TableStreams.client(dynamoDb.endpoint());
            stops.push(streams::close);
            for (TableStreams.Trigger trigger : streamTriggers) {
                TableStreamSource source =
                        new TableStreamSource(
                                functions.get(trigger.functionLogicalId()),
                                trigger,
                                dynamoDb.client(),
                                streams);
                source.start();
                stops.push(source::stop);
            }
        }
        schedules.start();
        stops.push(schedules::stop);
    }

    /** Stops everything started, newest first: schedules and pollers before the servers they use. */
    @Override
    public synchronized void close() {
        while (!stops.isEmpty()) {
            try {
                stops.pop().run();
            } catch (RuntimeException e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
    }

    private static void requireFree(int port, String setting) {
        if (port == 0) return;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PortInUse(port, setting);
        }
    }

    int httpPort() {
        return gateway.port();
    }

    EmbeddedDynamoDb dynamoDb() {
        return dynamoDb;
    }

    EmbeddedSqs sqs() {
        return sqs;
    }

    SesEmulator ses() {
        return ses;
    }

    EmbeddedS3 s3() {
        return s3;
    }

    Schedules schedules() {
        return schedules;
    }

    List<String> routeKeys() {
        return routeKeys;
    }
}
