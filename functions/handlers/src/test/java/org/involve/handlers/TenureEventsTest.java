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
import org.involve.core.fakes.TestRoles;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.tenure.TenureJobs;
import org.junit.jupiter.api.Test;

/** The daily tenure review job, driven by its sample scheduler event. */
class TenureEventsTest {
    private final TenureFixture f = new TenureFixture(Instant.parse("2026-10-02T05:30:00Z"));
    private final MutableClock clock = f.clock;
    private final Round r = f.r;
    private final PartnerChanges changes = f.changes;
    private final TenureJobs jobs = f.jobs;
    private final Role role = f.role;
    private final StaffPartnersHandler staffPages = f.staffPages(null);
    private final YourInvolvementHandler partnerPages = f.partnerPages(null);

    private String appoint(LocalDate start) {
        return f.appoint(role, start);
    }

    private String appoint(Role role, LocalDate start) {
        return f.appoint(role, start);
    }

    private List<OutboxMessage> sent(String purpose) {
        return f.sent(purpose);
    }

    private APIGatewayV2HTTPResponse partner(String event, String id) {
        return f.partner(partnerPages, event, id, "tenure-review");
    }

    private APIGatewayV2HTTPResponse staff(String event, String id, String version) {
        return staff(role, event, id, version);
    }

    private APIGatewayV2HTTPResponse staff(Role role, String event, String id, String version) {
        return f.staff(staffPages, role, event, id, "tenure-review", version);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> run() {
        return new TenureReviewHandler(jobs, clock)
                .handleRequest(
                        SampleEvents.use("schedule-tenure-review.json", Map.class, Map.of()), null);
    }

    @Test
    void theMorningJobAsksOnceChasesOnceAndEndsOnTheDay() {
        String id = appoint(LocalDate.of(2025, 1, 1));
        appoint(LocalDate.of(2025, 9, 1));
        // 06:30 BST on 2 October 2026: the window for 1 January 2027 opens tomorrow
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());
        clock.set(Instant.parse("2026-10-03T05:30:00Z"));
        assertEquals(Map.of("asked", 1, "chased", 0, "ended", 0), run());
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());
        assertEquals(1, sent("tenure-ask").size());
        assertEquals(1, sent("tenure-team-ask").size());

        clock.set(Instant.parse("2026-10-17T05:30:00Z"));
        assertEquals(Map.of("asked", 0, "chased", 1, "ended", 0), run());
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());

        // 06:30 GMT on 1 January 2027
        clock.set(Instant.parse("2027-01-01T06:30:00Z"));
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 1), run());
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());
        assertEquals(PartnerStatus.ENDED, r.partners.appointments.get(id).status());
        assertEquals(1, sent("tenure-thanks").size());
        assertEquals(1, sent("tenure-team-ended").size());
    }

    @Test
    void thePartnerAnswersFromTheirLinkAndStaffAnswerAndExtendOnceFromTheRecord() {
        String id = appoint(LocalDate.of(2025, 1, 1));
        assertTrue(
                partner("http-get-your-involvement-step.json", id)
                        .getBody()
                        .contains("There is nothing to answer at the moment"));
        clock.set(Instant.parse("2026-10-03T05:30:00Z"));
        run();
        clock.set(Instant.parse("2026-10-05T09:00:00Z"));
        assertTrue(
                partner("http-get-your-involvement.json", id)
                        .getBody()
                        .contains("Tell us if you would like to carry on"));
        var form = partner("http-get-your-involvement-step.json", id);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Would you like to carry on?"), form.getBody());
        var invalid = partner("http-post-your-involvement-tenure-review-invalid.json", id);
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getBody().contains("Select yes if you would like to carry on"));
        var answered = partner("http-post-your-involvement-tenure-review.json", id);
        assertEquals(303, answered.getStatusCode());
        assertTrue(answered.getHeaders().get("Location").endsWith("?done=partnerYes"));
        assertEquals(1, sent("tenure-answered").size());
        assertFalse(
                partner("http-get-your-involvement.json", id)
                        .getBody()
                        .contains("Tell us if you would like to carry on"));

        String version = changes.partner(id).version();
        var record = staff("http-get-staff-partner-step.json", id, version);
        assertEquals(200, record.getStatusCode());
        assertTrue(record.getBody().contains("Would like to carry on"), record.getBody());
        var said = staff("http-post-staff-partner-tenure-review.json", id, version);
        assertEquals(303, said.getStatusCode());
        assertTrue(
                said.getHeaders().get("Location").endsWith("/tenure-review?done=tenure.staffYes"));

        var extended = staff("http-post-staff-partner-tenure-extend.json", id, version);
        assertEquals(303, extended.getStatusCode());
        assertEquals(LocalDate.of(2029, 1, 1), r.partners.appointments.get(id).termEnds());
        assertEquals(1, sent("tenure-extended").size());
        var stale = staff("http-post-staff-partner-tenure-extend.json", id, version);
        assertEquals(409, stale.getStatusCode());
        var again =
                staff(
                        "http-post-staff-partner-tenure-extend.json",
                        id,
                        changes.partner(id).version());
        assertEquals(409, again.getStatusCode());
        assertTrue(again.getBody().contains("has already been extended once"), again.getBody());
        assertEquals(LocalDate.of(2029, 1, 1), r.partners.appointments.get(id).termEnds());
    }

    @Test
    void aRoleWithAReviewDateIsAskedAboutTheReviewAndCarriedOnFromTheRecord() {
        // reviewed on 1 September 2027 (3 months after it closes), no term, 4 years at most
        Role reviewed = r.role(TestRoles.monthly(LocalDate.of(2027, 6, 1)));
        String id = appoint(reviewed, LocalDate.of(2025, 1, 1));
        // 06:30 BST on 3 June 2027, 90 days before the review date
        clock.set(Instant.parse("2027-06-03T05:30:00Z"));
        assertEquals(Map.of("asked", 1, "chased", 0, "ended", 0), run());
        assertTrue(
                sent("tenure-ask")
                        .get(0)
                        .email()
                        .text()
                        .contains("is due to be reviewed on 1 September 2027"));
        clock.set(Instant.parse("2027-06-05T09:00:00Z"));
        assertTrue(
                partner("http-get-your-involvement.json", id)
                        .getBody()
                        .contains("Your role is due to be reviewed"));
        var form = partner("http-get-your-involvement-step.json", id);
        assertTrue(
                form.getBody().contains("is due to be reviewed on 1 September 2027"),
                form.getBody());
        assertTrue(form.getBody().contains("No, I would like to stop on the review date"));
        assertEquals(
                303, partner("http-post-your-involvement-tenure-review.json", id).getStatusCode());

        String version = changes.partner(id).version();
        var record = staff(reviewed, "http-get-staff-partner-step.json", id, version);
        assertEquals(200, record.getStatusCode());
        String page = record.getBody();
        assertTrue(page.contains("Carry on to the next review"), page);
        assertTrue(page.contains("1 September 2028"), page);
        assertFalse(page.contains("Extend the term"), page);
        var carried = staff(reviewed, "http-post-staff-partner-tenure-extend.json", id, version);
        assertEquals(303, carried.getStatusCode());
        assertTrue(
                carried.getHeaders()
                        .get("Location")
                        .endsWith("/tenure-review?done=tenure.carriedOn"));
        assertEquals(LocalDate.of(2028, 9, 1), r.partners.appointments.get(id).reviewDate());
        assertEquals(1, sent("tenure-carried-on").size());
        // the old review date passes with nothing to do
        clock.set(Instant.parse("2027-09-01T05:30:00Z"));
        assertEquals(Map.of("asked", 0, "chased", 0, "ended", 0), run());
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(id).status());
    }
}
