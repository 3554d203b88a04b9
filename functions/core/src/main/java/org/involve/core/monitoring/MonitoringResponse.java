package org.involve.core.monitoring;

import java.time.Instant;
import java.util.Map;

/** Equal-opportunities answers: kept apart, linked to nothing but an opaque token and the role for aggregate reports. */
public record MonitoringResponse(
        String token, String roleId, Map<String, String> answers, Instant submittedAt) {
    public MonitoringResponse {
        answers = Map.copyOf(answers);
    }
}
