package org.involve.core.kit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address on the site as API Gateway routes it, such as {@code /staff/references/{roleId}/{reference}}: the
 * template the handlers' route tables are declared with, and the one way links in pages and e-mails are built,
 * so an address is written once. {@link #fill} puts values in the placeholders, each encoded as a path segment.
 */
public final class Path {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*\\+?)}");
    private static final Pattern SHAPE =
            Pattern.compile("/|(/([a-z0-9-]+|\\{[a-zA-Z][a-zA-Z0-9]*\\+?}))+");

    private final String template;
    private final List<String> parameters;

    private Path(String template) {
        if (!SHAPE.matcher(template).matches())
            throw new IllegalArgumentException("Not a path template: " + template);
        this.template = template;
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) names.add(m.group(1));
        this.parameters = List.copyOf(names);
    }

    /** @param template "/" or segments of lower-case words and {placeholders}, as in template.yaml */
    public static Path of(String template) {
        return new Path(template);
    }

    /** This path with more segments after it: {@code ROLE.then("/edit")}. */
    public Path then(String more) {
        return new Path(template.equals("/") ? more : template + more);
    }

    public String template() {
        return template;
    }

    /** The placeholders' names, in order. */
    public List<String> parameters() {
        return parameters;
    }

    /** The address with each placeholder replaced, in order, by a value encoded as one path segment. */
    public String fill(String... values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(
                    template + " takes " + parameters.size() + " values, not " + values.length);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (m.find()) {
            String value = values[i++];
            if (value == null || value.isEmpty())
                throw new IllegalArgumentException(
                        "No value for {" + m.group(1) + "} in " + template);
            m.appendReplacement(out, Matcher.quoteReplacement(segment(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, so a value can never add a segment or a query. */
    static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path p && p.template.equals(template);
    }

    @Override
    public int hashCode() {
        return template.hashCode();
    }

    @Override
    public String toString() {
        return template;
    }
}
