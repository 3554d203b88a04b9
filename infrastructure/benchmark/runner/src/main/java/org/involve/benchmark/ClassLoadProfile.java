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
    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("org.involve.benchmark.launcher.", "benchmark launcher"),
            Map.entry("org.involve.", "Involve (core, adapters, handlers)"),
            Map.entry("io.micronaut.", "Micronaut"),
            Map.entry("org.apache.logging.log4j.", "Log4j 2"),
            Map.entry("org.slf4j.", "SLF4J"),
            Map.entry("software.amazon.lambda.powertools.", "Powertools"),
            Map.entry("software.amazon.cloudwatchlogs.", "Powertools (EMF)"),
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("software.amazon.awssdk.thirdparty.jackson.", "AWS SDK (shaded Jackson)"),
            Map.entry("software.amazon.awssdk.services.dynamodb.", "AWS SDK DynamoDB"),
            Map.entry("software.amazon.awssdk.services.sqs.", "AWS SDK SQS"),
            Map.entry("software.amazon.awssdk.services.sesv2.", "AWS SDK SESv2"),
            Map.entry("software.amazon.awssdk.http.urlconnection.", "AWS SDK URL-connection client"),
            Map.entry("software.amazon.awssdk.http.apache5.", "AWS SDK Apache 5 client"),
            Map.entry("org.apache.hc.", "Apache HttpClient 5"),
            Map.entry("software.amazon.awssdk.regions.", "AWS SDK regions"),
            Map.entry("software.amazon.awssdk.", "AWS SDK core"),
            Map.entry("com.amazonaws.services.lambda.", "Lambda core and events"),
            Map.entry("jdk.internal.reflect.Generated", "JDK (generated reflection accessors)"),
            Map.entry("java.lang.invoke.", "JDK (method handles, lambda forms)"));

    private ClassLoadProfile() {}

    /** Library to the number of classes it loaded no later than {@code untilMillis} after the JVM started. */
    static Map<String, Integer> read(Path log, double untilMillis) {
        return read(log, Double.NEGATIVE_INFINITY, untilMillis);
    }

    /**
     * Library to the number of classes it loaded after {@code fromMillis} and no later than {@code untilMillis} (e.g.
     * a primed start's first request alone: what its priming left for the request to load).
     */
    static Map<String, Integer> read(Path log, double fromMillis, double untilMillis) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        LIBRARIES.forEach(e -> counts.putIfAbsent(e.getValue(), 0));
        Map<String, Integer> others = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + log, e);
        }
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
        if (source.startsWith("jrt:/") || name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return "JDK (not in the CDS archive)";
        }
        return null;
    }
}
