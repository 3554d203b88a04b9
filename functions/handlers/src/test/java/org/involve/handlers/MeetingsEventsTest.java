package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryClaims;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.meetings.MeetingJobs;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.Appointing;
import org.involve.core.outcomes.OutcomeLetters;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.AttendanceClaims;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** The meetings' staff events and its two scheduled jobs, over the in-memory stores. */
class MeetingsEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final Round r = new Round();
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("http://localhost:3000"),
                    clock);
    private final MeetingLetters letters =
            new MeetingLetters(
                    TestPartnerLetters.letters("http://localhost:3000"), "http://localhost:3000");
    private final MeetingPlans plans =
            new MeetingPlans(r.meetings, r.partners, changes, r.roles, letters, 7, clock);
    private final MeetingJobs jobs = new MeetingJobs(r.meetings, plans, r.roles, letters);
    private final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    private final StaffMeetingsHandler handler =
            new StaffMeetingsHandler(
                    plans, r.roles, changes, 7, clock, new AttendanceClaims(claims, clock));
    private final Role role =
            r.role(TestRoles.dayRate(LocalDate.of(2024, 1, 20)).withStatus(RoleStatus.FILLED));
    private final Application first = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
    private final Application second = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
    private final Application byPost =
            r.applicant(role, Application.Status.REFERENCES_RECEIVED, "post", Map.of());
    private final String firstId = appoint(first), secondId = appoint(second);
    private final String postId = appoint(byPost);
    private final String meetingId = role.id() + "-2025-03-10-1830";

    private String appoint(Application app) {
        return appoint(app, true);
    }

    private String appoint(Application app, boolean acceptsPayment) {
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(
                                                role,
                                                app,
                                                LocalDate.of(2024, 2, 1),
                                                acceptsPayment,
                                                false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        Instant.parse("2024-01-25T10:00:00Z")))
                        .appointment();
        assertTrue(r.partners.appoint(app, a, Map.of(), List.of(), List.of()));
        return a.id();
    }

    private APIGatewayV2HTTPResponse call(String event, String appointmentId) {
        Map<String, String> v =
                new HashMap<>(
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_MEETING",
                                meetingId,
                                "SAMPLE_APPOINTMENT",
                                appointmentId));
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, firstId);
    }

    private List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> schedule(ScheduledJob job, String event) {
        return job.handleRequest(SampleEvents.use(event, Map.class, Map.of()), null);
    }

    @Test
    void staffPlanAMeetingAndTheActivePartnersWhoChoseEmailAreInvited() {
        var groups = call("http-get-staff-meetings.json");
        assertEquals(200, groups.getStatusCode());
        assertTrue(groups.getBody().contains(role.title()));
        assertEquals(200, call("http-get-staff-meetings-role.json").getStatusCode());
        var form = call("http-get-staff-meetings-plan.json");
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Papers are sent 7 days before the meeting"));

        var planned = call("http-post-staff-meetings-plan.json");
        assertEquals(303, planned.getStatusCode());
        assertEquals(
                "/staff/meetings/" + role.id() + "/meeting/" + meetingId + "?done=planned",
                planned.getHeaders().get("Location"));
        assertEquals(2, sent("meeting-invitation").size());
        String invitation = sent("meeting-invitation").get(0).email().text();
        assertTrue(invitation.contains("10 March 2025 at 6:30pm"), invitation);
        assertTrue(
                invitation.contains("http://localhost:3000/your-involvement/")
                        || invitation.contains("https://involve.example/your-involvement/"),
                invitation);

        var page = call("http-get-staff-meeting.json");
        assertEquals(200, page.getStatusCode());
        for (String expected :
                List.of(
                        "10 March 2025 at 6:30pm",
                        "2 hours",
                        "Room 2, Trust Headquarters",
                        "https://papers.example/march",
                        first.answer("fullName"),
                        "Contact by post",
                        "You can record attendance once the meeting has started"))
            assertTrue(page.getBody().contains(expected), expected);
    }

    @Test
    void badInputShowsTheErrorSummaryAndKeepsWhatWasTyped() {
        var bad = call("http-post-staff-meetings-plan-invalid.json");
        assertEquals(400, bad.getStatusCode());
        for (String expected :
                List.of(
                        "There is a problem",
                        "<a href=\"#date-day\">The date of the meeting must be a real date",
                        "Enter the start time",
                        "Enter the length in minutes",
                        "Enter a place or a video link",
                        "half six",
                        "Read the draft")) assertTrue(bad.getBody().contains(expected), expected);
        assertTrue(r.meetings.meetings.isEmpty());
    }

    @Test
    void aDateOnlyPartlyGivenSaysWhatIsMissingMarksOnlyThoseBoxesAndKeepsTheRest() {
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        "http-post-staff-meetings-plan-invalid.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_ROLE", role.id()));
        e.setIsBase64Encoded(false);
        e.setBody(
                "date-day=&date-month=3&date-year=&time=6%3A30pm&minutes=120&place=Room+2&videoLink=&papers=");
        var bad = handler.handleRequest(e, null);
        assertEquals(400, bad.getStatusCode());
        String body = bad.getBody();
        assertTrue(
                body.contains(
                        "<a href=\"#date-day\">The date of the meeting must include a day and year</a>"),
                body);
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-2\" id=\"date-month\" name=\"date-month\" type=\"text\" inputmode=\"numeric\" value=\"3\">"),
                "the month given is kept and not marked");
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-2 nhsuk-input--error\" id=\"date-day\""));
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-4 nhsuk-input--error\" id=\"date-year\""));
        assertTrue(body.contains("value=\"6:30pm\""), "the rest of the form is kept");
        assertTrue(r.meetings.meetings.isEmpty());
    }

    @Test
    void aPanelMemberCannotSeeMeetings() {
        assertEquals(403, call("http-get-staff-meetings-as-panel.json").getStatusCode());
    }

    @Test
    void papersGoByTheDailyJobAndAttendanceIsRecordedAfterTheMeeting() {
        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        assertEquals(
                Map.of("meetings", 1, "emails", 2),
                schedule(new MeetingPapersHandler(jobs, clock), "schedule-meeting-papers.json"));
        assertEquals(
                Map.of("meetings", 0, "emails", 0),
                schedule(new MeetingPapersHandler(jobs, clock), "schedule-meeting-papers.json"));
        assertEquals(2, sent("meeting-papers").size());

        assertEquals(409, call("http-post-staff-meeting-attendance.json").getStatusCode());
        clock.set(Instant.parse("2025-03-10T21:00:00Z"));
        var form = call("http-get-staff-meeting-attendance.json");
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Sent apologies"));
        var invalid = call("http-post-staff-meeting-attendance-invalid.json");
        assertEquals(400, invalid.getStatusCode());
        assertTrue(invalid.getBody().contains("Enter the hours they gave"));

        var saved = call("http-post-staff-meeting-attendance.json");
        assertEquals(303, saved.getStatusCode());
        assertEquals(
                "/staff/meetings/"
                        + role.id()
                        + "/meeting/"
                        + meetingId
                        + "?done=recordedClaimMade",
                saved.getHeaders().get("Location"));
        assertEquals(150, plans.recorded(meetingId).get(firstId).minutes());
        assertEquals(AttendanceMark.ATTENDED, plans.recorded(meetingId).get(firstId).mark());
        assertTrue(call("http-get-staff-meeting.json").getBody().contains("Attended (2.5 hours)"));
        assertEquals(
                404, call("http-get-staff-meeting-attendance.json", "no-such").getStatusCode());
    }

    @Test
    void theMonthlyCheckFlagsAPartnerBelowTheMinimumOnceAndTheListShowsIt() {
        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        clock.set(Instant.parse("2025-03-10T21:00:00Z"));
        assertEquals(303, call("http-post-staff-meeting-attendance.json").getStatusCode());
        plans.record(TestStaff.STAFF, role.id(), meetingId, secondId, Map.of("mark", "absent"));
        plans.record(TestStaff.STAFF, role.id(), meetingId, postId, Map.of("mark", "apologies"));

        clock.set(Instant.parse("2025-04-01T07:00:00Z"));
        var check = new AttendanceCheckHandler(jobs, clock);
        assertEquals(
                Map.of("roles", 1, "flagged", 2),
                schedule(check, "schedule-attendance-check.json"));
        assertEquals(
                Map.of("roles", 1, "flagged", 0),
                schedule(check, "schedule-attendance-check.json"));
        assertEquals(2, sent("attendance-below").size());
        String list = call("http-get-staff-meetings-role.json").getBody();
        assertTrue(list.contains("Below: flagged 1 April 2025"), list);
        assertTrue(list.contains("Meets the minimum"), list);
        assertTrue(list.contains("The role asks partners to attend 7 meetings a year."), list);
    }

    @Test
    void thePartnerRecordShowsTheirAttendanceAndTheFlag() {
        StaffPartnersHandler partnersPage =
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
                        StaffPartnersHandler.attendanceFrom(plans));
        Map<String, String> v =
                Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_REFERENCE", second.reference());
        String before =
                partnersPage
                        .handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-partner.json",
                                        APIGatewayV2HTTPEvent.class,
                                        v),
                                null)
                        .getBody();
        assertTrue(before.contains("Attendance (last 12 months)"), before);
        assertTrue(before.contains("No meetings recorded yet"), before);

        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        clock.set(Instant.parse("2025-03-10T21:00:00Z"));
        plans.record(TestStaff.STAFF, role.id(), meetingId, secondId, Map.of("mark", "absent"));
        clock.set(Instant.parse("2025-04-01T07:00:00Z"));
        jobs.checkAttendance(clock.instant());
        String after =
                partnersPage
                        .handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-partner.json",
                                        APIGatewayV2HTTPEvent.class,
                                        v),
                                null)
                        .getBody();
        assertTrue(
                after.contains(
                        "Attended 0, sent apologies 0, absent 1. Below: flagged 1 April 2025"),
                after);
    }

    @Test
    void staffChangeAPlannedMeetingAndPartnersAreToldWhatChanged() {
        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        var meeting = call("http-get-staff-meeting.json").getBody();
        assertTrue(meeting.contains("Change meeting details"), meeting);
        assertTrue(meeting.contains("Cancel this meeting"), meeting);
        var form = call("http-get-staff-meeting-change.json");
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("name=\"version\" value=\"1\""), form.getBody());
        assertTrue(form.getBody().contains("Room 2, Trust Headquarters"), form.getBody());

        var invalid = call("http-post-staff-meeting-change-invalid.json");
        assertEquals(400, invalid.getStatusCode());
        for (String expected : List.of("There is a problem", "Enter the start time", "half seven"))
            assertTrue(invalid.getBody().contains(expected), expected);
        assertEquals(0, sent("meeting-changed").size());

        var changed = call("http-post-staff-meeting-change.json");
        assertEquals(303, changed.getStatusCode());
        assertEquals(
                "/staff/meetings/" + role.id() + "/meeting/" + meetingId + "?done=changed",
                changed.getHeaders().get("Location"));
        List<OutboxMessage> told = sent("meeting-changed");
        assertEquals(2, told.size());
        String body = told.get(0).email().text();
        assertTrue(body.contains("It was 10 March 2025 at 6:30pm"), body);
        assertTrue(body.contains("It is now 10 March 2025 at 7:00pm"), body);
        assertTrue(body.contains("It was 2 hours. It is now 90 minutes"), body);
        assertTrue(body.contains("/your-involvement/"), body);
        assertEquals(2, r.meetings.meetings.get(meetingId).version());

        // the same form again was read at version 1: a plain 409 page keeping what was typed
        var stale = call("http-post-staff-meeting-change.json");
        assertEquals(409, stale.getStatusCode());
        for (String expected :
                List.of(
                        "Someone changed or cancelled this meeting",
                        "Room 5, Trust Headquarters",
                        "name=\"version\" value=\"2\""))
            assertTrue(stale.getBody().contains(expected), expected);
        assertEquals(2, sent("meeting-changed").size());
        assertEquals(409, call("http-post-staff-meeting-cancel.json").getStatusCode());
        assertTrue(
                call("http-get-staff-meeting.json").getBody().contains("10 March 2025 at 7:00pm"));
    }

    @Test
    void staffCancelAMeetingWhichThenTakesNoAttendanceAndShowsAsCancelled() {
        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        var form = call("http-get-staff-meeting-cancel.json");
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Cancel the meeting on 10 March 2025 at 6:30pm"));
        var cancelled = call("http-post-staff-meeting-cancel.json");
        assertEquals(303, cancelled.getStatusCode());
        assertEquals(
                "/staff/meetings/" + role.id() + "/meeting/" + meetingId + "?done=cancelled",
                cancelled.getHeaders().get("Location"));
        assertEquals(2, sent("meeting-cancelled").size());
        assertTrue(sent("meeting-cancelled").get(0).email().text().contains("has been cancelled"));
        String page = call("http-get-staff-meeting.json").getBody();
        assertTrue(page.contains("This meeting was cancelled on 3 March 2025"), page);
        assertTrue(!page.contains("Change meeting details"), page);
        assertTrue(call("http-get-staff-meetings-role.json").getBody().contains("Cancelled"));
        // cannot be changed, cancelled again or take attendance: plain pages
        assertEquals(409, call("http-get-staff-meeting-change.json").getStatusCode());
        assertEquals(409, call("http-post-staff-meeting-cancel.json").getStatusCode());
        clock.set(Instant.parse("2025-03-10T21:00:00Z"));
        var attendance = call("http-post-staff-meeting-attendance.json");
        assertEquals(409, attendance.getStatusCode());
        assertTrue(attendance.getBody().contains("was cancelled"), attendance.getBody());
        assertEquals(
                Map.of("meetings", 0, "emails", 0),
                schedule(new MeetingPapersHandler(jobs, clock), "schedule-meeting-papers.json"));
    }

    @Test
    void aMeetingAlreadyHeldCannotBeChangedOrCancelled() {
        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        clock.set(Instant.parse("2025-03-10T21:00:00Z"));
        var change = call("http-post-staff-meeting-change.json");
        assertEquals(409, change.getStatusCode());
        assertTrue(change.getBody().contains("already started or been held"), change.getBody());
        assertEquals(409, call("http-get-staff-meeting-cancel.json").getStatusCode());
        assertTrue(!call("http-get-staff-meeting.json").getBody().contains("Cancel this meeting"));
        assertEquals(1, r.meetings.meetings.get(meetingId).version());
    }

    private APIGatewayV2HTTPResponse attended(String appointmentId, String hours) {
        Map<String, String> v =
                Map.of(
                        "SAMPLE_ROLE",
                        role.id(),
                        "SAMPLE_MEETING",
                        meetingId,
                        "SAMPLE_APPOINTMENT",
                        appointmentId);
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        "http-post-staff-meeting-attendance.json", APIGatewayV2HTTPEvent.class, v);
        e.setBody(
                java.util.Base64.getEncoder()
                        .encodeToString(
                                ("mark=attended&hours=" + hours)
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return handler.handleRequest(e, null);
    }

    @Test
    void attendanceWithHoursMakesOneInvolvementClaimForApprovalWhateverIsRecordedAgain() {
        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        clock.set(Instant.parse("2025-03-10T21:00:00Z"));
        String claimId = "attendance-" + meetingId + "-" + firstId;

        assertTrue(
                attended(firstId, "2.5")
                        .getHeaders()
                        .get("Location")
                        .endsWith("?done=recordedClaimMade"));
        assertTrue(
                attended(firstId, "2.5").getHeaders().get("Location").endsWith("?done=recorded"));
        assertEquals(List.of(claimId), claims.claims.keySet().stream().toList());
        assertEquals(
                List.of(new ApprovedClaim.Session(LocalDate.of(2025, 3, 10), 150)),
                claims.find(claimId).orElseThrow().involvement());

        // changed hours before approval change the claim waiting
        assertTrue(
                attended(firstId, "4")
                        .getHeaders()
                        .get("Location")
                        .endsWith("?done=recordedClaimMade"));
        Claim waiting = claims.find(claimId).orElseThrow();
        assertEquals(ClaimStatus.SUBMITTED, waiting.status());
        assertEquals(240, waiting.involvement().get(0).minutes());
        assertEquals(List.of(waiting), claims.waiting());

        // once approved it is left, and staff are told a correction is a new claim
        claims.claims.put(claimId, waiting.approve("s2", clock.instant()));
        var after = attended(firstId, "3");
        assertTrue(after.getHeaders().get("Location").endsWith("?done=recordedClaimDecided"));
        assertEquals(240, claims.find(claimId).orElseThrow().involvement().get(0).minutes());
        assertEquals(1, claims.claims.size());
        String page =
                handler.handleRequest(
                                SampleEvents.use(
                                        "http-get-staff-meeting.json",
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of(
                                                "SAMPLE_ROLE",
                                                role.id(),
                                                "SAMPLE_MEETING",
                                                meetingId,
                                                "SAMPLE_APPOINTMENT",
                                                firstId)),
                                null)
                        .getBody();
        assertTrue(page.contains("Attended (3 hours)"), page);
    }

    @Test
    void aPartnerWhoDeclinedPaymentGetsNoInvolvementClaim() {
        String decliningId =
                appoint(r.applicant(role, Application.Status.REFERENCES_RECEIVED), false);
        assertEquals(303, call("http-post-staff-meetings-plan.json").getStatusCode());
        clock.set(Instant.parse("2025-03-10T21:00:00Z"));
        var saved = attended(decliningId, "2");
        assertEquals(303, saved.getStatusCode());
        assertTrue(saved.getHeaders().get("Location").endsWith("?done=recorded"));
        assertEquals(120, plans.recorded(meetingId).get(decliningId).minutes());
        assertTrue(claims.claims.isEmpty());
    }
}
