package org.involve.emulators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Null-tolerant views of parsed YAML, so a missing section reads as empty rather than failing. */
final class YamlMaps {
    private YamlMaps() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (o == null) return Map.of();
        if (!(o instanceof Map<?, ?> m))
            throw new IllegalArgumentException("Expected a mapping in template.yaml, found " + o);
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        if (o == null) return List.of();
        if (o instanceof List<?> l) return (List<Object>) l;
        return List.of(o);
    }

    static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static OptionalInt integer(Object o) {
        if (o == null) return OptionalInt.empty();
        return OptionalInt.of(
                o instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(o).trim()));
    }

    /**
     * The logical id behind {@code !Ref X}, {@code !GetAtt X.Arn} or {@code !GetAtt [X, Arn]}; a plain string is
     * taken as already being one.
     */
    static String referencedLogicalId(Object o) {
        if (o instanceof Map<?, ?> m) {
            if (m.containsKey("Ref")) return String.valueOf(m.get("Ref"));
            Object att = m.get("Fn::GetAtt");
            if (att instanceof List<?> parts) return String.valueOf(parts.get(0));
            if (att != null) return String.valueOf(att).split("\\.")[0];
        }
        if (o instanceof String s)
            return s.startsWith("arn:") ? s.substring(s.lastIndexOf(':') + 1) : s;
        throw new IllegalArgumentException("Cannot tell which resource " + o + " refers to");
    }
}
