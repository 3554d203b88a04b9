package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PauseReturns;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/**
 * A pause ends on its return date: the partner pauses from their link with a return date (the sample form: 1 September
 * 2025), and the morning tenure review job brings them back on that UK date, as their own "Come back" would.
 */
class PauseReturnEventsTest {
    private final TenureFixture f = new TenureFixture(Instant.parse("2025-03-03T10:00:00Z"));
    private final MutableClock clock = f.clock;
    private final Round r = f.r;
    private final Role role = f.role;
    private final YourInvolvementHandler partnerPages = f.partnerPages(null);
    private final String id = f.appoint(role, LocalDate.of(2025, 1, 6));

    @SuppressWarnings("unchecked")
    private Map<String, Object> morningRun(String at) {
        clock.set(Instant.parse(at));
        return new TenureReviewHandler(f.jobs, null, new PauseReturns(r.partners, f.changes), clock)
                .handleRequest(
                        SampleEvents.use("schedule-tenure-review.json", Map.class, Map.of()), null);
    }

    private List<OutboxMessage> teamNotices() {
        return f.sent("partner-changed");
    }

    @Test
    void theMorningJobBringsThePartnerBackOnTheirReturnDateOnce() {
        assertEquals(
                303,
                f.partner(partnerPages, "http-post-your-involvement-pause.json", id, "pause")
                        .getStatusCode());
        assertEquals(PartnerStatus.PAUSED, r.partners.appointments.get(id).status());
        int noticesAfterPausing = teamNotices().size();

        // 06:30 BST on 31 August 2025: not yet
        assertEquals(0, morningRun("2025-08-31T05:30:00Z").get("backFromPause"));
        assertEquals(PartnerStatus.PAUSED, r.partners.appointments.get(id).status());

        // 06:30 BST on 1 September 2025, the date they gave
        Map<String, Object> summary = morningRun("2025-09-01T05:30:00Z");
        assertEquals(1, summary.get("backFromPause"));
        assertEquals(0, summary.get("ended"), "the tenure review runs as before");
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(id).status());
        assertEquals(null, r.partners.involvements.get(id).returnDate());
        List<AuditEntry> trail = r.audit.trailOf("appointment:" + id);
        AuditEntry back = trail.get(trail.size() - 1);
        assertEquals("scheduler:pause-return", back.who());
        assertEquals("ACTIVE", back.toState());
        assertEquals(noticesAfterPausing + 1, teamNotices().size());
        String notice = teamNotices().get(teamNotices().size() - 1).email().text();
        assertTrue(
                notice.contains("has come back from a pause on the return date they gave"), notice);

        assertEquals(0, morningRun("2025-09-01T05:45:00Z").get("backFromPause"), "twice");
        assertEquals(0, morningRun("2025-09-02T05:30:00Z").get("backFromPause"));
        assertEquals(noticesAfterPausing + 1, teamNotices().size());

        String page = f.partner(partnerPages, "http-get-your-involvement.json", id, "").getBody();
        assertFalse(page.contains("Your role is paused"), page);
        assertTrue(page.contains("Pause my role"), "they can pause again: " + page);
    }
}
