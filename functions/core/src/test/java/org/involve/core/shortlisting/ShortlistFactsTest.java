package org.involve.core.shortlisting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.junit.jupiter.api.Test;

/** The shortlist facts keep the names and values stored applications already use. */
class ShortlistFactsTest {
    private static final Instant AT = Instant.parse("2025-02-03T09:00:00Z");

    @Test
    void invitedAndNotInvitedAreStoredUnderTheShortlistNames() {
        assertEquals(
                Map.of(
                        "shortlist.recordedAt",
                        "2025-02-03T09:00:00Z",
                        "shortlist.rank",
                        "2",
                        "shortlist.guaranteedInterview",
                        "yes"),
                ShortlistFacts.invited(AT, 2, true).asFacts());
        assertEquals(
                Map.of("shortlist.recordedAt", "2025-02-03T09:00:00Z", "shortlist.rank", "1"),
                ShortlistFacts.invited(AT, 1, false).asFacts());
        assertEquals(
                Map.of("shortlist.recordedAt", "2025-02-03T09:00:00Z"),
                ShortlistFacts.notInvited(AT).asFacts());
    }

    @Test
    void whatWasStoredReadsBackTyped() {
        Application a =
                TestApplications.submitted(
                        TestRoles.monthly(LocalDate.of(2025, 2, 1)),
                        "INV-AAAA-1111",
                        AT.minusSeconds(86400));
        ShortlistFacts invited =
                ShortlistFacts.of(
                        a.after(
                                Application.Status.INVITED_TO_INTERVIEW,
                                ShortlistFacts.invited(AT, 3, true).asFacts()));
        assertEquals(new ShortlistFacts(AT, 3, true), invited);
        ShortlistFacts none = ShortlistFacts.of(a);
        assertNull(none.recordedAt());
        assertNull(none.rank());
        assertFalse(none.guaranteedInterview());
        assertNull(
                ShortlistFacts.of(
                                a.after(
                                        Application.Status.NOT_SHORTLISTED,
                                        ShortlistFacts.notInvited(AT).asFacts()))
                        .rank());
    }
}
