package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.junit.jupiter.api.Test;

/** The team's facts keep the names stored applications already use. */
class HandlingFactsTest {
    @Test
    void eachStepIsStoredUnderTheApplicationsNames() {
        assertEquals(
                Map.of("applications.channel", "post", "applications.enteredByName", "Sam Staff"),
                HandlingFacts.entered("post", "Sam Staff"));
        assertEquals(
                Map.of("applications.acknowledged", "By letter"),
                HandlingFacts.acknowledged("By letter"));
        assertEquals(
                Map.of(
                        "applications.talkFirst",
                        "Goes ahead.",
                        "applications.talkFirstBy",
                        "Sam Staff on 1 May 2025"),
                HandlingFacts.talkedFirst("Goes ahead.", "Sam Staff on 1 May 2025"));
    }

    @Test
    void whatWasStoredReadsBack() {
        Application online =
                TestApplications.submitted(
                        TestRoles.monthly(LocalDate.of(2025, 2, 1)),
                        "INV-AAAA-1111",
                        Instant.parse("2025-01-10T10:00:00Z"));
        assertFalse(HandlingFacts.of(online).enteredByStaff());
        HandlingFacts f =
                HandlingFacts.of(
                        online.after(
                                online.status(), HandlingFacts.entered("telephone", "Sam Staff")));
        assertTrue(f.enteredByStaff());
        assertEquals(new HandlingFacts("telephone", "Sam Staff", null, null, null, null), f);
    }
}
