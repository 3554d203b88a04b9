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
import org.involve.core.fakes.InMemoryImpacts;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.impact.ImpactEntry;
import org.involve.core.impact.ImpactLetters;
import org.involve.core.impact.ImpactLog;
import org.involve.core.impact.ImpactReports;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/** The impact log's staff events over the in-memory stores: record, change, send to partners, report and CSV. */
class ImpactEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final Round r = new Round();
    private final InMemoryImpacts impacts = new InMemoryImpacts(r.outbox, r.audit);
    private final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("http://localhost:3000"),
                    clock);
    private final MeetingPlans plans =
            new MeetingPlans(
                    r.meetings,
                    r.partners,
                    changes,
                    r.roles,
                    new MeetingLetters(
                            TestPartnerLetters.letters("http://localhost:3000"),
                            "http://localhost:3000"),
                    7,
                    clock);
    private final ImpactLog log =
            new ImpactLog(
                    impacts,
                    r.meetings,
                    plans,
                    r.roles,
                    new ImpactLetters(TestPartnerLetters.letters("http://localhost:3000")),
                    clock);
    private final ImpactReports reports = new ImpactReports(log, impacts, r.meetings, plans, clock);
    private final StaffImpactHandler handler = new StaffImpactHandler(log, reports);
    private final Role role =
            r.role(TestRoles.dayRate(LocalDate.of(2024, 1, 20)).withStatus(RoleStatus.FILLED));
    private final Application first = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
    private final Application byPost =
            r.applicant(role, Application.Status.REFERENCES_RECEIVED, "post", Map.of());
    private final String firstId = appoint(first);
    private final String postId = appoint(byPost);
    private final String meetingId = planMeeting();
    private String entryId = "no-such";
    private String version = "none";

    private String appoint(Application app) {
        Appointment a =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, app, LocalDate.of(2024, 2, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        Instant.parse("2024-01-25T10:00:00Z")))
                        .appointment();
        assertTrue(r.partners.appoint(app, a, Map.of(), List.of(), List.of()));
        return a.id();
    }

    /** A meeting on 10 March 2025, held by the time the tests record entries (11 March). */
    private String planMeeting() {
        Map<String, String> f = new HashMap<>();
        f.put("date-day", "10");
        f.put("date-month", "3");
        f.put("date-year", "2025");
        f.put("time", "6:30pm");
        f.put("minutes", "240");
        f.put("place", "Room 2");
        String id =
                ((MeetingPlans.Result.Done) plans.plan(TestStaff.STAFF, role.id(), f))
                        .meeting()
                        .id();
        clock.set(Instant.parse("2025-03-11T10:00:00Z"));
        plans.record(
                TestStaff.STAFF, role.id(), id, firstId, Map.of("mark", "attended", "hours", "4"));
        plans.record(TestStaff.STAFF, role.id(), id, postId, Map.of("mark", "apologies"));
        return id;
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, "2024");
    }

    private APIGatewayV2HTTPResponse call(String event, String year) {
        Map<String, String> v =
                Map.of(
                        "SAMPLE_ROLE", role.id(),
                        "SAMPLE_MEETING", meetingId,
                        "SAMPLE_ENTRY", entryId,
                        "SAMPLE_VERSION", version,
                        "SAMPLE_YEAR", year);
        return handler.handleRequest(SampleEvents.use(event, APIGatewayV2HTTPEvent.class, v), null);
    }

    private List<OutboxMessage> digests() {
        return r.outbox.messages().stream()
                .filter(m -> m.purpose().equals("impact-digest"))
                .toList();
    }

    private ImpactEntry recorded() {
        var saved = call("http-post-staff-impact-new.json");
        assertEquals(303, saved.getStatusCode());
        assertEquals(
                "/staff/meetings/" + role.id() + "/impact?done=recorded",
                saved.getHeaders().get("Location"));
        ImpactEntry e = impacts.entries.values().iterator().next();
        entryId = e.id();
        version = e.version();
        return e;
    }

    @Test
    void staffRecordAnEntryFromAMeetingAndSeeItInTheLog() {
        var empty = call("http-get-staff-impact.json");
        assertEquals(200, empty.getStatusCode());
        assertTrue(empty.getBody().contains("No entries yet."));
        var form = call("http-get-staff-impact-new.json");
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("10 March 2025 at 6:30pm"), form.getBody());

        ImpactEntry e = recorded();
        assertEquals(meetingId, e.meetingId());
        var page = call("http-get-staff-impact.json");
        for (String expected :
                List.of(
                        "The papers came too late to read",
                        "Papers now go out 7 days before each meeting",
                        "10 March 2025 at 6:30pm",
                        "Not sent yet",
                        "Entries not sent yet: 1.",
                        "Active partners of this group who get e-mail: 1.",
                        "Active partners who chose telephone or post: 1.",
                        "Report for 2024 to 2025"))
            assertTrue(page.getBody().contains(expected), expected);
    }

    @Test
    void badInputShowsTheErrorSummaryAndKeepsWhatWasTyped() {
        var bad = call("http-post-staff-impact-new-invalid.json");
        assertEquals(400, bad.getStatusCode());
        for (String expected :
                List.of(
                        "There is a problem",
                        "Enter what changed because of it",
                        "Choose one of this group",
                        "The papers came too late to read"))
            assertTrue(bad.getBody().contains(expected), expected + " in " + bad.getBody());
        assertTrue(impacts.entries.isEmpty());
    }

    @Test
    void aPanelMemberCannotSeeTheLog() {
        assertEquals(403, call("http-get-staff-impact-as-panel.json").getStatusCode());
    }

    @Test
    void anEntryIsChangedFromTheVersionReadAndAStaleFormComesBackAsItIsNow() {
        recorded();
        var form = call("http-get-staff-impact-entry.json");
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("value=\"" + version + "\""));
        String read = version;
        var saved = call("http-post-staff-impact-entry.json");
        assertEquals(303, saved.getStatusCode());
        assertEquals(
                "/staff/meetings/" + role.id() + "/impact?done=changed",
                saved.getHeaders().get("Location"));
        assertEquals(
                "Papers now go out 10 days before each meeting",
                impacts.entries.get(entryId).weDid());

        // the same form posted again carries the version read before the change: nothing saved, 409
        version = read;
        var stale = call("http-post-staff-impact-entry.json");
        assertEquals(409, stale.getStatusCode());
        assertTrue(stale.getBody().contains("Someone else changed this entry"));
        assertTrue(
                stale.getBody()
                        .contains("value=\"" + impacts.entries.get(entryId).version() + "\""));
        assertEquals(2, impacts.entries.get(entryId).revision());
        entryId = "no-such";
        assertEquals(404, call("http-get-staff-impact-entry.json").getStatusCode());
    }

    @Test
    void sendingEmailsThePartnersWhoGetEmailOnceAndTheReportShowsTheYear() {
        recorded();
        var sent = call("http-post-staff-impact-send.json");
        assertEquals(303, sent.getStatusCode());
        assertEquals(
                "/staff/meetings/" + role.id() + "/impact?done=sent",
                sent.getHeaders().get("Location"));
        assertEquals(1, digests().size());
        String body = digests().get(0).email().text();
        assertTrue(body.contains("You said: The papers came too late to read"), body);
        assertTrue(
                body.contains("http://localhost:3000/your-involvement/")
                        || body.contains("https://involve.example/your-involvement/"),
                body);
        var again = call("http-post-staff-impact-send.json");
        assertEquals(
                "/staff/meetings/" + role.id() + "/impact?done=nothingNew",
                again.getHeaders().get("Location"));
        assertEquals(1, digests().size());
        assertTrue(
                call("http-get-staff-impact.json")
                        .getBody()
                        .contains("All entries have been sent."));

        var report = call("http-get-staff-impact-report.json");
        assertEquals(200, report.getStatusCode());
        for (String expected :
                List.of(
                        "1 April 2024 to 31 March 2025",
                        "1 attended, 1 sent apologies, 0 absent",
                        "2 active, 0 paused, 0 retired, 0 ended",
                        "10 March 2025 at 6:30pm",
                        "The papers came too late to read",
                        "From the meeting on 10 March 2025 at 6:30pm",
                        "involve-no-print"))
            assertTrue(report.getBody().contains(expected), expected);
        var csv = call("http-get-staff-impact-report-csv.json");
        assertEquals(200, csv.getStatusCode());
        assertEquals("text/csv; charset=utf-8", csv.getHeaders().get("Content-Type"));
        assertEquals(
                "attachment; filename=\"impact-report-2024.csv\"",
                csv.getHeaders().get("Content-Disposition"));
        assertTrue(csv.getBody().contains("Meetings held,1\r\n"), csv.getBody());
        assertTrue(csv.getBody().contains("Days given,1\r\n"), csv.getBody());
        assertTrue(csv.getBody().contains("The papers came too late to read"));

        assertEquals(404, call("http-get-staff-impact-report.json", "2025").getStatusCode());
        assertEquals(404, call("http-get-staff-impact-report-csv.json", "next").getStatusCode());
        var earlier = call("http-get-staff-impact-report.json", "2023");
        assertEquals(200, earlier.getStatusCode());
        assertFalse(earlier.getBody().contains("The papers came too late to read"));
    }
}
