package org.involve.emulators;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The top-level attribute names a DynamoDB request names: what IAM's {@code dynamodb:Attributes} is checked on. */
public final class ExpressionAttributes {
    private static final Set<String> WORDS =
            Set.of(
                    "set",
                    "remove",
                    "add",
                    "delete",
                    "and",
                    "or",
                    "not",
                    "between",
                    "in",
                    "attribute_exists",
                    "attribute_not_exists",
                    "attribute_type",
                    "begins_with",
                    "contains",
                    "size",
                    "if_not_exists",
                    "list_append");
    private static final Pattern NAME =
            Pattern.compile("(?<![.\\w#:])([#]?[A-Za-z_][A-Za-z0-9_]*)");

    private ExpressionAttributes() {}

    /**
     * The names in {@code key} and the first name of each path in {@code expressions} ({@code #name}s looked up in
     * {@code names}).
     *
     * @throws IllegalArgumentException when an expression uses a {@code #name} that {@code names} lacks
     */
    public static Set<String> touched(
            Set<String> key, Map<String, String> names, String... expressions) {
        Set<String> found = new LinkedHashSet<>(key);
        for (String expression : expressions) {
            if (expression == null) continue;
            Matcher m = NAME.matcher(expression);
            while (m.find()) {
                String token = m.group(1);
                if (token.startsWith("#")) {
                    String name = names == null ? null : names.get(token);
                    if (name == null)
                        throw new IllegalArgumentException(
                                token + " is not in ExpressionAttributeNames");
                    found.add(name);
                } else if (!WORDS.contains(token.toLowerCase())) {
                    found.add(token);
                }
            }
        }
        return found;
    }
}
