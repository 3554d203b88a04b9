package org.involve.core.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.involve.core.kit.Hmac;

/**
 * The equal-opportunities short code: eight letters and digits a person can read out over the telephone or copy
 * from a letter ("7KXM-3QPA"), for reaching the same form as the long link. It leaves out 0, O, 1 and I, which are
 * easily mixed up. Like the link's token it is worked out from the application (its role and reference) with the
 * signing key, so the application page and the acknowledgement can show it without keeping it. What is kept is only
 * {@link #idOf its HMAC}, with the role and the link's token ({@link MonitoringCodes.Entry}), never the application.
 */
public final class MonitoringCode {
    /** 32 characters: 5 bits each, so 8 characters carry 40 bits. No 0, O, 1 or I. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static final int LENGTH = 8;

    /** How long a code can be used: as long as a round's answers are usually collected and counted. */
    public static final Duration LIFE = Duration.ofDays(180);

    private final Hmac hmac;
    private final MonitoringToken tokens;

    public MonitoringCode(String signingKey, MonitoringToken tokens) {
        this.hmac = new Hmac(signingKey);
        this.tokens = tokens;
    }

    /** The code for one application, grouped in fours: the same every time it is asked for. */
    public String forApplication(String roleId, String applicationReference) {
        byte[] b = hmac.sign("monitoring-code:" + roleId + ":" + applicationReference);
        long bits = 0;
        for (int i = 0; i < 5; i++) bits = (bits << 8) | (b[i] & 0xff);
        StringBuilder code = new StringBuilder();
        for (int i = LENGTH - 1; i >= 0; i--) {
            code.append(ALPHABET.charAt((int) ((bits >>> (5 * i)) & 31)));
            if (i == LENGTH / 2) code.append('-');
        }
        return code.toString();
    }

    /**
     * A code as someone typed it, in capitals without spaces or dashes, if it could be one. Lower case, spaces and
     * dashes are forgiven; a character a code never has (0, O, 1, I, other symbols) means it is not a code.
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null) return Optional.empty();
        String s = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-\u2010-\u2015]", "");
        if (s.length() != LENGTH) return Optional.empty();
        for (char c : s.toCharArray()) if (ALPHABET.indexOf(c) < 0) return Optional.empty();
        return Optional.of(s);
    }

    /** What is kept in place of a code (normalised): its HMAC, so the table of codes holds no code. */
    public String idOf(String normalisedCode) {
        return hmac.signUrlSafe("monitoring-code-id:" + normalisedCode, 24);
    }

    /**
     * What is kept for one application's code: the code's HMAC, the role and the form link's token (which leads to the
     * answers' key only with the monitoring key), usable until {@link #LIFE} after the application came.
     */
    public MonitoringCodes.Entry entryFor(
            String roleId, String applicationReference, Instant submittedAt) {
        String code = normalise(forApplication(roleId, applicationReference)).orElseThrow();
        return new MonitoringCodes.Entry(
                idOf(code),
                roleId,
                tokens.forApplication(roleId, applicationReference),
                submittedAt.plus(LIFE));
    }
}
