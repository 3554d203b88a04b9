package org.involve.core.monitoring;

import java.util.function.Supplier;
import org.involve.core.kit.KeyedHmac;

/**
 * Where one application's equal-opportunities answers are kept: the role, and a key worked out from the form link's
 * token with the monitoring key. Only the monitoring form (to write) and the equality report and data-protection
 * work (to read) hold the monitoring key, so nobody holding the applications and the monitoring table can join them:
 * the table holds no reference, no token and nothing else an application holds but the role.
 */
public final class MonitoringKey {
    private final KeyedHmac hmac;
    private final MonitoringToken tokens;

    /**
     * @param monitoringKey the secret only the form and the report hold
     * @param tokens the form links' tokens, to work out an application's token from its reference
     */
    public MonitoringKey(String monitoringKey, MonitoringToken tokens) {
        this.hmac = KeyedHmac.fixed(monitoringKey);
        this.tokens = tokens;
    }

    /** The monitoring key read when it is used (from the key store). */
    public MonitoringKey(Supplier<String> monitoringKey, MonitoringToken tokens) {
        this.hmac = new KeyedHmac(monitoringKey);
        this.tokens = tokens;
    }

    /** The key of the answers given through the link with this token. */
    public String forToken(String token) {
        return hmac.get().signUrlSafe("monitoring-answers:" + token, 24);
    }

    /** The key of one application's answers, if it gave any. */
    public String forApplication(String roleId, String applicationReference) {
        return forToken(tokens.forApplication(roleId, applicationReference));
    }
}
