package org.involve.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which libraries' classes a cold JVM loads before its first response, from {@code -Xlog:class+load} (one extra,
 * untimed run per scenario: the logging itself slows the JVM down).
 */
final class ClassLoadProfile {
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ms\\] (\\S+) source: (.*)$");

    /** Libraries in the order they are reported; the first prefix that matches a class name wins. */
    private static final List<Map.Entry<String, String>> LIBRARIES =
            List.of(
                    Map.entry("org.involve.benchmark.launcher.", "benchmark launcher"),
                    Map.entry("org.involve.", "Involve (core, adapters, handlers)"),
                    Map.entry("io.micronaut.", "Micronaut"),
                    Map.entry("org.apache.logging.log4j.", "Log4j 2"),
                    Map.entry("org.slf4j.", "SLF4J"),
                    Map.entry("software.amazon.lambda.powertools.", "Powertools"),
                    Map.entry("software.amazon.cloudwatchlogs.", "Powertools (EMF)"),
                    Map.entry("com.fasterxml.jackson.", "Jackson"),
                    Map.entry(
                            "software.amazon.awssdk.thirdparty.jackson.",
                            "AWS SDK (shaded Jackson)"),
                    Map.entry("software.amazon.awssdk.services.dynamodb.", "AWS SDK DynamoDB"),
                    Map.entry("software.amazon.awssdk.services.sqs.", "AWS SDK SQS"),
                    Map.entry("software.amazon.awssdk.services.sesv2.", "AWS SDK SESv2"),
                    Map.entry(
                            "software.amazon.awssdk.http.urlconnection.",
                            "AWS SDK URL-connection client"),
                    Map.entry("software.amazon.awssdk.http.apache5.", "AWS SDK Apache 5 client"),
                    Map.entry("org.apache.hc.", "Apache HttpClient 5"),
                    Map.entry("software.amazon.awssdk.regions.", "AWS SDK regions"),
                    Map.entry("software.amazon.awssdk.", "AWS SDK core"),
                    Map.entry("com.amazonaws.services.lambda.", "Lambda core and events"),
                    Map.entry(
                            "jdk.internal.reflect.Generated",
                            "JDK (generated reflection accessors)"),
                    Map.entry("java.lang.invoke.", "JDK (method handles, lambda forms)"));

    private ClassLoadProfile() {}

    /** Library to the number of classes it loaded no later than {@code untilMillis} after the JVM started. */
    static Map<String, Integer> read(Path log, double untilMillis) {
        return read(log, Double.NEGATIVE_INFINITY, untilMillis);
    }

    /** The launcher's class it first loads when it makes the first request's context, just before the request. */
    static final String FIRST_REQUEST_STARTS = "org.involve.benchmark.launcher.BenchContext";

    /** What the launcher first loads once the first response is back (to read the CPU used so far). */
    static final Pattern FIRST_REQUEST_ENDED =
            Pattern.compile("java\\.lang\\.ProcessHandle(Impl)?\\$Info");

    /**
     * Library to the number of classes the first request alone loaded (for a primed start: what its priming left for
     * the request to load), from the log's own order rather than the clocks: the lines after the launcher's
     * {@value #FIRST_REQUEST_STARTS} and before its first {@code ProcessHandle.Info}.
     */
    static Map<String, Integer> readFirstRequest(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
        int from = -1;
        int until = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            if (!m.matches()) continue;
            if (from < 0 && m.group(2).equals(FIRST_REQUEST_STARTS)) from = i;
            else if (from >= 0 && FIRST_REQUEST_ENDED.matcher(m.group(2)).matches()) {
                until = i;
                break;
            }
        }
        if (from < 0)
            throw new IllegalStateException(
                    log + " has no first request (" + FIRST_REQUEST_STARTS + ")");
        return count(
                lines.subList(from + 1, until), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Library to the number of classes it loaded after {@code fromMillis} and no later than {@code untilMillis}. */
    static Map<String, Integer> read(Path log, double fromMillis, double untilMillis) {
        try {
            return count(Files.readAllLines(log), fromMillis, untilMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
    }

    private static Map<String, Integer> count(
            List<String> lines, double fromMillis, double untilMillis) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        LIBRARIES.forEach(e -> counts.putIfAbsent(e.getValue(), 0));
        Map<String, Integer> others = new TreeMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue;
            long at = Long.parseLong(m.group(1));
            if (at <= fromMillis || at > untilMillis) continue;
            String name = m.group(2);
            String source = m.group(3);
            String library = library(name, source);
            if (library == null) {
                String[] parts = name.split("\\.");
                library = parts.length > 2 ? parts[0] + "." + parts[1] + ".*" : name;
                others.merge(library, 1, Integer::sum);
            } else {
                counts.merge(library, 1, Integer::sum);
            }
        }
        others.forEach(counts::put);
        return counts;
    }

    private static String library(String name, String source) {
        for (var e : LIBRARIES) if (name.startsWith(e.getKey())) return e.getValue();
        if (source.startsWith("shared objects file")) return "JDK (from the CDS archive)";
        if (source.startsWith("jrt:/")
                || name.startsWith("java.")
                || name.startsWith("jdk.")
                || name.startsWith("sun.")) {
            return "JDK (not in the CDS archive)";
        }
        return null;
    }
}
