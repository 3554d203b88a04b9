package org.involve.core.shortlisting;

import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.Facts;

/**
 * What recording the shortlist records on an application, read from and written to its facts here only (stored in its
 * {@code progress} map under {@code shortlist.*}; the names and values must not change, stored applications use them).
 *
 * @param recordedAt          when the shortlist that moved it was decided; null before
 * @param rank                its place among those invited (1 is first), or null when not invited
 * @param guaranteedInterview invited under the guaranteed-interview scheme
 */
public record ShortlistFacts(Instant recordedAt, Integer rank, boolean guaranteedInterview) {
    private static final String RECORDED_AT = "shortlist.recordedAt",
            RANK = "shortlist.rank",
            GUARANTEED = "shortlist.guaranteedInterview";
    private static final String YES = "yes";

    public static ShortlistFacts of(Application a) {
        return new ShortlistFacts(
                Facts.instant(a, RECORDED_AT),
                Facts.number(a, RANK),
                YES.equals(a.progress(GUARANTEED)));
    }

    static ShortlistFacts invited(Instant recordedAt, int rank, boolean guaranteedInterview) {
        return new ShortlistFacts(recordedAt, rank, guaranteedInterview);
    }

    static ShortlistFacts notInvited(Instant recordedAt) {
        return new ShortlistFacts(recordedAt, null, false);
    }

    /** As stored: the guarantee only when it applies. */
    Map<String, String> asFacts() {
        return Facts.written()
                .put(RECORDED_AT, recordedAt)
                .put(RANK, rank)
                .put(GUARANTEED, guaranteedInterview ? YES : null)
                .map();
    }
}
