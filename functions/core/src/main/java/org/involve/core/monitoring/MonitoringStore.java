package org.involve.core.monitoring;

/** Write-only: nothing that serves staff or panels can read equal-opportunities answers back. */
public interface MonitoringStore {
    /** @return false when answers were already recorded under this key (they are not overwritten). */
    boolean record(MonitoringResponse response);
}
