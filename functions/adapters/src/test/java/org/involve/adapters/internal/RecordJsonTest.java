package org.involve.adapters.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.involve.core.application.Application;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.impact.ImpactEntry;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.Meeting;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Involvement;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.Claim;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payroll.PayrollExport;
import org.involve.core.role.Role;
import org.involve.core.role.RolePanel;
import org.involve.core.shortlisting.AnonymisedApplication;
import org.involve.core.shortlisting.Conflict;
import org.involve.core.shortlisting.ShortlistDecision;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.TenureReview;
import org.junit.jupiter.api.Test;

/**
 * Every record type kept through {@link Json} is written by {@link RecordJson} exactly as the Jackson databind mapper
 * that Json held until 2026-12-02 wrote it (the same text, so a condition that compares stored JSON, such as {@code
 * DynamoRoles.choose}'s panel, still matches items written before), and reads what that mapper wrote back to the
 * same record. The samples are made by reflection from each type's components: every value filled (dates with and
 * without fractions, text that needs escaping, nested records, lists, sets, maps), every collection empty, every
 * nullable component null, and each constant of every enum in turn.
 */
class RecordJsonTest {
    /** Json's mapper before RecordJson, as it was configured. */
    private static final ObjectMapper JACKSON =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                    .build();

    /** Every type the adapters keep through Json (checked against their sources below). */
    private static final List<Class<? extends Record>> STORED =
            List.of(
                    AnonymisedApplication.class,
                    Application.class,
                    ApplicationDraft.class,
                    Appointment.class,
                    ApprovedClaim.class,
                    Attendance.class,
                    AttendanceFlag.class,
                    CheckIn.class,
                    Claim.class,
                    Conflict.class,
                    ImpactEntry.class,
                    Involvement.class,
                    Meeting.class,
                    PaymentRecord.class,
                    PayrollExport.class,
                    Role.class,
                    RolePanel.class,
                    ShortlistDecision.class,
                    TenureReview.class);

    @Test
    void theListOfStoredTypesIsEveryTypeTheAdaptersReadThroughJson() throws IOException {
        Set<String> named = new TreeSet<>();
        Pattern read = Pattern.compile("Json\\.read\\([^;]*?,\\s*([A-Z]\\w*)\\.class\\)");
        Pattern own = Pattern.compile("new PartnerOwnItems<>\\([^;]*?([A-Z]\\w*)\\.class\\)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                for (Pattern p : List.of(read, own)) {
                    Matcher m = p.matcher(source);
                    while (m.find()) named.add(m.group(1));
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        STORED.forEach(t -> listed.add(t.getSimpleName()));
        assertTrue(named.size() >= 19, "found " + named);
        assertEquals(named, listed, "a type read through Json is missing from STORED, or gone");
    }

    @Test
    void everyStoredTypeIsWrittenAsJacksonWroteItAndReadsBackTheSame() throws Exception {
        int checked = 0;
        Set<Object> possible = new LinkedHashSet<>(), shown = new LinkedHashSet<>();
        for (Class<? extends Record> type : STORED) {
            List<Object> samples = samples(type);
            assertTrue(samples.size() >= 2, type + " gave " + samples.size() + " samples");
            possibleEnums(type, new LinkedHashSet<>(), possible);
            for (Object value : samples) collectEnums(value, shown);
            for (Object value : samples) {
                String theirs = JACKSON.writeValueAsString(value);
                String ours = Json.write(value);
                String what = type.getSimpleName() + " " + theirs;
                assertEquals(JACKSON.readTree(theirs), JACKSON.readTree(ours), what);
                assertEquals(theirs, ours, what);
                Object back = Json.read(theirs, type);
                assertEquals(JACKSON.readValue(theirs, type), back, what);
                assertEquals(value, back, what);
                checked++;
            }
        }
        assertTrue(checked > 150, "only " + checked + " samples");
        possible.removeAll(shown);
        assertEquals(Set.of(), possible, "enum constants no sample shows");
    }

    @Test
    void missingPropertiesReadAsJacksonReadThemAndUnknownOnesAreSkipped() throws Exception {
        for (Class<? extends Record> type : STORED) {
            Object full = samples(type).get(0);
            for (RecordComponent c : type.getRecordComponents()) {
                ObjectNode tree = (ObjectNode) JACKSON.readTree(JACKSON.writeValueAsString(full));
                tree.remove(c.getName());
                tree.putObject("retired").putArray("deep").addObject().put("x", 1);
                tree.put("alsoRetired", "text");
                String json = JACKSON.writeValueAsString(tree);
                Object jackson;
                try {
                    jackson = JACKSON.readValue(json, type);
                } catch (IOException refusedByTheRecord) {
                    // a compact constructor that needs this component: ours must refuse it too
                    String name = c.getName();
                    Class<?> t = type;
                    assertThrowsIllegalState(() -> Json.read(json, t), type + " without " + name);
                    continue;
                }
                assertEquals(jackson, Json.read(json, type), type + " without " + c.getName());
            }
        }
    }

    @Test
    void textJacksonWouldAlsoReadIsReadTheSame() throws Exception {
        // Dates as an older writer might have left them, numbers as text, and blank text for a
        // date.
        ObjectNode meeting =
                (ObjectNode)
                        JACKSON.readTree(JACKSON.writeValueAsString(samples(Meeting.class).get(0)));
        meeting.put("date", "2026-03-29T10:15:30");
        meeting.put("time", "09:30");
        meeting.put("plannedAt", "2026-03-29T01:00:00.5Z");
        meeting.put("minutes", "90");
        meeting.put("version", 3.0);
        meeting.put("papersDue", "");
        String json = JACKSON.writeValueAsString(meeting);
        Meeting expected = JACKSON.readValue(json, Meeting.class);
        assertEquals(expected, Json.read(json, Meeting.class));
        assertEquals(90, expected.minutes());
    }

    @Test
    void aFailureNamesWhereButNeverTheValue() {
        String json = "{\"id\":\"d\",\"startedAt\":\"alex@example.org\"}";
        IllegalStateException e =
                assertThrowsIllegalState(() -> Json.read(json, ApplicationDraft.class), json);
        assertFalse(e.getMessage().contains("alex"), e.getMessage());
        assertTrue(e.getMessage().contains("ApplicationDraft.startedAt"), e.getMessage());
        String status = "{\"reference\":\"r\",\"status\":\"alex@example.org\"}";
        IllegalStateException s =
                assertThrowsIllegalState(() -> Json.read(status, Application.class), status);
        assertFalse(s.getMessage().contains("alex"), s.getMessage());
    }

    private static IllegalStateException assertThrowsIllegalState(
            org.junit.jupiter.api.function.Executable run, String what) {
        return org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, run, what);
    }

    // ---- samples by reflection ----

    private static final int FULL = 0, EMPTY = 1, ALL_NULL = 2;

    /**
     * The samples of one record type: every component filled; every collection empty and text blank; everything
     * that may be null null; each component null in turn; and one round per constant of its enums. A combination a
     * record's own rules refuse is tried again with other numbers, flags and text, and left out if none fits.
     */
    private static List<Object> samples(Class<?> type) throws Exception {
        List<Object> out = new ArrayList<>();
        int rounds = 3 + enumRounds(type, new LinkedHashSet<>());
        for (int variant = 0; variant < rounds; variant++) add(out, record(type, variant, -1, 0));
        for (int j = 0; j < type.getRecordComponents().length; j++)
            if (!type.getRecordComponents()[j].getType().isPrimitive())
                add(out, record(type, FULL, j, 0));
        return out;
    }

    private static void add(List<Object> samples, Object sample) {
        if (sample != null && !samples.contains(sample)) samples.add(sample);
    }

    /** How many variants it takes for every enum reachable from {@code type} to show each of its constants. */
    private static int enumRounds(Type type, Set<Type> seen) {
        if (!seen.add(type)) return 0;
        if (type instanceof ParameterizedType p) {
            int most = 0;
            for (Type a : p.getActualTypeArguments()) most = Math.max(most, enumRounds(a, seen));
            return most;
        }
        Class<?> c = (Class<?>) type;
        if (c.isEnum()) return c.getEnumConstants().length;
        int most = 0;
        if (c.isRecord())
            for (RecordComponent rc : c.getRecordComponents())
                most = Math.max(most, enumRounds(rc.getGenericType(), seen));
        return most;
    }

    /** The record for {@code variant} with component {@code nullAt} null (-1: none), or null if its rules refuse. */
    private static Object record(Class<?> type, int variant, int nullAt, int depth)
            throws Exception {
        RecordComponent[] cs = type.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) types[i] = cs[i].getType();
        Constructor<?> k = type.getDeclaredConstructor(types);
        k.setAccessible(true);
        for (int flags = 0; flags < 64; flags++) {
            Object[] args = new Object[cs.length];
            for (int i = 0; i < cs.length; i++)
                args[i] =
                        i == nullAt
                                ? null
                                : value(
                                        cs[i].getGenericType(),
                                        cs[i].getName(),
                                        variant,
                                        i,
                                        depth,
                                        flags);
            try {
                return k.newInstance(args);
            } catch (InvocationTargetException refused) {
                // try the next combination
            }
        }
        return null;
    }

    /**
     * flags: 1 numbers zero, 2 booleans flipped, 4 no blank text, 8 nested records in their full variant, 16 text
     * that is a month (an export's id), 32 text that is an id and an e-mail address (a panel member's).
     */
    private static Object value(Type type, String name, int variant, int i, int depth, int flags)
            throws Exception {
        Class<?> c =
                type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        boolean nulls = variant == ALL_NULL;
        if (c == int.class) return nulls || (flags & 1) != 0 ? 0 : 3 + i;
        if (c == long.class) return nulls || (flags & 1) != 0 ? 0L : 1_000_000_000_123L + i;
        if (c == boolean.class) return (variant % 2 == 0) != ((flags & 2) != 0);
        if (nulls
                && !List.class.isAssignableFrom(c)
                && !Map.class.isAssignableFrom(c)
                && !Set.class.isAssignableFrom(c)) return null;
        if (c == String.class && (flags & 16) != 0) return "2026-" + (10 + i % 3);
        if (c == String.class && (flags & 32) != 0)
            return name + i + "-" + variant + "@example.org";
        if (c == String.class)
            return variant == EMPTY && (flags & 4) == 0
                    ? ""
                    : name + " \"quoted\" \\ £5 – naïve 🙂\n\t<b>&" + i + "/" + variant;
        if (c == Instant.class)
            return switch ((variant + i) % 4) {
                case 0 -> Instant.parse("2026-03-29T01:00:00Z");
                case 1 -> Instant.parse("2026-10-25T01:59:59.123Z");
                case 2 -> Instant.parse("2025-12-31T23:59:59.123456789Z");
                default -> Instant.parse("2026-06-01T12:30:00.100200Z");
            };
        if (c == LocalDate.class) return LocalDate.of(2026, 1 + (variant + i) % 12, 1 + i % 28);
        if (c == LocalTime.class)
            return switch ((variant + i) % 4) {
                case 0 -> LocalTime.of(10, 0);
                case 1 -> LocalTime.of(9, 30, 15);
                case 2 -> LocalTime.of(18, 5, 0, 500_000_000);
                default -> LocalTime.of(0, 0, 0, 1);
            };
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[(variant + i) % constants.length];
        }
        if (c.isRecord())
            return depth > 4 ? null : record(c, (flags & 8) != 0 ? FULL : variant, -1, depth + 1);
        if (List.class.isAssignableFrom(c) || Set.class.isAssignableFrom(c)) {
            java.util.Collection<Object> out =
                    Set.class.isAssignableFrom(c) ? new LinkedHashSet<>() : new ArrayList<>();
            if (variant == EMPTY || nulls) return out;
            Type e = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (int n = 0; n < 2; n++)
                out.add(value(e, name + n, variant + n, i + n, depth + 1, flags));
            return out;
        }
        if (Map.class.isAssignableFrom(c)) {
            Map<Object, Object> out = new LinkedHashMap<>();
            if (variant == EMPTY || nulls) return out;
            Type[] kv = ((ParameterizedType) type).getActualTypeArguments();
            Class<?> k = (Class<?>) kv[0];
            if (k.isEnum()) {
                for (Object constant : k.getEnumConstants())
                    out.put(
                            constant,
                            value(kv[1], name, variant, i + out.size(), depth + 1, flags));
            } else {
                for (int n = 0; n < 3; n++)
                    out.put(
                            name + ".key-" + n,
                            value(kv[1], name + n, variant, i + n, depth + 1, flags));
            }
            return out;
        }
        throw new AssertionError("No sample for " + type + " (" + name + "): add one");
    }

    /** Every constant of every enum the samples could hold, against those they do hold. */
    private static void collectEnums(Object v, Set<Object> into) throws Exception {
        if (v instanceof Enum<?> e) into.add(e);
        else if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                collectEnums(e.getKey(), into);
                collectEnums(e.getValue(), into);
            }
        } else if (v instanceof java.util.Collection<?> c) {
            for (Object o : c) collectEnums(o, into);
        } else if (v instanceof Record r)
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                rc.getAccessor().setAccessible(true);
                collectEnums(rc.getAccessor().invoke(r), into);
            }
    }

    private static void possibleEnums(Type type, Set<Type> seen, Set<Object> into) {
        if (!seen.add(type)) return;
        if (type instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) possibleEnums(a, seen, into);
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c.isEnum()) into.addAll(List.of(c.getEnumConstants()));
        if (c.isRecord())
            for (RecordComponent rc : c.getRecordComponents())
                possibleEnums(rc.getGenericType(), seen, into);
    }
}
