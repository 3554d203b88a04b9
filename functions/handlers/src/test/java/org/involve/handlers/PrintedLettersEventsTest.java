package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.SupportRequests;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.fakes.InMemoryApplicationRecords;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryInterviewSchedule;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestLinks;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Read;
import org.involve.core.letters.PostLetters;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;
import org.involve.core.withdrawal.Withdrawal;
import org.involve.core.withdrawal.WithdrawalLetters;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/** The printable letters for applicants who asked for post, through StaffApplicationsHandler with every port in memory. */
class PrintedLettersEventsTest {
    static final String KEY = "a-test-signing-key-of-enough-length";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryOutbox outbox = new InMemoryOutbox(new RecordingMailQueue());
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    private final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    private final MonitoringToken tokens = new MonitoringToken(KEY);
    private final InMemoryOutstandingAcknowledgements outstanding =
            new InMemoryOutstandingAcknowledgements();
    private final InMemoryApplicationRecords records =
            new InMemoryApplicationRecords(applications, outstanding, outbox, audit);
    private final InMemoryInterviewSchedule schedule =
            new InMemoryInterviewSchedule(round, new InMemoryUsedLinks(), outbox);
    private final StaffApplicationsHandler handler =
            new StaffApplicationsHandler(
                    new ApplicationsForStaff(
                            roles, round, outstanding, "http://localhost:3000", tokens, clock),
                    new EnteringForApplicant(
                            roles,
                            records,
                            tokens,
                            "http://localhost:3000",
                            "http://localhost:3000",
                            clock,
                            TestLinks.LOCAL_WITHDRAWAL),
                    new TalkFirstQueue(roles, round, clock),
                    new UnacknowledgedApplications(roles, round, outstanding, records, clock),
                    new SupportRequests(roles, round, clock),
                    new Withdrawal(
                            TestLinks.LINKS,
                            roles,
                            round,
                            schedule,
                            new WithdrawalLetters("http://localhost:3000"),
                            clock),
                    letters(roles, round, outstanding, records, audit, outbox, clock, schedule));
    private final Role lep;
    private final Application byPost;
    private final String code;

    /** The letters over the same in-memory ports as the rest of the handler. */
    static PostLetters letters(
            InMemoryRoles roles,
            InMemoryRound round,
            InMemoryOutstandingAcknowledgements outstanding,
            InMemoryApplicationRecords records,
            InMemoryAuditTrail audit,
            InMemoryOutbox outbox,
            MutableClock clock) {
        return letters(
                roles,
                round,
                outstanding,
                records,
                audit,
                outbox,
                clock,
                new InMemoryInterviewSchedule(round, new InMemoryUsedLinks(), outbox));
    }

    static PostLetters letters(
            InMemoryRoles roles,
            InMemoryRound round,
            InMemoryOutstandingAcknowledgements outstanding,
            InMemoryApplicationRecords records,
            InMemoryAuditTrail audit,
            InMemoryOutbox outbox,
            MutableClock clock,
            InMemoryInterviewSchedule schedule) {
        return new PostLetters(
                roles,
                round,
                schedule,
                new MonitoringCode(KEY, new MonitoringToken(KEY)),
                () -> roles,
                new UnacknowledgedApplications(roles, round, outstanding, records, clock),
                audit,
                "http://localhost:3000",
                clock);
    }

    PrintedLettersEventsTest() {
        ExampleRoles.all(clock).forEach(r -> roles.roles.put(r.id(), r));
        lep = roles.roles.get(ExampleRoles.LEP);
        byPost =
                round.add(
                        TestApplications.submitted(
                                lep,
                                "INV-POST-2345",
                                clock.instant(),
                                Map.of(
                                        ApplicationForm.CONTACT_METHOD,
                                        "post",
                                        ApplicationForm.EMAIL,
                                        "",
                                        ApplicationForm.FULL_NAME,
                                        "Alex Letterperson")));
        outstanding.add(byPost);
        code = new MonitoringCode(KEY, tokens).forApplication(lep.id(), byPost.reference());
    }

    private APIGatewayV2HTTPResponse call(String event, String reference) {
        String version =
                round.findByReference(reference, Read.CONSISTENT)
                        .map(Application::version)
                        .orElse("none");
        return handler.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_REFERENCE", reference, "SAMPLE_VERSION", version)),
                null);
    }

    @Test
    void staffGetTheAcknowledgementWithAddressCodeAndThePaperFormWithoutTheName() {
        var r = call("http-get-staff-application-letter-acknowledgement.json", byPost.reference());
        assertEquals(200, r.getStatusCode(), r.getBody());
        String body = r.getBody();
        assertTrue(body.contains("Alex Letterperson<br>1 Example Street<br>"), body);
        assertTrue(body.contains("Your equal opportunities code is " + code), body);
        assertTrue(body.contains("Print this letter"));
        assertTrue(body.contains("print command"));
        assertTrue(
                body.contains(
                        "action=\"/staff/applications/INV-POST-2345/letters/acknowledgement/posted\""));
        String form = body.substring(body.indexOf("class=\"involve-paper-form\""));
        assertTrue(form.contains("Your code: " + code), form);
        assertFalse(form.contains("Alex Letterperson"), "the form never carries the name");
        assertFalse(form.contains("Example Street"), "nor the address");
    }

    @Test
    void theAcknowledgementTaskAndTheApplicationLinkToTheLetters() {
        String list =
                call("http-get-staff-applications-unacknowledged.json", byPost.reference())
                        .getBody();
        assertTrue(
                list.contains(
                        "href=\"/staff/applications/INV-POST-2345/letters/acknowledgement\">Print the acknowledgement letter"),
                list);
        String page = call("http-get-staff-application.json", byPost.reference()).getBody();
        assertTrue(page.contains("Letters to print and post"), page);
        assertTrue(page.contains("/staff/applications/INV-POST-2345/letters/acknowledgement"));
        assertFalse(page.contains("/letters/interview"), "not invited yet");
        round.add(byPost.after(Application.Status.NOT_SHORTLISTED, Map.of()));
        page = call("http-get-staff-application.json", byPost.reference()).getBody();
        assertTrue(page.contains("/staff/applications/INV-POST-2345/letters/outcome"), page);
    }

    @Test
    void thePaperFormAloneHasTheCodeAndNoName() {
        var r = call("http-get-staff-application-letter-monitoring-form.json", byPost.reference());
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertTrue(r.getBody().contains("Your code: " + code));
        assertFalse(r.getBody().contains("Alex Letterperson"));
    }

    @Test
    void someoneOnTheRolesPanelIsRefusedThePaperFormAndGetsTheLetterWithoutIt() {
        roles.panel(
                lep.id(),
                new StaffMember(
                        "local-sam-staff",
                        "Sam Staff",
                        "sam.staff@example.org",
                        java.util.Set.of(org.involve.core.staff.Group.STAFF)));
        var form =
                call("http-get-staff-application-letter-monitoring-form.json", byPost.reference());
        assertEquals(403, form.getStatusCode());
        assertFalse(form.getBody().contains(code));
        var letter =
                call("http-get-staff-application-letter-acknowledgement.json", byPost.reference());
        assertEquals(200, letter.getStatusCode());
        assertFalse(letter.getBody().contains("involve-paper-form"));
        assertTrue(letter.getBody().contains("you are on the panel for this role"));
    }

    @Test
    void panelMembersAreRefusedAndUnknownApplicationsAreNotFound() {
        var panel = call("http-get-staff-application-letter-as-panel.json", byPost.reference());
        assertEquals(403, panel.getStatusCode());
        assertFalse(panel.getBody().contains(code));
        assertEquals(
                404,
                call("http-get-staff-application-letter-acknowledgement.json", "INV-ZZZZ-2345")
                        .getStatusCode());
    }

    @Test
    void lettersThatDoNotApplyYetAreRefusedWithTheReason() {
        var r = call("http-get-staff-application-letter-interview.json", byPost.reference());
        assertEquals(409, r.getStatusCode());
        assertTrue(r.getBody().contains("has not been invited to an interview"), r.getBody());
        assertEquals(
                409,
                call("http-get-staff-application-letter-outcome.json", byPost.reference())
                        .getStatusCode());
    }

    @Test
    void theInterviewLetterListsTheFreeTimes() {
        InterviewSlot slot = InterviewSlot.free(lep.id(), LocalDateTime.of(2025, 3, 4, 10, 30), 45);
        schedule.add(slot, null);
        round.add(
                byPost.after(
                        Application.Status.INVITED_TO_INTERVIEW,
                        Map.of("interview.invitedAt", "2025-01-10T09:00:00Z")));
        var r = call("http-get-staff-application-letter-interview.json", byPost.reference());
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertTrue(r.getBody().contains(slot.describe()), r.getBody());
    }

    @Test
    void markingTheAcknowledgementPostedAcknowledgesItWithItsAuditEntry() {
        var done =
                call(
                        "http-post-staff-application-letter-acknowledgement-posted.json",
                        byPost.reference());
        assertEquals(303, done.getStatusCode(), done.getBody());
        assertEquals(
                "/staff/applications/INV-POST-2345?done=letter-posted",
                done.getHeaders().get("Location"));
        assertTrue(outstanding.outstanding.isEmpty());
        var entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals("local-sam-staff", entry.who());
        assertEquals("application acknowledged (post)", entry.what());
    }

    @Test
    void markingTheOutcomeLetterPostedIsAuditedAndAStaleFormIsRefused() {
        Application told = round.add(byPost.after(Application.Status.NOT_SHORTLISTED, Map.of()));
        var letter = call("http-get-staff-application-letter-outcome.json", told.reference());
        assertEquals(200, letter.getStatusCode(), letter.getBody());
        assertTrue(letter.getBody().contains("The outcome of your application"));
        int before = audit.entries().size();
        var stale =
                handler.handleRequest(
                        SampleEvents.use(
                                "http-post-staff-application-letter-outcome-posted.json",
                                APIGatewayV2HTTPEvent.class,
                                Map.of(
                                        "SAMPLE_REFERENCE",
                                        told.reference(),
                                        "SAMPLE_VERSION",
                                        byPost.version())),
                        null);
        assertEquals(409, stale.getStatusCode());
        assertEquals(before, audit.entries().size());
        var done = call("http-post-staff-application-letter-outcome-posted.json", told.reference());
        assertEquals(303, done.getStatusCode(), done.getBody());
        var entry = audit.entries().get(before);
        assertEquals("local-sam-staff", entry.who());
        assertEquals("letter posted: outcome", entry.what());
        assertEquals("application:INV-POST-2345", entry.record());
    }
}
