package org.involve.adapters;

import java.util.Optional;

/**
 * Function settings: Lambda passes them as environment variables (from template.yaml); the local runtime,
 * which runs every function in one JVM, passes them as system properties of the same names.
 */
public final class Settings {
    private Settings() {}

    public static Optional<String> optional(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) v = System.getProperty(name);
        return Optional.ofNullable(v).filter(s -> !s.isBlank());
    }

    public static String optional(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    public static String required(String name) {
        return optional(name)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "Setting "
                                                + name
                                                + " is missing: set it in template.yaml"));
    }
}
