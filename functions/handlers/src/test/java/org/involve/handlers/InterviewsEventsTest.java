package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryInterviewSchedule;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.interviews.BookingReminders;
import org.involve.core.interviews.FollowingUp;
import org.involve.core.interviews.InterviewBooking;
import org.involve.core.interviews.InterviewFacts;
import org.involve.core.interviews.InterviewInvitations;
import org.involve.core.interviews.InterviewLetters;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.interviews.InterviewTimes;
import org.involve.core.interviews.Interviews;
import org.involve.core.interviews.ReminderRun;
import org.involve.core.interviews.TeamBooking;
import org.involve.core.kit.Read;
import org.involve.core.links.LinkPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.junit.jupiter.api.Test;

/**
 * The interview events through their handlers, with the round in memory: the staff pages (and a panel member
 * refused), the applicant's booking page (links refused when reused, tampered or expired) and the reminder job.
 */
class InterviewsEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-12-02T10:00:00Z"));
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryRound round =
            new InMemoryRound(
                    new InMemoryApplications(outbox, new InMemoryDrafts()), outbox, audit);
    private final InMemoryUsedLinks used = new InMemoryUsedLinks();
    private final InMemoryInterviewSchedule schedule =
            new InMemoryInterviewSchedule(round, used, outbox);
    private final InMemoryRoles roleRecords = new InMemoryRoles();
    private final InMemoryRoles roles = new InMemoryRoles();
    private final SignedLink links = new SignedLink("a-test-signing-key-of-at-least-32-characters");
    private final InterviewLetters letters =
            new InterviewLetters("http://localhost:3000", TestLinks.LOCAL_WITHDRAWAL);
    private final Interviews interviews = new Interviews(roleRecords, round, schedule, clock);
    private final StaffInterviewsHandler staff =
            new StaffInterviewsHandler(
                    interviews,
                    new InterviewTimes(interviews, schedule, clock),
                    new InterviewInvitations(
                            interviews, schedule, links, letters, "http://localhost:3000"),
                    new TeamBooking(interviews, schedule),
                    new FollowingUp(interviews, round, links, letters, "http://localhost:3000"));
    private final InterviewBookingHandler site =
            new InterviewBookingHandler(
                    new InterviewBooking(links, roles, round, schedule, letters, clock));

    /** Interview week commencing Monday 16 December 2024. */
    private final Role role =
            TestRoles.dayRate(LocalDate.of(2024, 11, 16)).withStatus(RoleStatus.SHORTLISTING);

    private final InterviewSlot slot =
            InterviewSlot.free(role.id(), LocalDateTime.of(2024, 12, 18, 14, 0), 45);

    InterviewsEventsTest() {
        roleRecords.roles.put(role.id(), role);
        roles.save(role);
    }

    /**
     * The event as the page read now sends it: the invite button carries the version of the list to invite, the
     * booking form the named applicant's version (unless the test gives SAMPLE_VERSION).
     */
    private APIGatewayV2HTTPResponse call(String event, Map<String, String> placeholders) {
        Map<String, String> p = new java.util.HashMap<>(placeholders);
        p.putIfAbsent("SAMPLE_VERSION", versionNow(event, placeholders.get("SAMPLE_REFERENCE")));
        var e = SampleEvents.use(event, APIGatewayV2HTTPEvent.class, p);
        return event.startsWith("http-get-interview") || event.startsWith("http-post-interview")
                ? site.handleRequest(e, null)
                : staff.handleRequest(e, null);
    }

    private String versionNow(String event, String reference) {
        if (event.contains("interviews-invitations"))
            return interviews.board(TestStaff.STAFF, role.id()).toInviteVersion();
        if ((event.contains("interviews-booking")
                        || event.contains("interviews-new-link")
                        || event.contains("interviews-did-not-attend"))
                && reference != null)
            return round.findByReference(reference, Read.CONSISTENT)
                    .map(Application::version)
                    .orElse("none");
        return "none";
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_SLOT", slot.slotId()));
    }

    private Application invited(String reference, Map<String, String> changes) {
        Application a =
                TestApplications.submitted(
                        role, reference, Instant.parse("2024-11-10T10:00:00Z"), changes);
        return round.add(a.after(Application.Status.INVITED_TO_INTERVIEW, Map.of()));
    }

    private Application stored(Application a) {
        return round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    /** An applicant invited by e-mail, and the token of the link in their invitation. */
    private String invitedByEmail() {
        schedule.slots.put(role.id() + "|" + slot.slotId(), slot);
        invited("INV-AAAA-1111", Map.of());
        assertEquals(303, call("http-post-staff-interviews-invitations.json").getStatusCode());
        String text =
                outbox.find("interview-invitation-INV-AAAA-1111").orElseThrow().email().text();
        return text.replaceAll("(?s).*http://localhost:3000/interview/([A-Za-z0-9_.-]+).*", "$1");
    }

    private APIGatewayV2HTTPResponse page(String event, String token) {
        return call(event, Map.of("SAMPLE_TOKEN", token, "SAMPLE_SLOT", slot.slotId()));
    }

    @Test
    void staffSeeTheRolesAtInterviewStageAndEachRolesBoard() {
        invited("INV-AAAA-1111", Map.of());
        var list = call("http-get-staff-interviews.json");
        assertEquals(200, list.getStatusCode());
        assertTrue(list.getBody().contains(">Group member</a>"));
        assertTrue(list.getBody().contains("aria-current=\"page\""));
        var board = call("http-get-staff-interviews-role.json");
        assertEquals(200, board.getStatusCode());
        String body = board.getBody();
        assertTrue(
                body.contains(
                        "1 applicant invited to interview has not been sent an invitation yet"));
        assertTrue(body.contains("Booking links work until Sunday 15 December 2024 at 11:59pm"));
        assertTrue(body.contains("href=\"/staff/references/" + role.id() + "\""));
        assertTrue(body.contains("name=\"date-day\""));
        assertEquals(
                404,
                call("http-get-staff-interviews-role.json", Map.of("SAMPLE_ROLE", "no-such-role"))
                        .getStatusCode());
    }

    @Test
    void aPanelMemberCannotSeeOrArrangeInterviews() {
        var list = call("http-get-staff-interviews-as-panel.json");
        assertEquals(403, list.getStatusCode());
        assertTrue(list.getBody().contains("arrange interviews"));
        assertFalse(list.getBody().contains("Group member"));
        assertEquals(403, call("http-post-staff-interviews-slot-as-panel.json").getStatusCode());
        assertTrue(schedule.slots.isEmpty());
    }

    @Test
    void staffAddAndRemoveTimesWithErrorsShownInPlainWords() {
        var added = call("http-post-staff-interviews-slot.json");
        assertEquals(303, added.getStatusCode());
        assertEquals(
                "/staff/interviews/" + role.id() + "?done=slot-added",
                added.getHeaders().get("Location"));
        InterviewSlot stored = schedule.forRole(role.id()).get(0);
        assertEquals(Instant.parse("2024-12-17T10:30:00Z"), stored.startsAt());

        var invalid = call("http-post-staff-interviews-slot-invalid.json");
        assertEquals(400, invalid.getStatusCode());
        String body = invalid.getBody();
        assertTrue(body.contains("<title>Error: Interviews: Group member"));
        assertTrue(
                body.contains(
                        "<a href=\"#date-day\">The date must be in the interview week, 16 December 2024 to 22 December 2024</a>"));
        assertTrue(body.contains("Enter the start time as a time of day, like 10:30 or 2:30pm"));
        assertTrue(body.contains("value=\"half ten\""), "what was typed is kept");
        assertEquals(1, schedule.forRole(role.id()).size());

        var removed =
                call(
                        "http-post-staff-interviews-slot-remove.json",
                        Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_SLOT", stored.slotId()));
        assertEquals(303, removed.getStatusCode());
        assertTrue(schedule.forRole(role.id()).isEmpty());
        assertEquals(
                409,
                call(
                                "http-post-staff-interviews-slot-remove.json",
                                Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_SLOT", stored.slotId()))
                        .getStatusCode());
    }

    @Test
    void invitationsAreSentOnceAndAnnounced() {
        invitedByEmail();
        invited(
                "INV-BBBB-2222",
                Map.of("contactMethod", "telephone", "email", "other@example.org"));
        call("http-post-staff-interviews-invitations.json");
        assertEquals(
                List.of("interview-invitation-INV-AAAA-1111", "interview-task-INV-BBBB-2222"),
                queue.announced);
        var again = call("http-post-staff-interviews-invitations.json");
        assertEquals(409, again.getStatusCode());
        assertTrue(
                again.getBody()
                        .contains(
                                "Everyone invited to interview has already been sent an invitation."));
        assertEquals(2, outbox.messages().size());
        var board = call("http-get-staff-interviews-role.json").getBody();
        assertTrue(
                board.contains("Telephone: 07700 900982"),
                "the team's task shows how to reach them");
    }

    @Test
    void staffRecordATimeAgreedByTelephone() {
        schedule.slots.put(role.id() + "|" + slot.slotId(), slot);
        Application byPhone = invited("INV-BBBB-2222", Map.of("contactMethod", "telephone"));
        call("http-post-staff-interviews-invitations.json");
        var booked =
                call(
                        "http-post-staff-interviews-booking.json",
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_SLOT",
                                slot.slotId(),
                                "SAMPLE_REFERENCE",
                                "INV-BBBB-2222"));
        assertEquals(303, booked.getStatusCode());
        assertEquals(Application.Status.INTERVIEW_BOOKED, stored(byPhone).status());
        assertEquals(
                "A quiet room and a hearing loop",
                InterviewFacts.of(stored(byPhone)).adjustments());
        String board = call("http-get-staff-interviews-role.json").getBody();
        assertTrue(board.contains("Wednesday 18 December 2024 at 2:00pm"));
        assertTrue(board.contains("A quiet room and a hearing loop"));
        var unknown =
                call(
                        "http-post-staff-interviews-booking.json",
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_SLOT",
                                slot.slotId(),
                                "SAMPLE_REFERENCE",
                                "INV-NONE-0000"));
        assertEquals(400, unknown.getStatusCode());
        assertTrue(unknown.getBody().contains("Select the applicant you have agreed a time with"));
    }

    @Test
    void invitingOrBookingFromABoardReadBeforeSomeoneElsesChangeDoesNothing() {
        schedule.slots.put(role.id() + "|" + slot.slotId(), slot);
        Application byPhone = invited("INV-BBBB-2222", Map.of("contactMethod", "telephone"));
        String listed = interviews.board(TestStaff.STAFF, role.id()).toInviteVersion();
        assertTrue(
                call("http-get-staff-interviews-role.json")
                        .getBody()
                        .contains("name=\"version\" value=\"" + listed + "\""));
        invited(
                "INV-CCCC-3333",
                Map.of(
                        "contactMethod",
                        "post",
                        "email",
                        "gamma@example.org")); // shortlisted meanwhile

        var invite =
                call(
                        "http-post-staff-interviews-invitations.json",
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_SLOT",
                                slot.slotId(),
                                "SAMPLE_VERSION",
                                listed));
        assertEquals(409, invite.getStatusCode());
        assertTrue(invite.getBody().contains("Someone else changed these applications"));
        assertTrue(outbox.messages().isEmpty(), "nobody was invited");

        call("http-post-staff-interviews-invitations.json");
        String read = stored(byPhone).version();
        String board = call("http-get-staff-interviews-role.json").getBody();
        assertTrue(
                board.contains("name=\"version-INV-BBBB-2222\" value=\"" + read + "\""),
                board.replaceAll("(?s).*(<form[^>]*bookings.*?</form>).*", "$1"));
        round.advance(
                stored(byPhone),
                stored(byPhone).status(),
                Map.of("interview.note", "asked for a later time"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted",
                        "application:INV-BBBB-2222",
                        clock.instant(),
                        "INVITED_TO_INTERVIEW",
                        "INVITED_TO_INTERVIEW"),
                List.of());
        var booking =
                call(
                        "http-post-staff-interviews-booking.json",
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_SLOT",
                                slot.slotId(),
                                "SAMPLE_REFERENCE",
                                "INV-BBBB-2222",
                                "SAMPLE_VERSION",
                                read));
        assertEquals(409, booking.getStatusCode());
        assertTrue(booking.getBody().contains("Someone else changed this application"));
        assertTrue(
                booking.getBody().contains("A quiet room and a hearing loop"),
                "what was entered is kept");
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, stored(byPhone).status());
    }

    @Test
    void theApplicantBooksOnceThroughTheLinkAndASecondUseIsRefusedPlainly() {
        String token = invitedByEmail();
        var form = page("http-get-interview.json", token);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Choose your interview time"));
        assertTrue(form.getBody().contains("Wednesday 18 December 2024 at 2:00pm (45 minutes)"));
        assertTrue(
                form.getBody().contains("Captions on video calls"),
                "the adjustments from their application are offered");
        assertTrue(used.used.isEmpty());

        var booked = page("http-post-interview.json", token);
        assertEquals(303, booked.getStatusCode());
        assertEquals("/interview/" + token + "?booked=yes", booked.getHeaders().get("Location"));
        assertEquals(1, used.used.size());
        assertTrue(
                queue.announced.containsAll(
                        List.of(
                                "interview-confirmation-INV-AAAA-1111",
                                "interview-booked-INV-AAAA-1111")));
        var confirmation = page("http-get-interview-booked.json", token);
        assertEquals(200, confirmation.getStatusCode());
        assertTrue(confirmation.getBody().contains("Interview booked"));
        assertTrue(confirmation.getBody().contains("Wednesday 18 December 2024 at 2:00pm"));

        var again = page("http-post-interview.json", token);
        assertEquals(409, again.getStatusCode());
        assertTrue(again.getBody().contains("This link has already been used"));
        assertEquals(
                1,
                outbox.messages().stream()
                        .filter(m -> m.id().startsWith("interview-confirmation"))
                        .count());
    }

    @Test
    void tamperedWrongAndExpiredLinksGetPlainPagesAndBookNothing() {
        String token = invitedByEmail();
        String tampered =
                token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        var bad = page("http-post-interview.json", tampered);
        assertEquals(404, bad.getStatusCode());
        assertTrue(bad.getBody().contains("This link is not working"));
        var other =
                page(
                        "http-get-interview.json",
                        links.issue(
                                LinkPurpose.REFERENCE,
                                "INV-AAAA-1111",
                                Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals(404, other.getStatusCode());
        assertTrue(other.getBody().contains("This link is for something else"));
        clock.set(Instant.parse("2024-12-16T00:00:00Z"));
        var expired = page("http-post-interview.json", token);
        assertEquals(410, expired.getStatusCode());
        assertTrue(expired.getBody().contains("This link has expired"));
        assertTrue(used.used.isEmpty());
        assertTrue(schedule.forRole(role.id()).get(0).free());
    }

    @Test
    void theReminderJobRemindsTheDayBeforeOnce() {
        InterviewSlot tomorrow =
                InterviewSlot.free(role.id(), LocalDateTime.of(2024, 12, 17, 10, 30), 45);
        schedule.slots.put(role.id() + "|" + tomorrow.slotId(), tomorrow);
        Application a = invited("INV-CCCC-3333", Map.of());
        var audit =
                new org.involve.core.audit.AuditEntry(
                        "applicant-link",
                        "booked",
                        "application:INV-CCCC-3333",
                        clock.instant(),
                        "A",
                        "B");
        schedule.book(
                new org.involve.core.interviews.InterviewSchedule.Booking(
                        tomorrow,
                        a,
                        null,
                        clock.instant(),
                        Map.of("interview.slot", tomorrow.slotId()),
                        audit,
                        List.of()));
        clock.set(Instant.parse("2024-12-16T09:00:00Z"));
        var job = reminderJob();
        Map<String, Object> event =
                SampleEvents.use("schedule-interview-reminders.json", Map.class, Map.of());
        assertEquals(Map.of("reminders", 1, "remindedToBook", 0), job.handleRequest(event, null));
        assertEquals(Map.of("reminders", 0, "remindedToBook", 0), job.handleRequest(event, null));
        assertTrue(
                queue.announced.contains("interview-reminder-INV-CCCC-3333-" + tomorrow.slotId()));
    }

    private InterviewReminderHandler reminderJob() {
        return new InterviewReminderHandler(
                new ReminderRun(schedule, round, roles, letters, 1),
                new BookingReminders(
                        schedule, round, roles, links, letters, "http://localhost:3000"),
                clock);
    }

    @Test
    void theReminderJobRemindsThoseInvitedWhoHaveNotBookedOnce() {
        invitedByEmail();
        Map<String, Object> event =
                SampleEvents.use("schedule-interview-reminders.json", Map.class, Map.of());
        var job = reminderJob();
        assertEquals(Map.of("reminders", 0, "remindedToBook", 0), job.handleRequest(event, null));
        clock.set(Instant.parse("2024-12-13T09:00:00Z")); // three days before the deadline
        assertEquals(Map.of("reminders", 0, "remindedToBook", 1), job.handleRequest(event, null));
        assertEquals(Map.of("reminders", 0, "remindedToBook", 0), job.handleRequest(event, null));
        assertTrue(queue.announced.contains("interview-book-reminder-INV-AAAA-1111"));
        var board = call("http-get-staff-interviews-role.json");
        assertTrue(
                board.getBody().contains("Reminded Friday 13 December 2024 at 9:00am"),
                board.getBody());
    }

    @Test
    void afterTheDeadlineStaffOfferAgainOrRecordDidNotAttendFromTheBoard() {
        invitedByEmail();
        invited("INV-DDDD-4444", Map.of("email", "delta@example.org"));
        assertEquals(303, call("http-post-staff-interviews-invitations.json").getStatusCode());
        clock.set(Instant.parse("2024-12-16T09:00:00Z")); // the booking deadline has passed
        var board = call("http-get-staff-interviews-role.json");
        assertTrue(board.getBody().contains("Deadline passed"), board.getBody());
        assertTrue(
                board.getBody()
                        .contains(
                                "action=\"/staff/interviews/"
                                        + role.id()
                                        + "/applicants/INV-AAAA-1111/new-link\""));

        var again =
                call(
                        "http-post-staff-interviews-new-link.json",
                        Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_REFERENCE", "INV-AAAA-1111"));
        assertEquals(303, again.getStatusCode());
        assertTrue(again.getHeaders().get("Location").endsWith("?done=new-link"));
        assertTrue(queue.announced.contains("interview-invitation-INV-AAAA-1111-1"));

        var absent =
                call(
                        "http-post-staff-interviews-did-not-attend.json",
                        Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_REFERENCE", "INV-DDDD-4444"));
        assertEquals(303, absent.getStatusCode());
        assertTrue(absent.getHeaders().get("Location").endsWith("?done=did-not-attend"));
        assertTrue(queue.announced.contains("interview-did-not-attend-INV-DDDD-4444"));
        assertEquals(
                Application.Status.DID_NOT_ATTEND,
                round.findByReference("INV-DDDD-4444", Read.CONSISTENT).orElseThrow().status());

        var twice =
                call(
                        "http-post-staff-interviews-did-not-attend.json",
                        Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_REFERENCE", "INV-DDDD-4444"));
        assertEquals(409, twice.getStatusCode());
        assertTrue(twice.getBody().contains("not waiting for an interview any more"));
    }

    @Test
    void fromABoardReadBeforeSomeoneElsesChangeNeitherButtonDoesAnything() {
        invitedByEmail();
        clock.set(Instant.parse("2024-12-16T09:00:00Z")); // the booking deadline has passed
        var board = call("http-get-staff-interviews-role.json");
        String read =
                round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow().version();
        assertTrue(board.getBody().contains("name=\"version\" value=\"" + read + "\""));
        // Someone else sends a new link from the same board first.
        Map<String, String> stale =
                Map.of(
                        "SAMPLE_ROLE",
                        role.id(),
                        "SAMPLE_REFERENCE",
                        "INV-AAAA-1111",
                        "SAMPLE_VERSION",
                        read);
        assertEquals(303, call("http-post-staff-interviews-new-link.json", stale).getStatusCode());
        int mails = outbox.messages().size();

        for (String event :
                List.of(
                        "http-post-staff-interviews-did-not-attend.json",
                        "http-post-staff-interviews-new-link.json")) {
            var r = call(event, stale);
            assertEquals(409, r.getStatusCode(), event);
            assertTrue(r.getBody().contains("Someone else changed this application"), r.getBody());
            String now =
                    round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow().version();
            assertTrue(
                    r.getBody().contains("name=\"version\" value=\"" + now + "\""),
                    "the board as it is now");
        }
        assertEquals(
                Application.Status.INVITED_TO_INTERVIEW,
                round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow().status());
        assertEquals(mails, outbox.messages().size(), "nothing sent");
    }

    @Test
    void theApplicantCancelsTheirTimeThroughTheLinkAndChoosesAnotherWithAFreshOne() {
        InterviewSlot second =
                InterviewSlot.free(role.id(), LocalDateTime.of(2024, 12, 19, 10, 0), 45);
        schedule.slots.put(role.id() + "|" + second.slotId(), second);
        String token = invitedByEmail();
        assertEquals(303, page("http-post-interview.json", token).getStatusCode());
        var booked = page("http-get-interview-booked.json", token);
        assertTrue(booked.getBody().contains("Cancel this time"), booked.getBody());
        assertTrue(
                booked.getBody().contains("action=\"/interview/" + token + "/cancel\""),
                booked.getBody());

        var cancelled = page("http-post-interview-cancel.json", token);
        assertEquals(303, cancelled.getStatusCode(), cancelled.getBody());
        String location = cancelled.getHeaders().get("Location");
        assertTrue(location.endsWith("?cancelled=yes"), location);
        String fresh = location.replaceAll("^/interview/([^?]+)\\?.*$", "$1");
        assertFalse(fresh.equals(token));
        assertTrue(schedule.slots.values().stream().allMatch(InterviewSlot::free));
        assertEquals(
                Application.Status.INVITED_TO_INTERVIEW,
                round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow().status());
        assertTrue(queue.announced.contains("interview-cancelled-INV-AAAA-1111-" + slot.slotId()));

        var again = page("http-get-interview.json", fresh);
        assertEquals(200, again.getStatusCode());
        assertTrue(again.getBody().contains("Choose your interview time"));
        assertTrue(again.getBody().contains("Thursday 19 December 2024 at 10:00am"));
        var rebooked =
                call(
                        "http-post-interview.json",
                        Map.of("SAMPLE_TOKEN", fresh, "SAMPLE_SLOT", second.slotId()));
        assertEquals(303, rebooked.getStatusCode(), rebooked.getBody());
        assertEquals(
                Application.Status.INTERVIEW_BOOKED,
                round.findByReference("INV-AAAA-1111", Read.CONSISTENT).orElseThrow().status());
        // The link that booked first cannot book a second time.
        assertEquals(409, page("http-post-interview.json", token).getStatusCode());
    }
}
