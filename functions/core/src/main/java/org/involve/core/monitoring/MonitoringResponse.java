package org.involve.core.monitoring;

import java.util.Map;

/**
 * Equal-opportunities answers: kept apart, under the role (for aggregate reports and for deleting a role's answers when
 * they are due) and a key only the monitoring key can work out from an application ({@link MonitoringKey}). No time is
 * kept: when the answers came could be matched to when an application came.
 */
public record MonitoringResponse(String answerKey, String roleId, Map<String, String> answers) {
    public MonitoringResponse {
        answers = Map.copyOf(answers);
    }
}
