package org.involve.core.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every content file a content designer may edit: read line by line (java.util.Properties would quietly keep the
 * last of two equal keys), so a duplicate key, an empty entry or a broken placeholder fails here, not in front of a
 * reader.
 */
class ContentFilesTest {
    private static final Path CONTENT = Path.of("src/main/resources/content");
    private static final Pattern BRACE_OR_PLACEHOLDER =
            Pattern.compile("\\{[a-zA-Z][a-zA-Z0-9]*}|[{}]");

    @Test
    void everyContentFileHasUniqueKeysNonEmptyValuesAndWellFormedPlaceholders() throws IOException {
        List<Path> files = contentFiles();
        assertFalse(files.isEmpty(), "no content files found under " + CONTENT.toAbsolutePath());
        List<String> faults = new ArrayList<>();
        for (Path file : files) faults.addAll(faultsIn(file.getFileName().toString(), read(file)));
        assertEquals(List.of(), faults);
    }

    @Test
    void everyAreaNamedInTheRulesHasAContentFileThatWordsCanLoad() throws IOException {
        for (String area :
                List.of(
                        "common",
                        "roles",
                        "apply",
                        "monitoring",
                        "applications",
                        "shortlisting",
                        "interviews",
                        "references",
                        "outcomes",
                        "partners",
                        "staff",
                        "withdrawal")) {
            assertTrue(Files.exists(CONTENT.resolve(area + ".properties")), area);
            assertFalse(Words.of(area).keys().isEmpty(), area);
        }
    }

    @Test
    void theChecksFindEachKindOfFault() {
        assertEquals(
                List.of(
                        "x.properties:3 duplicate key a.b (first on line 2)",
                        "x.properties:4 empty value for c",
                        "x.properties:5 malformed placeholder in d: '{'",
                        "x.properties:6 malformed placeholder in e: '{1st}'",
                        "x.properties:7 malformed placeholder in f: '}'",
                        "x.properties:1 no comment header saying what the file holds"),
                faultsIn(
                        "x.properties",
                        "a=1\na.b=one {name}\na.b=two\nc=\nd=open {name\ne=the {1st}\nf=close}\ng=fine {a1} and {b}\\\n  continued {c}\n"));
    }

    private static List<Path> contentFiles() throws IOException {
        try (Stream<Path> s = Files.list(CONTENT)) {
            return s.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError(file + " is not UTF-8", e);
        }
    }

    /** The faults of one file, each with its line number. Continued lines (ending in a backslash) are joined first. */
    static List<String> faultsIn(String name, String text) {
        List<String> faults = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].stripLeading();
            if (line.isEmpty()) continue;
            if (line.startsWith("#") || line.startsWith("!")) {
                if (seen.isEmpty()) header = true;
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (endsWithContinuation(logical) && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i].stripLeading());
            }
            Matcher separator =
                    Pattern.compile("^((?:\\\\.|[^=:\\s\\\\])+)\\s*[=:]?\\s*(.*)$")
                            .matcher(logical);
            if (!separator.matches()) {
                faults.add(name + ":" + number + " cannot read the line");
                continue;
            }
            String key = separator.group(1);
            String value = separator.group(2);
            Integer first = seen.putIfAbsent(key, number);
            if (first != null)
                faults.add(
                        name
                                + ":"
                                + number
                                + " duplicate key "
                                + key
                                + " (first on line "
                                + first
                                + ")");
            if (value.isBlank()) faults.add(name + ":" + number + " empty value for " + key);
            Matcher m = BRACE_OR_PLACEHOLDER.matcher(value);
            while (m.find()) {
                if (m.group().length() == 1) {
                    faults.add(
                            name
                                    + ":"
                                    + number
                                    + " malformed placeholder in "
                                    + key
                                    + ": '"
                                    + malformed(value, m.start())
                                    + "'");
                    break;
                }
            }
        }
        if (!header) faults.add(name + ":1 no comment header saying what the file holds");
        return faults;
    }

    private static boolean endsWithContinuation(CharSequence s) {
        int backslashes = 0;
        for (int j = s.length() - 1; j >= 0 && s.charAt(j) == '\\'; j--) backslashes++;
        return backslashes % 2 == 1;
    }

    /** The brace and what follows it up to the next closing brace, to say what is wrong. */
    private static String malformed(String value, int at) {
        if (value.charAt(at) == '}') return "}";
        int close = value.indexOf('}', at);
        return close < 0 ? "{" : value.substring(at, close + 1);
    }
}
