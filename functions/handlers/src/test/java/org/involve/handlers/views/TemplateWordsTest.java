package org.involve.handlers.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.involve.core.kit.Words;
import org.junit.jupiter.api.Test;

/**
 * Every key a template names is in the content file of an area that template reads, so a renamed or mistyped key
 * fails here rather than on the one page that shows it. (Keys put together at run time are checked by the pages' tests.)
 * And no template opts out of escaping.
 */
class TemplateWordsTest {
    private static final Path TEMPLATES = Path.of("src/main/jte");
    private static final Pattern AREA = Pattern.compile("Words\\.of\\(\"([a-z]+)\"\\)");
    private static final Pattern KEY =
            Pattern.compile(
                    "\"((?:page|component|layout|navigation|field|notice|error)\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");

    @Test
    void everyKeyATemplateNamesIsInItsContentFile() throws IOException {
        List<String> missing = new ArrayList<>();
        int keys = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                String text = Files.readString(file);
                List<Words> areas = new ArrayList<>();
                for (Matcher m = AREA.matcher(text); m.find(); ) areas.add(Words.of(m.group(1)));
                for (Matcher m = KEY.matcher(text); m.find(); keys++) {
                    String key = m.group(1);
                    if (areas.stream().noneMatch(w -> w.has(key)))
                        missing.add(TEMPLATES.relativize(file) + ": " + key);
                }
            }
        }
        assertFalse(keys == 0, "the templates name their words by key");
        assertEquals(List.of(), missing);
    }

    /** Templates escape everything they write; markup passes between them only as rendered Content, never as a String. */
    @Test
    void noTemplateWritesUnescapedText() throws IOException {
        List<String> unsafe = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
                if (Files.readString(file).contains("$unsafe{"))
                    unsafe.add(TEMPLATES.relativize(file).toString());
            }
        }
        assertEquals(List.of(), unsafe);
    }
}
