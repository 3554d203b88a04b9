package org.involve.core.role;

/** One statement the applicant answers and the panel scores. */
public record Criterion(String id, String statement, boolean essential) {
    public Criterion {
        if (id == null || !id.matches("[a-z0-9-]{1,40}"))
            throw new IllegalArgumentException("Criterion id must be short lower-case words");
        if (statement == null || statement.isBlank())
            throw new IllegalArgumentException("Criterion needs a statement");
    }
}
