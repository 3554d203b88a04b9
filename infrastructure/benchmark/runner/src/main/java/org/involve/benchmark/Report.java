package org.involve.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/** The Markdown report: the aims first, then cold starts, warm latency, artifact sizes and loaded classes. */
final class Report {
    static final double COLD_START_RATIO_AIM = 1.3; // issue 13
    static final double ARTIFACT_AIM_MB = 15.0; // issue 13

    /** A deployment artifact and its size in bytes (-1 when it is missing); only the template's functions count for the aim. */
    record Artifact(String function, String file, long bytes, boolean templateFunction) {
        double mb() {
            return bytes / 1_000_000.0;
        }

        double mib() {
            return bytes / 1_048_576.0;
        }
    }

    private final Benchmark.Options options;
    private final List<String> jvmFlags;
    private final Map<Scenario, List<ColdRun>> runs;
    private final Map<Scenario, Map<String, Integer>> classes;
    private final List<Artifact> artifacts;

    Report(
            Benchmark.Options options,
            List<String> jvmFlags,
            Map<Scenario, List<ColdRun>> runs,
            Map<Scenario, Map<String, Integer>> classes,
            List<Artifact> artifacts) {
        this.options = options;
        this.jvmFlags = jvmFlags;
        this.runs = runs;
        this.classes = classes;
        this.artifacts = artifacts;
    }

    /** The payments queue's rows: measured against each other, not against the HTTP baseline. */
    private static boolean batch(Scenario s) {
        return s.event().getFileName().toString().startsWith("sqs-");
    }

    /** A row whose first request comes through the HTTP API: a page, or the staff authorizer's answer. */
    private static boolean http(Scenario s) {
        String event = s.event().getFileName().toString();
        return event.startsWith("http-") || event.startsWith("authorizer-");
    }

    private Scenario baseline() {
        return runs.keySet().iterator().next();
    }

    private double coldMedian(Scenario s) {
        return Stats.median(runs.get(s).stream().map(ColdRun::outsideMillis).toList());
    }

    private double cpuMedian(Scenario s) {
        return Stats.median(runs.get(s).stream().map(ColdRun::cpu).toList());
    }

    /** The median of the row's bean-context starts; NaN for a row without one (the baseline). */
    private static double beanContext(List<ColdRun> r) {
        return Stats.median(r.stream().map(ColdRun::beanContext).filter(d -> !d.isNaN()).toList());
    }

    /** A table cell: the milliseconds, or a dash where there are none. */
    private static String cell(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, "%.0f", millis);
    }

    /**
     * What the bean context's start alone comes to against the baseline's whole cold start, over the cold (not primed)
     * rows of the real artifacts: the part of the distance to the aim that no page's own work adds.
     */
    private String beanContextShare() {
        double base = coldMedian(baseline());
        List<Double> medians = new ArrayList<>();
        for (Scenario s : runs.keySet()) {
            if (s == baseline() || s.variant() != null || s.primed()) continue;
            double m = beanContext(runs.get(s));
            if (!Double.isNaN(m)) medians.add(m);
        }
        if (medians.isEmpty()) return "";
        return String.format(
                Locale.ROOT,
                "%nThe bean context alone (median over the %d cold rows of Involve's functions: %.0f ms, from %.0f to %.0f) "
                        + "is %.2f × the baseline's whole cold start (%.0f ms).%n",
                medians.size(),
                Stats.median(medians),
                Stats.min(medians),
                Stats.max(medians),
                Stats.median(medians) / base,
                base);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Involve cold-start benchmark\n\n");
        md.append(
                String.format(
                        Locale.ROOT,
                        "%s on %s: %d cores, %s, Java %s (%s). %d fresh JVMs per row (median shown), %d warm requests in each.%n%n",
                        ZonedDateTime.now(ZoneOffset.UTC)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                        hostDescription(),
                        Runtime.getRuntime().availableProcessors(),
                        cpuModel(),
                        System.getProperty("java.version"),
                        System.getProperty("java.vm.name"),
                        options.runs,
                        options.warm));
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.addAll(options.extraJvmFlags);
        md.append("JVM flags (as Lambda's Java runtime, plus the template's JAVA_TOOL_OPTIONS): `")
                .append(String.join(" ", flags))
                .append("`\n\n");

        double base = coldMedian(baseline());
        md.append("## Aims\n\n| Aim | Measured | Met |\n|---|---|---|\n");
        double baseFirst =
                Stats.median(runs.get(baseline()).stream().map(ColdRun::firstInvoke).toList());
        for (Scenario s : runs.keySet()) {
            if (!s.primed() || s.variant() != null) continue;
            double first = Stats.median(runs.get(s).stream().map(ColdRun::firstInvoke).toList());
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| First request of %s after SnapStart priming at most the baseline's first request | %.0f ms against %.0f ms | %s |%n",
                            code(s.label()),
                            first,
                            baseFirst,
                            first <= baseFirst ? "yes" : "**no**"));
        }
        for (Scenario s : runs.keySet()) {
            if (s == baseline() || s.variant() != null || s.primed() || batch(s)) continue;
            double ratio = coldMedian(s) / base;
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| Cold start of %s at most %.1f × the baseline's | %.2f × (%.0f ms against %.0f ms) | %s |%n",
                            code(s.label()),
                            COLD_START_RATIO_AIM,
                            ratio,
                            coldMedian(s),
                            base,
                            ratio <= COLD_START_RATIO_AIM ? "yes" : "**no**"));
        }
        double baseCpu = cpuMedian(baseline());
        List<Scenario> http =
                runs.keySet().stream()
                        .filter(
                                s ->
                                        s != baseline()
                                                && s.variant() == null
                                                && !s.primed()
                                                && http(s))
                        .toList();
        if (!http.isEmpty()) {
            Scenario slowest =
                    http.stream()
                            .max((a, b) -> Double.compare(coldMedian(a), coldMedian(b)))
                            .orElseThrow();
            Scenario costliest =
                    http.stream()
                            .max((a, b) -> Double.compare(cpuMedian(a), cpuMedian(b)))
                            .orElseThrow();
            double wall = coldMedian(slowest) / base;
            double cpu = cpuMedian(costliest) / baseCpu;
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| Cold start of every HTTP function (%d functions, %d rows) at most %.1f × the baseline's, wall and CPU "
                                    + "| largest wall %.2f × (%s), largest CPU %.2f × (%s) | %s |%n",
                            http.stream().map(Scenario::function).distinct().count(),
                            http.size(),
                            COLD_START_RATIO_AIM,
                            wall,
                            code(slowest.label()),
                            cpu,
                            code(costliest.label()),
                            wall <= COLD_START_RATIO_AIM && cpu <= COLD_START_RATIO_AIM
                                    ? "yes"
                                    : "**no**"));
        }
        for (Scenario s : runs.keySet()) {
            if (s == baseline() || s.variant() != null || s.primed() || batch(s)) continue;
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| (cross-check, not the aim) CPU time to first response of %s against the baseline's | %.2f × (%.0f ms against %.0f ms) | |%n",
                            code(s.label()),
                            cpuMedian(s) / baseCpu,
                            cpuMedian(s),
                            baseCpu));
        }
        Artifact largest =
                artifacts.stream()
                        .filter(Artifact::templateFunction)
                        .max((a, b) -> Long.compare(a.bytes(), b.bytes()))
                        .orElseThrow();
        boolean allSmall =
                artifacts.stream()
                        .filter(Artifact::templateFunction)
                        .allMatch(a -> a.bytes() >= 0 && a.mb() < ARTIFACT_AIM_MB);
        md.append(
                String.format(
                        Locale.ROOT,
                        "| Every function's artifact under %.0f MB | largest %.1f MB (%.1f MiB), %s | %s |%n%n",
                        ARTIFACT_AIM_MB,
                        largest.mb(),
                        largest.mib(),
                        largest.function(),
                        allSmall ? "yes" : "**no**"));

        md.append("## Cold start: process start to first response\n\n");
        md.append(
                "Timed by the runner from launching `java` to the launcher's line saying the first response is back. "
                        + "The phases are the JVM's own clock: boot (JVM start to `main`), init (loading the handler class and its no-argument "
                        + "constructor: Lambda's init phase, which SnapStart snapshots), of which the bean context (an Involve "
                        + "function's settings, logging and Micronaut's context, which its constructor starts first: the launcher starts "
                        + "it just before, on a clock of its own), first request (the first `handleRequest`). "
                        + "A (primed) row runs the function's SnapStart priming (what its CRaC beforeCheckpoint hook runs) after init "
                        + "and before the first request, and counts it in init: its first request is what a restored snapshot's costs. "
                        + "CPU is what all the JVM's threads (JIT compilers and GC included) had used by the first response: it is less "
                        + "disturbed than wall time by other work on the machine, and on Lambda, where a 1024 MB function gets well under "
                        + "one vCPU, it is what the cold start mostly costs.\n\n");
        md.append(
                "| Function | First request | Cold start ms (median) | min – max | × baseline | JVM boot | Init | of which bean context | First request | CPU ms | CPU × baseline |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario s : runs.keySet()) {
            List<ColdRun> r = runs.get(s);
            List<Double> cold = r.stream().map(ColdRun::outsideMillis).toList();
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %.0f | %.0f – %.0f | %.2f | %.0f | %.0f | %s | %.0f | %.0f | %.2f |%n",
                            s.functionLabel(),
                            code(s.request()),
                            Stats.median(cold),
                            Stats.min(cold),
                            Stats.max(cold),
                            Stats.median(cold) / base,
                            Stats.median(r.stream().map(ColdRun::jvmBoot).toList()),
                            Stats.median(r.stream().map(ColdRun::init).toList()),
                            cell(beanContext(r)),
                            Stats.median(r.stream().map(ColdRun::firstInvoke).toList()),
                            cpuMedian(s),
                            cpuMedian(s) / baseCpu));
        }

        md.append(beanContextShare());

        md.append("\n## Warm: later requests in the same JVMs\n\n");
        md.append(
                "`handleRequest` alone, against DynamoDB Local on the same machine; all runs' requests pooled.\n\n");
        md.append(
                "| Function | Request | Requests | p50 ms | p99 ms | max ms |\n|---|---|---:|---:|---:|---:|\n");
        for (Scenario s : runs.keySet()) {
            long[] all =
                    runs.get(s).stream().flatMapToLong(r -> LongStream.of(r.warmNanos())).toArray();
            md.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %s | %d | %.2f | %.2f | %.2f |%n",
                            s.functionLabel(),
                            code(s.request()),
                            all.length,
                            Stats.percentile(all, 50) / 1e6,
                            Stats.percentile(all, 99) / 1e6,
                            Stats.percentile(all, 100) / 1e6));
        }

        Scenario calculator =
                runs.keySet().stream()
                        .filter(x -> batch(x) && !x.function().equals("Baseline"))
                        .findFirst()
                        .orElse(null);
        Scenario puts =
                runs.keySet().stream()
                        .filter(x -> batch(x) && x.function().equals("Baseline"))
                        .findFirst()
                        .orElse(null);
        if (calculator != null && puts != null) {
            long[] calc =
                    runs.get(calculator).stream()
                            .flatMapToLong(r -> LongStream.of(r.warmNanos()))
                            .toArray();
            long[] raw =
                    runs.get(puts).stream()
                            .flatMapToLong(r -> LongStream.of(r.warmNanos()))
                            .toArray();
            md.append(
                    "\n## Payments: a batch of 10 through the calculator against ten raw PutItems\n\n");
            md.append(
                    "Each request is ten new approved claims (`infrastructure/benchmark/queue-events/sqs-payment-batch-10.json`, each "
                            + "claim id made unique per request): `PaymentCalculatorHandler` reads each claim, works out the money and "
                            + "writes one payment record on condition that the claim has none; the baseline (`PutItemsHandler`) puts "
                            + "each message's body as it came, with no reading, rules or condition.\n\n");
            md.append(
                    "| Batch of 10 | Requests | p50 ms | p99 ms | cold start ms (median) |\n|---|---:|---:|---:|---:|\n");
            for (Scenario x : List.of(puts, calculator)) {
                long[] all = x == puts ? raw : calc;
                md.append(
                        String.format(
                                Locale.ROOT,
                                "| %s | %d | %.2f | %.2f | %.0f |%n",
                                x.functionLabel() + " " + code(x.request()),
                                all.length,
                                Stats.percentile(all, 50) / 1e6,
                                Stats.percentile(all, 99) / 1e6,
                                coldMedian(x)));
            }
            md.append(
                    String.format(
                            Locale.ROOT,
                            "%nWarm p50: the calculator's batch takes %.2f × the ten raw PutItems.%n",
                            Stats.percentile(calc, 50) / Stats.percentile(raw, 50)));
        }

        md.append(
                "\n## Deployment artifacts\n\n| Function | Artifact (CodeUri) | MB | MiB |\n|---|---|---:|---:|\n");
        for (Artifact a : artifacts) {
            md.append(
                    a.bytes() < 0
                            ? String.format("| %s | `%s` | missing | |%n", a.function(), a.file())
                            : String.format(
                                    Locale.ROOT,
                                    "| %s | `%s` | %.2f | %.2f |%n",
                                    a.function(),
                                    a.file(),
                                    a.mb(),
                                    a.mib()));
        }
        long distinct =
                artifacts.stream()
                        .filter(Artifact::templateFunction)
                        .map(Artifact::file)
                        .distinct()
                        .count();
        if (distinct == 1) md.append("\nAll the template's functions deploy the same jar.\n");

        if (!classes.isEmpty()) {
            md.append("\n## Classes loaded before the first response\n\n");
            md.append(
                    "From one more start of each with `-Xlog:class+load`, counting up to the first response; for a (primed) "
                            + "row, only those its first request loaded after the priming.\n\n");
            List<Scenario> cols = new ArrayList<>(classes.keySet());
            md.append("| Library |");
            cols.forEach(
                    s ->
                            md.append(' ')
                                    .append(
                                            s.function().equals("Baseline")
                                                    ? (s.variant() == null
                                                            ? "Baseline"
                                                            : "Baseline [" + s.variant() + "]")
                                                    : (s.variant() == null
                                                                    ? ""
                                                                    : "[" + s.variant() + "] ")
                                                            + (s.primed()
                                                                    ? s.function() + " (primed) "
                                                                    : "")
                                                            + code(s.request()))
                                    .append(" |"));
            md.append("\n|---|").append("---:|".repeat(cols.size())).append('\n');
            Set<String> libraries = new LinkedHashSet<>();
            classes.values().forEach(m -> libraries.addAll(m.keySet()));
            int[] totals = new int[cols.size()];
            for (String library : libraries) {
                boolean any =
                        cols.stream().anyMatch(s -> classes.get(s).getOrDefault(library, 0) > 0);
                if (!any) continue;
                md.append("| ").append(library).append(" |");
                for (int i = 0; i < cols.size(); i++) {
                    int n = classes.get(cols.get(i)).getOrDefault(library, 0);
                    totals[i] += n;
                    md.append(' ').append(n).append(" |");
                }
                md.append('\n');
            }
            md.append("| **total** |");
            for (int t : totals) md.append(" **").append(t).append("** |");
            md.append('\n');
        }
        md.append("\nCommand: `infrastructure/benchmark/run");
        if (options.runs != 5) md.append(" --runs ").append(options.runs);
        if (options.warm != 500) md.append(" --warm ").append(options.warm);
        if (options.handlerJar != null) md.append(" --handler-jar ").append(options.handlerJar);
        options.variants.forEach(
                (name, jar) -> md.append(" --variant ").append(name).append('=').append(jar));
        options.extraJvmFlags.forEach(f -> md.append(" --jvm-flag ").append(f));
        options.only.forEach(t -> md.append(" --only '").append(t).append('\''));
        md.append("`\n");
        return md.toString();
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    private static String hostDescription() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
