package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** The partner record's staff events: the record with its history, what staff record, and acting for a partner. */
class StaffPartnerRecordEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final Round r = new Round();
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("http://localhost:3000"),
                    clock);
    private final StaffPartnersHandler handler =
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
                    r.audit);
    private final Role role =
            r.role(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 20))
                            .withStatus(RoleStatus.SHORTLISTING));
    private final Application app =
            r.applicant(role, Application.Status.REFERENCES_RECEIVED, "telephone", Map.of());
    private final String id = appoint();

    private String appoint() {
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2025, 4, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        clock.instant()))
                        .appointment();
        assertTrue(r.partners.appoint(app, a, Map.of(), List.of(), List.of()));
        return a.id();
    }

    private APIGatewayV2HTTPResponse call(String event, Map<String, String> more) {
        Map<String, String> v =
                new HashMap<>(
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_REFERENCE",
                                app.reference(),
                                "SAMPLE_VERSION",
                                changes.partner(id).version()));
        v.putAll(more);
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, Map.of());
    }

    @Test
    void staffRecordTheInductionAndSeeItInTheHistory() {
        var form = call("http-get-staff-partner-step.json", Map.of("SAMPLE_STEP", "induction"));
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Record induction done"));
        assertTrue(form.getBody().contains("For Applicant Number1"));

        var done = call("http-post-staff-partner-induction.json");
        assertEquals(303, done.getStatusCode());
        assertEquals(
                "/staff/partners/" + role.id() + "/" + app.reference() + "?done=staff.induction",
                done.getHeaders().get("Location"));
        assertEquals(LocalDate.of(2025, 3, 3), r.partners.involvements.get(id).inductionDone());
        var again = call("http-post-staff-partner-induction.json");
        assertEquals(409, again.getStatusCode());
        assertTrue(again.getBody().contains("Their induction is already recorded."));
        assertFalse(again.getBody().contains("Record induction done"), "no form to be refused");
        var recorded = call("http-get-staff-partner-step.json", Map.of("SAMPLE_STEP", "induction"));
        assertTrue(recorded.getBody().contains("Their induction is already recorded."));
        assertFalse(recorded.getBody().contains("<form method=\"post\""));
        assertFalse(call("http-get-staff-partner.json").getBody().contains("/induction\""));
        assertTrue(r.outbox.messages().isEmpty(), "the team is not told of its own change");
    }

    @Test
    void staffPauseForAPartnerWhoChoseTheTelephoneAndTheRecordShowsEveryChange() {
        assertEquals(303, call("http-post-staff-partner-pause.json").getStatusCode());
        assertEquals(PartnerStatus.PAUSED, r.partners.appointments.get(id).status());
        String record = call("http-get-staff-partner.json").getBody();
        for (String expected :
                List.of(
                        "Paused until 1 September 2025",
                        "They asked to be contacted by telephone",
                        "Bring them back from a pause",
                        "History",
                        "paused until 2025-09-01",
                        "local-sam-staff",
                        "Active to Paused",
                        "Captions on video calls",
                        "Not agreed yet")) assertTrue(record.contains(expected), expected);
    }

    @Test
    void aPartnerWhoHasLeftKeepsTheClaimLinkOnTheirRecordAndStaffAreToldInStaffWords() {
        changes.act(
                PartnerChanges.Actor.partner(),
                id,
                PartnerChanges.RETIRE,
                Map.of("confirm", "yes"));
        String record = call("http-get-staff-partner.json").getBody();
        assertFalse(record.contains("Record or change something for them"), "no change links");
        assertTrue(
                record.contains(
                        "they can still claim for costs and time up to their last day in the role, 3 March 2025"),
                record);
        assertTrue(record.contains("Make a claim for them"));
        var pause = call("http-post-staff-partner-pause.json");
        assertEquals(409, pause.getStatusCode());
        assertTrue(
                pause.getBody()
                        .contains(
                                "Their time in this role has ended, so this can no longer be changed on their record."));
        assertFalse(pause.getBody().contains("Contact the team"), "staff are the team");
        assertEquals(PartnerStatus.RETIRED, r.partners.appointments.get(id).status());
    }

    @Test
    void aStepFromAFormReadBeforeSomeoneElsesChangeSavesNothingAndShowsTheRecordAsItIsNow() {
        var form = call("http-get-staff-partner-step.json", Map.of("SAMPLE_STEP", "pause"));
        String read = changes.partner(id).version();
        assertTrue(form.getBody().contains("name=\"version\" value=\"" + read + "\""));
        // Someone else records the induction meanwhile.
        assertEquals(303, call("http-post-staff-partner-induction.json").getStatusCode());
        int entries = r.audit.trailOf("appointment:" + id).size();

        var stale = call("http-post-staff-partner-pause.json", Map.of("SAMPLE_VERSION", read));
        assertEquals(409, stale.getStatusCode());
        String body = stale.getBody();
        assertTrue(body.contains("nhsuk-error-summary"), body);
        assertTrue(body.contains("record while you were working on it"), body);
        assertTrue(
                body.contains("name=\"version\" value=\"" + changes.partner(id).version() + "\""),
                "the form as the record is now");
        assertTrue(body.contains("For Applicant Number1"));
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(id).status());
        assertEquals(entries, r.audit.trailOf("appointment:" + id).size(), "nothing audited");
    }

    @Test
    void badDetailsGetTheErrorSummaryAndChangeNothing() {
        var invalid = call("http-post-staff-partner-contact-invalid.json");
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getBody().contains("nhsuk-error-summary"));
        assertEquals("telephone", r.partners.involvements.get(id).contactMethod());
    }

    @Test
    void onlyStaffMayRecordForPartners() {
        assertEquals(403, call("http-post-staff-partner-induction-as-panel.json").getStatusCode());
        assertEquals(null, r.partners.involvements.get(id).inductionDone());
    }

    @Test
    void partnersAreListedByRoleAndStatus() {
        var list = call("http-get-staff-partners.json");
        assertEquals(200, list.getStatusCode());
        assertTrue(list.getBody().contains("Partners found: 1"));
        assertTrue(list.getBody().contains("Applicant Number1"));
    }
}
