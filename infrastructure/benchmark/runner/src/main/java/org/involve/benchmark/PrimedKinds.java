package org.involve.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.LocalNames;
import org.involve.emulators.SamTemplate;

/**
 * A primed first request for each kind of function other than the public site (which has its own rows): a staff page,
 * a scheduled job, the mailer, the payments calculator and the staff authorizer. Each runs the function's SnapStart
 * priming (its CRaC beforeCheckpoint hook) after init, so its first request is what a restored snapshot's first
 * request costs.
 */
final class PrimedKinds {
    private PrimedKinds() {}

    /** The functions these rows start, each from the jar {@code jarOf} gives (its own artifact, as Lambda deploys it). */
    static final List<String> FUNCTIONS =
            List.of(
                    "StaffRolesFunction",
                    "ClosingJobFunction",
                    "MailerFunction",
                    Benchmark.CALCULATOR_FUNCTION,
                    "StaffSessionAuthorizerFunction");

    static List<Scenario> scenarios(
            SamTemplate template, Path root, java.util.function.Function<String, Path> jarOf) {
        Path events = root.resolve("events");
        return List.of(
                kind(
                        template,
                        "StaffRolesFunction",
                        "GET /staff/roles",
                        jarOf,
                        events.resolve("http-get-staff-roles.json")),
                kind(
                        template,
                        "ClosingJobFunction",
                        "scheduled run",
                        jarOf,
                        events.resolve("schedule-closing-job.json")),
                kind(
                        template,
                        "MailerFunction",
                        "SQS message (not in the outbox)",
                        jarOf,
                        events.resolve("sqs-mail-announced.json")),
                kind(
                        template,
                        Benchmark.CALCULATOR_FUNCTION,
                        "SQS batch of 10",
                        jarOf,
                        root.resolve(
                                "infrastructure/benchmark/queue-events/sqs-payment-batch-10.json")),
                kind(
                        template,
                        "StaffSessionAuthorizerFunction",
                        "GET /staff (token refused)",
                        jarOf,
                        events.resolve("authorizer-staff-session.json")));
    }

    private static Scenario kind(
            SamTemplate template,
            String function,
            String request,
            java.util.function.Function<String, Path> jarOf,
            Path event) {
        return new Scenario(
                        function,
                        request,
                        jarOf.apply(function),
                        template.function(function).handlerClass(),
                        event,
                        200)
                .primedFirst();
    }

    /** The settings these functions read (their tables, the sign-in issuer, the mail sender), as the local runtime has them. */
    static Map<String, String> environment(SamTemplate template, LocalNames names) {
        Map<String, String> all = new LinkedHashMap<>();
        for (FunctionSpec f : template.functions())
            names.environmentOf(f).forEach(all::putIfAbsent);
        return all;
    }
}
