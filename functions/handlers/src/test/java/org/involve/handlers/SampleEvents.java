package org.involve.handlers;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Reads the sample events in the repository's events/ folder, filling in values only a running test can know. */
final class SampleEvents {
    static final Path FOLDER = findEvents();
    private static final ObjectMapper JSON =
            JsonMapper.builder()
                    .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    /** The events/ files some test has run through a handler; SampleEventsTest fails for any file not in it. */
    static final Set<String> COVERED = ConcurrentHashMap.newKeySet();

    private SampleEvents() {}

    /** Reads an event and marks it as tested: for *EventsTest classes other than SampleEventsTest. */
    static <T> T use(String name, Class<T> type, Map<String, String> placeholders) {
        COVERED.add(name);
        return read(name, type, placeholders);
    }

    /**
     * Runs every @Test of each other class in this package whose name ends in "EventsTest", each on a fresh instance
     * (so such classes set themselves up in field initialisers or the constructor, not @BeforeEach), so their events
     * count as covered whatever order JUnit runs the classes in.
     */
    static void runOtherEventTests(Class<?> except) throws Exception {
        Path classes =
                Path.of(except.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .resolve("org/involve/handlers");
        List<String> names;
        try (Stream<Path> files = Files.list(classes)) {
            names =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith("EventsTest.class"))
                            .sorted()
                            .toList();
        }
        for (String file : names) {
            Class<?> type =
                    Class.forName(
                            "org.involve.handlers."
                                    + file.substring(0, file.length() - ".class".length()));
            if (type == except) continue;
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            for (var m : type.getDeclaredMethods()) {
                if (m.isAnnotationPresent(org.junit.jupiter.api.Test.class)) {
                    m.setAccessible(true);
                    m.invoke(constructor.newInstance());
                }
            }
        }
    }

    static List<String> names() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String name, Class<T> type, Map<String, String> placeholders) {
        try {
            String text = Files.readString(FOLDER.resolve(name));
            for (var p : placeholders.entrySet()) text = text.replace(p.getKey(), p.getValue());
            return JSON.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findEvents() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) dir = dir.getParent();
        if (dir == null)
            throw new IllegalStateException(
                    "No events/ folder above " + Path.of("").toAbsolutePath());
        return dir.resolve("events");
    }
}
