package org.involve.core.payroll;

import java.util.Optional;

/** Port: where export CSVs are kept (a private, encrypted bucket), by key. */
public interface ExportFiles {
    /** Stores {@code csv} under {@code key}, replacing what was there. */
    void store(String key, String csv);

    Optional<String> read(String key);
}
