package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.links.LinkPurpose;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.NewLinkRequests;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.YourInvolvement;
import org.involve.core.role.Role;
import org.involve.core.tenure.ImpactCount;
import org.involve.core.tenure.TenureDesk;
import org.involve.core.tenure.TenureJobs;
import org.involve.core.tenure.TenureLetters;
import org.junit.jupiter.api.Test;

/** The daily tenure review job, driven by its sample scheduler event. */
class TenureEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-10-02T05:30:00Z"));
    private final Round r = new Round();
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("http://localhost:3000"),
                    clock);
    private final TenureJobs jobs =
            new TenureJobs(
                    r.tenure,
                    changes,
                    r.roles,
                    r.meetings,
                    new TenureLetters(
                            TestPartnerLetters.letters("http://localhost:3000"),
                            "http://localhost:3000"),
                    ImpactCount.NOT_KEPT,
                    90);
    private final Role role = r.role(TestRoles.dayRate(LocalDate.of(2024, 11, 20)));
    private final TenureDesk desk =
            new TenureDesk(
                    r.tenure,
                    changes,
                    r.roles,
                    new TenureLetters(
                            TestPartnerLetters.letters("http://localhost:3000"),
                            "http://localhost:3000"),
                    clock);
    private final StaffPartnersHandler staffPages =
            new StaffPartnersHandler(
                    new Appointing(
                            r.roles,
                            r.round,
                            r.partners,
                            new OutcomeLetters("http://localhost:3000"),
                            TestPartnerLetters.letters("http://localhost:3000"),
                            clock),
                    changes,
                    new PartnerDirectory(r.partners, r.roles, changes),
                    r.audit,
                    (who, p) -> "",
                    desk);
    private final YourInvolvementHandler partnerPages =
            new YourInvolvementHandler(
                    new YourInvolvement(TestPartnerLetters.LINKS, changes, clock),
                    new NewLinkRequests(
                            r.partners,
                            r.roles,
                            TestPartnerLetters.letters("http://localhost:3000"),
                            r.outbox,
                            clock),
                    desk);

    private String appoint(LocalDate start) {
        return appoint(role, start);
    }

    private String appoint(Role role, LocalDate start) {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, start, true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        Instant.parse("2024-12-01T10:00:00Z")))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    private List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    private APIGatewayV2HTTPResponse partner(String event, String id) {
        String token =
                TestPartnerLetters.LINKS.issue(
                        LinkPurpose.PARTNER, id, clock.instant().plus(Duration.ofDays(30)));
        return partnerPages.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_TOKEN", token, "SAMPLE_STEP", "tenure-review")),
                null);
    }

    private APIGatewayV2HTTPResponse staff(String event, String id, String version) {
        return staff(role, event, id, version);
    }

    private APIGatewayV2HTTPResponse staff(Role role, String event, String id, String version) {
        return staffPages.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_REFERENCE",
                                r.partners.appointments.get(id).applicationReference(),
                                "SAMPLE_STEP",
                                "tenure-review",
                                "SAMPLE_VERSION",
                                version)),
                null);
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
