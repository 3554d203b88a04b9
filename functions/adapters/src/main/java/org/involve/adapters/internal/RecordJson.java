package org.involve.adapters.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Records to JSON and back over jackson-core's streaming parser and generator, without Jackson databind (whose
 * first use loads about 600 classes before a function's first response). It writes exactly what {@link Json}'s
 * Jackson mapper wrote (JavaTimeModule, dates as ISO strings, no is-getters): a record's components in order, nulls
 * included; enums by name; {@code Instant}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime} as ISO
 * strings; lists and sets as arrays; maps as objects (enum keys by name). It reads what Jackson read: unknown
 * properties skipped, missing ones null (or 0 and false), through the canonical constructor. {@code
 * RecordJsonTest} proves both against Jackson for every record type kept through {@link Json}.
 */
final class RecordJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private static final ClassValue<Shape> SHAPES =
            new ClassValue<>() {
                @Override
                protected Shape computeValue(Class<?> type) {
                    return new Shape(type);
                }
            };

    private RecordJson() {}

    static String write(Object value) throws IOException {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        }
        return out.toString();
    }

    static <T> T read(String json, Class<T> type) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) throw new Failure("no content", type.getSimpleName());
            Object value = read(p, type, type.getSimpleName());
            return type.cast(value);
        }
    }

    /** A JSON value that does not fit the type asked for; names the path only, never the value. */
    static final class Failure extends IOException {
        Failure(String what, String path) {
            super(what + " at " + path);
        }
    }

    // ---- writing: by each value's own class, as Jackson does ----

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Integer || v instanceof Short || v instanceof Byte)
            g.writeNumber(((Number) v).intValue());
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Float f) g.writeNumber(f);
        else if (v instanceof BigDecimal d) g.writeNumber(d);
        else if (v instanceof Enum<?> e) g.writeString(e.name());
        else if (v instanceof Instant i) g.writeString(DateTimeFormatter.ISO_INSTANT.format(i));
        else if (v instanceof LocalDate d)
            g.writeString(d.format(DateTimeFormatter.ISO_LOCAL_DATE));
        else if (v instanceof LocalTime t)
            g.writeString(t.format(DateTimeFormatter.ISO_LOCAL_TIME));
        else if (v instanceof LocalDateTime t)
            g.writeString(t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey();
                g.writeFieldName(k instanceof Enum<?> n ? n.name() : String.valueOf(k));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) write(g, o);
            g.writeEndArray();
        } else if (v instanceof Record) {
            Shape shape = SHAPES.get(v.getClass());
            g.writeStartObject();
            for (int i = 0; i < shape.names.length; i++) {
                g.writeFieldName(shape.names[i]);
                write(g, shape.get(v, i));
            }
            g.writeEndObject();
        } else
            throw new IllegalArgumentException(
                    "No JSON form for a " + v.getClass().getName() + " (RecordJson)");
    }

    // ---- reading: by the declared type, the parser on the value's first token ----

    private static Object read(JsonParser p, Type type, String path) throws IOException {
        Class<?> raw = raw(type);
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return raw.isPrimitive() ? zero(raw) : null;
        if (raw == String.class) {
            if (t.isScalarValue()) return p.getText();
        } else if (raw == int.class || raw == Integer.class) {
            if (t == JsonToken.VALUE_NUMBER_INT) return p.getIntValue();
            if (t == JsonToken.VALUE_NUMBER_FLOAT) return (int) p.getDoubleValue();
            if (t == JsonToken.VALUE_STRING) return emptyOr(p, raw, path, s -> Integer.valueOf(s));
        } else if (raw == long.class || raw == Long.class) {
            if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
            if (t == JsonToken.VALUE_NUMBER_FLOAT) return (long) p.getDoubleValue();
            if (t == JsonToken.VALUE_STRING) return emptyOr(p, raw, path, s -> Long.valueOf(s));
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return p.getBooleanValue();
            if (t == JsonToken.VALUE_STRING) return emptyOr(p, raw, path, s -> Boolean.valueOf(s));
        } else if (raw == double.class || raw == Double.class) {
            if (t.isNumeric()) return p.getDoubleValue();
            if (t == JsonToken.VALUE_STRING) return emptyOr(p, raw, path, s -> Double.valueOf(s));
        } else if (raw == BigDecimal.class) {
            if (t.isNumeric()) return p.getDecimalValue();
            if (t == JsonToken.VALUE_STRING) return emptyOr(p, raw, path, BigDecimal::new);
        } else if (raw.isEnum()) {
            if (t == JsonToken.VALUE_STRING) return constant(raw, p.getText(), path);
            if (t == JsonToken.VALUE_NUMBER_INT) return raw.getEnumConstants()[p.getIntValue()];
        } else if (raw == Instant.class) {
            if (t == JsonToken.VALUE_STRING)
                return emptyOr(
                        p, raw, path, s -> Instant.from(DateTimeFormatter.ISO_INSTANT.parse(s)));
        } else if (raw == LocalDate.class) {
            if (t == JsonToken.VALUE_STRING) return emptyOr(p, raw, path, RecordJson::localDate);
        } else if (raw == LocalTime.class) {
            if (t == JsonToken.VALUE_STRING)
                return emptyOr(
                        p,
                        raw,
                        path,
                        s ->
                                s.contains("T")
                                        ? LocalDateTime.parse(s).toLocalTime()
                                        : LocalTime.parse(s));
        } else if (raw == LocalDateTime.class) {
            if (t == JsonToken.VALUE_STRING)
                return emptyOr(
                        p,
                        raw,
                        path,
                        s ->
                                s.endsWith("Z")
                                        ? LocalDateTime.ofInstant(Instant.parse(s), ZoneOffset.UTC)
                                        : LocalDateTime.parse(s));
        } else if (Map.class.isAssignableFrom(raw)) {
            if (t == JsonToken.START_OBJECT) return map(p, type, raw, path);
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (t == JsonToken.START_ARRAY) return collection(p, type, raw, path);
        } else if (raw.isRecord()) {
            if (t == JsonToken.START_OBJECT) return record(p, SHAPES.get(raw), path);
        } else {
            throw new IllegalArgumentException(
                    "No JSON form for a " + raw.getName() + " (RecordJson)");
        }
        throw new Failure("a " + t + " where a " + raw.getSimpleName() + " belongs", path);
    }

    private static Object record(JsonParser p, Shape shape, String path) throws IOException {
        Object[] args = shape.defaults.clone();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Integer i = shape.index.get(name);
            if (i == null) p.skipChildren(); // written by an older or newer version
            else args[i] = read(p, shape.types[i], path + "." + name);
        }
        return shape.make(args, path);
    }

    private static Object map(JsonParser p, Type type, Class<?> raw, String path)
            throws IOException {
        Type keyType = argument(type, 0), valueType = argument(type, 1);
        Class<?> keys = raw(keyType);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            Object key;
            if (keys == String.class || keys == Object.class) key = name;
            else if (keys.isEnum()) key = constant(keys, name, path);
            else
                throw new IllegalArgumentException(
                        "No JSON form for a map keyed by " + keys.getName() + " (RecordJson)");
            p.nextToken();
            map.put(key, read(p, valueType, path + "." + name));
        }
        return map;
    }

    private static Object collection(JsonParser p, Type type, Class<?> raw, String path)
            throws IOException {
        Type elementType = argument(type, 0);
        Collection<Object> c =
                Set.class.isAssignableFrom(raw) ? new HashSet<>() : new ArrayList<>();
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken())
            c.add(read(p, elementType, path + "[" + i++ + "]"));
        return c;
    }

    /** Jackson's LocalDate also takes a date and time (from an older writer), keeping the date. */
    private static LocalDate localDate(String s) {
        if (s.length() > 10 && s.charAt(10) == 'T')
            return s.endsWith("Z")
                    ? LocalDateTime.ofInstant(Instant.parse(s), ZoneOffset.UTC).toLocalDate()
                    : LocalDateTime.parse(s).toLocalDate();
        return LocalDate.parse(s);
    }

    private interface Parse {
        Object from(String text);
    }

    /** Jackson's rule for a string where a scalar belongs: trimmed, and an empty one is null (or 0, false). */
    private static Object emptyOr(JsonParser p, Class<?> raw, String path, Parse parse)
            throws IOException {
        String s = p.getText().trim();
        if (s.isEmpty()) return raw.isPrimitive() ? zero(raw) : null;
        try {
            return parse.from(s);
        } catch (RuntimeException notOne) { // its message quotes the text: keep only its kind
            throw new Failure(
                    "not a " + raw.getSimpleName() + " (" + notOne.getClass().getSimpleName() + ")",
                    path);
        }
    }

    private static Object constant(Class<?> type, String name, String path) throws Failure {
        for (Object c : type.getEnumConstants()) if (((Enum<?>) c).name().equals(name)) return c;
        throw new Failure("not one of " + type.getSimpleName() + "'s values", path);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (type instanceof WildcardType w) return raw(w.getUpperBounds()[0]);
        throw new IllegalArgumentException("No JSON form for a " + type + " (RecordJson)");
    }

    private static Type argument(Type type, int i) {
        if (type instanceof ParameterizedType p) {
            Type a = p.getActualTypeArguments()[i];
            return a instanceof WildcardType w ? w.getUpperBounds()[0] : a;
        }
        return Object.class;
    }

    private static Object zero(Class<?> primitive) {
        if (primitive == boolean.class) return false;
        if (primitive == long.class) return 0L;
        if (primitive == double.class) return 0d;
        if (primitive == float.class) return 0f;
        if (primitive == short.class) return (short) 0;
        if (primitive == byte.class) return (byte) 0;
        if (primitive == char.class) return '\0';
        return 0;
    }

    /** A record type's components (names, declared types, accessors) and its canonical constructor. */
    private static final class Shape {
        final String[] names;
        final Type[] types;
        final Method[] accessors;
        final Object[] defaults;
        final Map<String, Integer> index = new HashMap<>();
        final Constructor<?> constructor;

        Shape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            int n = components.length;
            names = new String[n];
            types = new Type[n];
            accessors = new Method[n];
            defaults = new Object[n];
            Class<?>[] parameters = new Class<?>[n];
            for (int i = 0; i < n; i++) {
                RecordComponent c = components[i];
                names[i] = c.getName();
                types[i] = c.getGenericType();
                accessors[i] = c.getAccessor();
                accessors[i].trySetAccessible();
                parameters[i] = c.getType();
                defaults[i] = parameters[i].isPrimitive() ? zero(parameters[i]) : null;
                index.put(names[i], i);
            }
            try {
                constructor = type.getDeclaredConstructor(parameters);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
            constructor.trySetAccessible();
        }

        Object get(Object record, int i) {
            try {
                return accessors[i].invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw unchecked(e.getCause());
            }
        }

        Object make(Object[] args, String path) throws Failure {
            try {
                return constructor.newInstance(args);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                // A compact constructor refused the values: say where, not what.
                throw new Failure(
                        "the record refused it (" + e.getCause().getClass().getSimpleName() + ")",
                        path);
            }
        }

        private static RuntimeException unchecked(Throwable t) {
            if (t instanceof RuntimeException r) return r;
            if (t instanceof Error e) throw e;
            return new IllegalStateException(t);
        }
    }
}
