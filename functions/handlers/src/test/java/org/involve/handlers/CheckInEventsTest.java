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
import org.involve.core.partners.YourInvolvement;
import org.involve.core.role.Role;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInDesk;
import org.involve.core.tenure.CheckInJobs;
import org.involve.core.tenure.CheckInLetters;
import org.involve.core.tenure.ImpactCount;
import org.involve.core.tenure.TenureDesk;
import org.involve.core.tenure.TenureJobs;
import org.involve.core.tenure.TenureLetters;
import org.junit.jupiter.api.Test;

/** The annual check-in: asked by the daily tenure job, answered from the partner's link, recorded by staff. */
class CheckInEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-30T05:30:00Z"));
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
    private final CheckInLetters checkInLetters =
            new CheckInLetters(
                    TestPartnerLetters.letters("http://localhost:3000"), "http://localhost:3000");
    private final CheckInJobs checkInJobs =
            new CheckInJobs(r.checkIns, changes, r.roles, checkInLetters);
    private final CheckInDesk checkInDesk =
            new CheckInDesk(r.checkIns, changes, r.roles, checkInLetters, clock);
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
                    desk,
                    checkInDesk);
    private final YourInvolvementHandler partnerPages =
            new YourInvolvementHandler(
                    new YourInvolvement(TestPartnerLetters.LINKS, changes, clock),
                    new NewLinkRequests(
                            r.partners,
                            r.roles,
                            TestPartnerLetters.letters("http://localhost:3000"),
                            r.outbox,
                            clock),
                    desk,
                    checkInDesk);

    private String appoint(LocalDate start) {
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
                        Map.of("SAMPLE_TOKEN", token, "SAMPLE_STEP", "check-in")),
                null);
    }

    private APIGatewayV2HTTPResponse staff(String event, String id, String version) {
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
                                "check-in",
                                "SAMPLE_VERSION",
                                version)),
                null);
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
