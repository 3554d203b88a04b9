package org.involve.core.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.junit.jupiter.api.Test;

/** The reference facts keep the names and values stored applications already use. */
class ReferenceFactsTest {
    private static final Instant AT = Instant.parse("2025-03-03T09:00:00Z");
    private final Application app =
            TestApplications.submitted(
                    TestRoles.monthly(LocalDate.of(2025, 2, 1)),
                    "INV-AAAA-1111",
                    AT.minusSeconds(86400 * 30));

    @Test
    void aResultIsStoredWithItsNoteAndEachRefereesRequest() {
        ReferenceRequest one = ReferenceRequest.requested("request-one-0000000000", app, 1, AT, AT);
        ReferenceRequest two = ReferenceRequest.requested("request-two-0000000000", app, 2, AT, AT);
        assertEquals(
                Map.of(
                        "references.interviewResult",
                        "successful",
                        "references.resultRecordedAt",
                        "2025-03-03T09:00:00Z",
                        "references.interviewNote",
                        "Strong",
                        "references.1.request",
                        one.id(),
                        "references.2.request",
                        two.id()),
                ReferenceFacts.interviewResult(true, "Strong", AT, List.of(one, two)));
        assertEquals(
                Map.of(
                        "references.interviewResult",
                        "unsuccessful",
                        "references.resultRecordedAt",
                        "2025-03-03T09:00:00Z"),
                ReferenceFacts.interviewResult(false, "", AT, List.of()));
        assertEquals(
                Map.of("references.receivedAt", "2025-03-03T09:00:00Z"),
                ReferenceFacts.allReceived(AT));
    }

    @Test
    void whatWasStoredReadsBackInRefereeOrder() {
        ReferenceRequest one = ReferenceRequest.requested("request-one-0000000000", app, 1, AT, AT);
        ReferenceRequest two = ReferenceRequest.requested("request-two-0000000000", app, 2, AT, AT);
        ReferenceFacts f =
                ReferenceFacts.of(
                        app.after(
                                Application.Status.REFERENCES_REQUESTED,
                                ReferenceFacts.interviewResult(true, "", AT, List.of(two, one))));
        assertTrue(f.resultRecorded() && f.interviewSuccessful());
        assertEquals(List.of(one.id(), two.id()), f.requestIds());
        assertNull(f.interviewNote());
        assertFalse(ReferenceFacts.of(app).resultRecorded());
    }
}
