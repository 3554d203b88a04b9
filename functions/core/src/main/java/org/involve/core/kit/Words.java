package org.involve.core.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of one area (page text, notices, error messages, e-mails), read from {@code content/AREA.properties}
 * (UTF-8) on the classpath, so a content designer edits words without reading Java. Placeholders are named:
 * {@code Dear {name},}. The text returned is plain: templates and {@link Letter} escape it when they write it.
 */
public final class Words {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
    private static final Map<String, Words> AREAS = new ConcurrentHashMap<>();

    private final String area;
    private final Properties entries;

    private Words(String area, Properties entries) {
        this.area = area;
        this.entries = entries;
    }

    /** The words of {@code area}, loaded once per JVM. */
    public static Words of(String area) {
        return AREAS.computeIfAbsent(area, Words::load);
    }

    private static Words load(String area) {
        String path = "/content/" + area + ".properties";
        try (InputStream in = Words.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("No content file " + path);
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return new Words(area, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String area() {
        return area;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The entry as written; a missing key is a fault in the content file, named so it is easy to find. */
    public String get(String key) {
        String value = entries.getProperty(key);
        if (value == null)
            throw new IllegalStateException("content/" + area + ".properties has no entry " + key);
        return value;
    }

    /**
     * The entry with its placeholders filled: {@code format("greeting", "name", referee.name())}. Every placeholder
     * must be given a value, so a renamed placeholder fails a test rather than reaching a reader as "{name}".
     */
    public String format(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0)
            throw new IllegalArgumentException("names and values come in pairs: " + key);
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2)
            values.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        Matcher m = PLACEHOLDER.matcher(get(key));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalArgumentException(
                        "content/"
                                + area
                                + ".properties "
                                + key
                                + " needs a value for {"
                                + m.group(1)
                                + "}");
            }
            m.appendReplacement(
                    out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Every key of the area, for tests that check the content file against its users. */
    public java.util.Set<String> keys() {
        return entries.stringPropertyNames();
    }
}
