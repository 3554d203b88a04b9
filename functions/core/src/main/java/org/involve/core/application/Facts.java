package org.involve.core.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reading and writing an application's stored facts, for the areas' typed fact records ({@code InterviewFacts},
 * {@code ReferenceFacts}...), which are the only classes that name a fact. Values are stored as text: instants and
 * dates in ISO form, numbers in decimal. A fact never recorded reads as null.
 */
public final class Facts {
    private Facts() {}

    public static String text(Application a, String name) {
        String v = a.progress(name);
        return v.isEmpty() ? null : v;
    }

    public static Instant instant(Application a, String name) {
        String v = a.progress(name);
        return v.isBlank() ? null : Instant.parse(v);
    }

    public static LocalDate date(Application a, String name) {
        String v = a.progress(name);
        return v.isBlank() ? null : LocalDate.parse(v);
    }

    public static Integer number(Application a, String name) {
        String v = a.progress(name);
        return v.isBlank() ? null : Integer.valueOf(v);
    }

    /** A step's facts as stored, in the order put; a null value is left out (that step does not record it). */
    public static final class Written {
        private final Map<String, String> facts = new LinkedHashMap<>();

        public Written put(String name, Object value) {
            if (value != null) facts.put(name, value.toString());
            return this;
        }

        public Map<String, String> map() {
            return Map.copyOf(facts);
        }
    }

    public static Written written() {
        return new Written();
    }
}
