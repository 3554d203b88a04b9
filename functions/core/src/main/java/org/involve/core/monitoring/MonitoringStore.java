package org.involve.core.monitoring;

import java.util.Optional;

/**
 * Write-only for the monitoring form: nothing that serves staff or panels can read equal-opportunities answers
 * back. The data protection function alone finds one application's answers, to show them to the person they are
 * about (subject access) or to erase them.
 */
public interface MonitoringStore {
    /** @return false when answers were already recorded for this token (they are not overwritten). */
    boolean record(MonitoringResponse response);

    /** The answers given with one application (by its reference), if any: for subject access only. */
    Optional<MonitoringResponse> answersFor(String roleId, String applicationId);

    /** Deletes the answers given with one application (by its reference): for erasure only. */
    void forget(String roleId, String applicationId);
}
