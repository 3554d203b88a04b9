package org.involve.core.kit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Messages by field name, in the order the questions appear, for the error summary and in-line errors. */
public final class FieldErrors {
    private final Map<String, String> messages = new LinkedHashMap<>();

    public void add(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(messages);
    }

    /** The same errors in the order the questions appear on the page, for the error summary. */
    public FieldErrors inOrderOf(java.util.List<Field> fields) {
        FieldErrors ordered = new FieldErrors();
        fields.forEach(
                f -> {
                    if (messages.containsKey(f.name()))
                        ordered.add(f.name(), messages.get(f.name()));
                });
        messages.forEach(ordered::add);
        return ordered;
    }

    public static FieldErrors of(String field, String message) {
        FieldErrors e = new FieldErrors();
        e.add(field, message);
        return e;
    }
}
