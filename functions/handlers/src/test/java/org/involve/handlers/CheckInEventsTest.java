package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.role.Role;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInDesk;
import org.involve.core.tenure.CheckInJobs;
import org.involve.core.tenure.CheckInLetters;
import org.involve.core.tenure.TenureJobs;
import org.junit.jupiter.api.Test;

/** The annual check-in: asked by the daily tenure job, answered from the partner's link, recorded by staff. */
class CheckInEventsTest {
    private final TenureFixture f = new TenureFixture(Instant.parse("2026-06-30T05:30:00Z"));
    private final MutableClock clock = f.clock;
    private final Round r = f.r;
    private final PartnerChanges changes = f.changes;
    private final TenureJobs jobs = f.jobs;
    private final Role role = f.role;
    private final CheckInLetters checkInLetters =
            new CheckInLetters(TestPartnerLetters.letters(TenureFixture.SITE), TenureFixture.SITE);
    private final CheckInJobs checkInJobs =
            new CheckInJobs(r.checkIns, changes, r.roles, checkInLetters);
    private final CheckInDesk checkInDesk =
            new CheckInDesk(r.checkIns, changes, r.roles, checkInLetters, clock);
    private final StaffPartnersHandler staffPages = f.staffPages(checkInDesk);
    private final YourInvolvementHandler partnerPages = f.partnerPages(checkInDesk);

    private String appoint(LocalDate start) {
        return f.appoint(role, start);
    }

    private List<OutboxMessage> sent(String purpose) {
        return f.sent(purpose);
    }

    private APIGatewayV2HTTPResponse partner(String event, String id) {
        return f.partner(partnerPages, event, id, "check-in");
    }

    private APIGatewayV2HTTPResponse staff(String event, String id, String version) {
        return f.staff(staffPages, role, event, id, "check-in", version);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run() {
        return new TenureReviewHandler(jobs, checkInJobs, clock)
                .handleRequest(
                        SampleEvents.use("schedule-tenure-review.json", Map.class, Map.of()), null);
    }

    @Test
    void theMorningJobAsksOnTheAnniversaryOnceAndChasesOnce() {
        appoint(LocalDate.of(2025, 7, 1));
        // 06:30 BST on 30 June 2026: the anniversary is tomorrow
        assertEquals(0, run().get("checkInsAsked"));
        clock.set(Instant.parse("2026-07-01T05:30:00Z"));
        assertEquals(1, run().get("checkInsAsked"));
        assertEquals(0, run().get("checkInsAsked"));
        assertEquals(1, sent("checkin-ask").size());
        assertEquals(1, sent("checkin-team-ask").size());
        clock.set(Instant.parse("2026-07-15T05:30:00Z"));
        assertEquals(1, run().get("checkInsChased"));
        assertEquals(0, run().get("checkInsChased"));
        assertEquals(1, sent("checkin-chase").size());
    }

    @Test
    void thePartnerAnswersFromTheirLinkAndStaffRecordTheConversation() {
        String id = appoint(LocalDate.of(2025, 7, 1));
        assertTrue(
                partner("http-get-your-involvement-step.json", id)
                        .getBody()
                        .contains("There is nothing to answer at the moment"));
        clock.set(Instant.parse("2026-07-01T05:30:00Z"));
        run();
        clock.set(Instant.parse("2026-07-02T09:00:00Z"));
        assertTrue(
                partner("http-get-your-involvement.json", id)
                        .getBody()
                        .contains("Tell us how it is going"));
        var form = partner("http-get-your-involvement-step.json", id);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Do you need any support?"), form.getBody());
        var invalid = partner("http-post-your-involvement-check-in-invalid.json", id);
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getBody().contains("nhsuk-error-summary"), invalid.getBody());
        assertTrue(invalid.getBody().contains("Tell us how it is going"));
        assertTrue(invalid.getBody().contains("Papers in large print"), "nothing typed is lost");
        var answered = partner("http-post-your-involvement-check-in.json", id);
        assertEquals(303, answered.getStatusCode());
        assertTrue(answered.getHeaders().get("Location").endsWith("?done=answered"));
        assertEquals(1, sent("checkin-answered").size());
        assertEquals(
                "Going well, I enjoy the meetings",
                r.checkIns.find(id, 1).orElseThrow().howGoing());

        CheckIn c = r.checkIns.find(id, 1).orElseThrow();
        var page = staff("http-get-staff-partner-step.json", id, c.formVersion());
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Papers in large print"), page.getBody());
        var stale = staff("http-post-staff-partner-check-in.json", id, "1");
        assertEquals(409, stale.getStatusCode());
        var recorded = staff("http-post-staff-partner-check-in.json", id, c.formVersion());
        assertEquals(303, recorded.getStatusCode());
        assertTrue(
                recorded.getHeaders().get("Location").endsWith("/check-in?done=checkIn.recorded"));
        CheckIn held = r.checkIns.find(id, 1).orElseThrow();
        assertTrue(held.held());
        assertTrue(held.notes().startsWith("Talked by phone."), held.notes());
        assertFalse(
                partner("http-get-your-involvement.json", id)
                        .getBody()
                        .contains("Tell us how it is going"));
    }
}
