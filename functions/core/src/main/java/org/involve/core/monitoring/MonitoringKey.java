package org.involve.core.monitoring;

import org.involve.core.kit.Hmac;

/**
 * Where one application's equal-opportunities answers are kept: the role, and a key worked out from the form link's
 * token with the monitoring key. Only the monitoring form (to write) and the equality report and data-protection
 * work (to read) hold the monitoring key, so nobody holding the applications and the monitoring table can join them:
 * the table holds no reference, no token and nothing else an application holds but the role.
 */
public final class MonitoringKey {
    private final Hmac hmac;
    private final MonitoringToken tokens;

    /**
     * @param monitoringKey the secret only the form and the report hold
     * @param tokens the form links' tokens, to work out an application's token from its reference
     */
    public MonitoringKey(String monitoringKey, MonitoringToken tokens) {
        this.hmac = new Hmac(monitoringKey);
        this.tokens = tokens;
    }

    /** The key of the answers given through the link with this token. */
    public String forToken(String token) {
        return hmac.signUrlSafe("monitoring-answers:" + token, 24);
    }

    /** The key of one application's answers, if it gave any. */
    public String forApplication(String roleId, String applicationReference) {
        return forToken(tokens.forApplication(roleId, applicationReference));
    }
}
