package org.involve.core.withdrawal;

import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Facts;

/**
 * What a withdrawal records on an application, read and written here only (stored in its {@code progress} map under
 * {@code withdrawal.*}; the names and values must not change, stored applications use them).
 *
 * @param at   when it was withdrawn
 * @param by   {@link #APPLICANT_LINK}, or the sign-in id of the member of staff who recorded it
 * @param how  {@code link}, {@code telephone}, {@code post} or {@code email}: how the applicant told us
 * @param from the status it was withdrawn from
 */
public record WithdrawalFacts(Instant at, String by, String how, String from) {
    private static final String AT = "withdrawal.at",
            BY = "withdrawal.by",
            HOW = "withdrawal.how",
            FROM = "withdrawal.from";

    /** Who withdrew it, when the applicant used their link (never their name). */
    public static final String APPLICANT_LINK = "applicant-link";

    public static WithdrawalFacts of(Application a) {
        return new WithdrawalFacts(
                Facts.instant(a, AT), Facts.text(a, BY), Facts.text(a, HOW), Facts.text(a, FROM));
    }

    public Map<String, String> asFacts() {
        return Facts.written().put(AT, at).put(BY, by).put(HOW, how).put(FROM, from).map();
    }
}
