package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
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
import org.involve.core.links.LinkPurpose;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingJobs;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.meetings.PartnerMeetings;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.NewLinkRequests;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.YourInvolvement;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/**
 * A partner's meetings on their "your involvement" page, through its handler: planned, changed and cancelled ones to
 * come, then the past ones with what staff recorded for them, with the meetings in memory.
 */
class YourMeetingsEventsTest {
    // 10am GMT on Monday 3 March 2025
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final Round r = new Round();
    private final PartnerLetters partnerLetters =
            TestPartnerLetters.letters("http://localhost:3000");
    private final PartnerChanges changes =
            new PartnerChanges(r.partners, r.roles, r.round, partnerLetters, clock);
    private final MeetingLetters letters =
            new MeetingLetters(partnerLetters, "http://localhost:3000");
    private final MeetingPlans plans =
            new MeetingPlans(r.meetings, r.partners, changes, r.roles, letters, 7, clock);
    private final YourInvolvementHandler handler =
            new YourInvolvementHandler(
                    new YourInvolvement(TestPartnerLetters.LINKS, changes, clock),
                    new NewLinkRequests(r.partners, r.roles, partnerLetters, r.outbox, clock),
                    null,
                    null,
                    null,
                    new PartnerMeetings(r.meetings, clock));
    private final Role role =
            r.role(TestRoles.dayRate(LocalDate.of(2024, 1, 20)).withStatus(RoleStatus.FILLED));
    private final String me = appoint(), other = appoint();

    private String appoint() {
        Application app = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
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

    private static Map<String, String> form(
            LocalDate day, String time, String place, String video, String papers) {
        Map<String, String> f = new HashMap<>();
        f.put("date-day", String.valueOf(day.getDayOfMonth()));
        f.put("date-month", String.valueOf(day.getMonthValue()));
        f.put("date-year", String.valueOf(day.getYear()));
        f.put("time", time);
        f.put("minutes", "120");
        f.put("place", place);
        f.put("videoLink", video);
        f.put("papers", papers);
        return f;
    }

    private Meeting plan(LocalDate day, String time, String place, String video, String papers) {
        return ((MeetingPlans.Result.Done)
                        plans.plan(
                                TestStaff.STAFF, role.id(), form(day, time, place, video, papers)))
                .meeting();
    }

    private String page(String appointmentId) {
        String token =
                TestPartnerLetters.LINKS.issue(
                        LinkPurpose.PARTNER,
                        appointmentId,
                        clock.instant().plus(Duration.ofDays(30)));
        APIGatewayV2HTTPResponse response =
                handler.handleRequest(
                        SampleEvents.use(
                                "http-get-your-involvement.json",
                                APIGatewayV2HTTPEvent.class,
                                Map.of("SAMPLE_TOKEN", token)),
                        null);
        assertEquals(200, response.getStatusCode());
        return response.getBody();
    }

    @Test
    void aPartnerWithNoMeetingsIsToldSo() {
        String body = page(me);
        assertTrue(body.contains("<h2 id=\"your-meetings\">Your meetings</h2>"), body);
        assertTrue(body.contains("You have not been asked to any meetings yet."), body);
    }

    @Test
    void upcomingMeetingsComeFirstWithTheirNewDetailsOrCancelledThenPastOnesWithWhatWasRecorded() {
        Meeting held =
                plan(
                        LocalDate.of(2025, 3, 5),
                        "6:30pm",
                        "Room 2, Trust Headquarters",
                        "",
                        "https://papers.example/march");
        plan(LocalDate.of(2025, 3, 24), "10am", "", "https://video.example/scg", "");
        Meeting toChange =
                plan(
                        LocalDate.of(2025, 4, 7),
                        "10am",
                        "Room 4",
                        "",
                        "https://papers.example/april");
        Meeting toCancel = plan(LocalDate.of(2025, 4, 14), "10am", "Room 5", "", "");
        Map<String, String> changed =
                form(
                        LocalDate.of(2025, 4, 8),
                        "2pm",
                        "Room 9, Trust Headquarters",
                        "",
                        "https://papers.example/april");
        changed.put(MeetingPlans.VERSION, "1");
        assertInstanceOf(
                MeetingPlans.Result.Done.class,
                plans.change(TestStaff.STAFF, role.id(), toChange.id(), changed));
        assertInstanceOf(
                MeetingPlans.Result.Done.class,
                plans.cancel(
                        TestStaff.STAFF,
                        role.id(),
                        toCancel.id(),
                        Map.of(MeetingPlans.VERSION, "1")));
        // the papers job sends the held meeting's papers today (2 days before it); then it is held
        new MeetingJobs(r.meetings, plans, r.roles, letters).sendPapers(clock.instant());
        clock.set(Instant.parse("2025-03-06T10:00:00Z"));
        plans.record(
                TestStaff.STAFF,
                role.id(),
                held.id(),
                me,
                Map.of("mark", "attended", "hours", "2"));
        plans.record(TestStaff.STAFF, role.id(), held.id(), other, Map.of("mark", "apologies"));

        String body = page(me);

        int upcoming = body.indexOf("Meetings to come"), past = body.indexOf("Past meetings");
        int video = body.indexOf("24 March 2025 at 10:00am"),
                moved = body.indexOf("8 April 2025 at 2:00pm"),
                cancelled = body.indexOf("14 April 2025 at 10:00am"),
                heldAt = body.indexOf("5 March 2025 at 6:30pm");
        assertTrue(
                0 < upcoming
                        && upcoming < video
                        && video < moved
                        && moved < cancelled
                        && cancelled < past
                        && past < heldAt,
                body);
        assertTrue(body.contains("href=\"https://video.example/scg\""), body);
        assertTrue(body.contains("There are no papers for this meeting."), body);
        // the changed one: its new details, marked changed, the old time gone; papers still to come
        assertTrue(body.contains("Room 9, Trust Headquarters"), body);
        assertFalse(body.contains("7 April 2025"), body);
        assertTrue(body.contains("nhsuk-tag--yellow\">Changed</strong>"), body);
        assertTrue(body.contains("We will send them to you on 1 April 2025."), body);
        // the cancelled one: marked, no place, nothing to do
        assertTrue(body.contains("nhsuk-tag--red\">Cancelled</strong>"), body);
        assertFalse(body.contains("Room 5"), body);
        assertTrue(body.contains("This meeting will not take place."), body);
        // the past one: their own mark, not the other partner's; its papers were sent
        assertTrue(body.contains("You came (2 hours)"), body);
        assertFalse(body.contains("You sent apologies"), body);
        // nothing staff-only: no staff pages, no one else's name
        assertFalse(body.contains("/staff/"), body);
        assertFalse(body.contains(TestStaff.STAFF.email()), body);

        String theirs = page(other);
        assertTrue(theirs.contains("You sent apologies"), theirs);
        assertFalse(theirs.contains("You came"), theirs);
    }
}
