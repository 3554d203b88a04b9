package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationsForStaff;
import org.involve.core.application.Eligibility;
import org.involve.core.application.EnteringForApplicant;
import org.involve.core.application.HandlingFacts;
import org.involve.core.application.SupportRequests;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.application.UnacknowledgedApplications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryApplicationRecords;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryInterviewSchedule;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryUndeliverableAddresses;
import org.involve.core.fakes.InMemoryUsedLinks;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestLinks;
import org.involve.core.kit.Field;
import org.involve.core.kit.Read;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.MailFeedback;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.withdrawal.Withdrawal;
import org.involve.core.withdrawal.WithdrawalLetters;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/** The staff application pages' events through StaffApplicationsHandler, with every port in memory. */
class StaffApplicationsEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryApplications applications =
            new InMemoryApplications(outbox, new InMemoryDrafts());
    private final InMemoryRound round = new InMemoryRound(applications, outbox, audit);
    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length");
    private final InMemoryOutstandingAcknowledgements outstanding =
            new InMemoryOutstandingAcknowledgements();
    private final InMemoryApplicationRecords records =
            new InMemoryApplicationRecords(applications, outstanding, outbox, audit);
    private final InMemoryUndeliverableAddresses undeliverable =
            new InMemoryUndeliverableAddresses();
    private final StaffApplicationsHandler handler =
            new StaffApplicationsHandler(
                    new ApplicationsForStaff(
                            roles,
                            round,
                            outstanding,
                            "http://localhost:3000",
                            tokens,
                            clock,
                            undeliverable),
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
                            new InMemoryInterviewSchedule(round, new InMemoryUsedLinks(), outbox),
                            new WithdrawalLetters("http://localhost:3000"),
                            clock),
                    PrintedLettersEventsTest.letters(
                            roles, round, outstanding, records, audit, outbox, clock));
    private final Role lep;

    StaffApplicationsEventsTest() {
        ExampleRoles.all(clock).forEach(r -> roles.roles.put(r.id(), r));
        lep = roles.roles.get(ExampleRoles.LEP);
    }

    /** The event as the page read now sends it: a form carries the application's current version. */
    private APIGatewayV2HTTPResponse call(String event, String reference) {
        return call(
                event,
                reference,
                round.findByReference(reference, Read.CONSISTENT)
                        .map(Application::version)
                        .orElse("none"));
    }

    private APIGatewayV2HTTPResponse call(String event, String reference, String version) {
        return handler.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                ExampleRoles.LEP,
                                "SAMPLE_REFERENCE",
                                reference,
                                "SAMPLE_VERSION",
                                version)),
                null);
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, "INV-BCDF-2345");
    }

    /** Enters the sample telephone application and returns it. */
    private Application entered() {
        var r = call("http-post-staff-role-application.json");
        assertEquals(303, r.getStatusCode(), r.getBody());
        Application app =
                applications.applications.values().stream()
                        .filter(a -> a.answer(ApplicationForm.FULL_NAME).equals("Robin Callerson"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(
                "/staff/applications/" + app.reference() + "?done=entered",
                r.getHeaders().get("Location"));
        return app;
    }

    private Application held() {
        Application a =
                TestApplications.submitted(
                        lep,
                        "INV-HHHH-2345",
                        Instant.parse("2025-01-09T09:00:00Z"),
                        Map.of(
                                Eligibility.DISQUALIFIED,
                                "yes",
                                ApplicationForm.FULL_NAME,
                                "Alex Heldperson"));
        return round.add(a.after(Application.Status.HELD_TO_TALK_FIRST, Map.of()));
    }

    @Test
    void anAcknowledgementHeldBackForTooManyToOneAddressIsShownOnTheApplication() {
        Application sent =
                round.add(
                        TestApplications.submitted(
                                lep, "INV-SENT-2345", Instant.parse("2025-01-09T09:00:00Z")));
        assertFalse(
                call("http-get-staff-application.json", sent.reference())
                        .getBody()
                        .contains("Acknowledgement not sent"));
        Application s =
                TestApplications.submitted(
                        lep,
                        "INV-LMTD-2345",
                        Instant.parse("2025-01-09T09:00:00Z"),
                        Map.of(ApplicationForm.FULL_NAME, "Lee Limited"));
        Application limited =
                round.add(
                        new Application(
                                s.reference(),
                                s.roleId(),
                                s.applicantKey(),
                                s.status(),
                                s.answers(),
                                s.submittedAt(),
                                s.contactMethod(),
                                Application.Acknowledgement.EMAIL_LIMITED,
                                "applicant"));
        String body = call("http-get-staff-application.json", limited.reference()).getBody();
        assertTrue(
                body.contains("Acknowledgement not sent: too many to this address in 24 hours"),
                body);
        assertTrue(body.contains("acknowledge the application another way"), body);
    }

    @Test
    void anApplicantWhoseEmailBouncedIsShownSoStaffTelephoneOrWrite() {
        Application a =
                round.add(
                        TestApplications.submitted(
                                lep,
                                "INV-BNCE-2345",
                                Instant.parse("2025-01-09T09:00:00Z"),
                                Map.of(
                                        ApplicationForm.FULL_NAME,
                                        "Bo Bounced",
                                        ApplicationForm.EMAIL,
                                        "bo@example.org")));
        assertFalse(
                call("http-get-staff-application.json", a.reference())
                        .getBody()
                        .contains("We cannot e-mail this person"));
        new MailFeedback(undeliverable)
                .record(
                        new MailFeedback.Notice(
                                MailFeedback.Kind.PERMANENT_BOUNCE,
                                List.of("Bo@Example.org"),
                                Instant.parse("2025-01-09T10:30:00Z"),
                                "General"));
        String body = call("http-get-staff-application.json", a.reference()).getBody();
        assertTrue(body.contains("We cannot e-mail this person"), body);
        assertTrue(body.contains("Since 9 January 2025"), body);
        assertTrue(body.contains("E-mail to this address bounced"));
        assertTrue(body.contains("Contact them by telephone or post"));
    }

    @Test
    void requestsForSupportOrAnotherFormatAreListedUntilMarkedDoneWithWhoAndWhen() {
        Application asks =
                round.add(
                        TestApplications.submitted(
                                lep,
                                "INV-SPRT-2345",
                                Instant.parse("2025-01-09T09:00:00Z"),
                                Map.of(
                                        ApplicationForm.FULL_NAME,
                                        "Sasha Supportperson",
                                        ApplicationForm.EMAIL,
                                        "sasha.supportperson@example.org",
                                        "otherFormat",
                                        "Easy read")));
        Application asksNothing =
                round.add(
                        TestApplications.submitted(
                                lep,
                                "INV-NONE-2345",
                                Instant.parse("2025-01-09T10:00:00Z"),
                                Map.of(
                                        ApplicationForm.FULL_NAME,
                                        "Noel Noneasked",
                                        ApplicationForm.EMAIL,
                                        "noel.noneasked@example.org",
                                        "otherFormat",
                                        "",
                                        "supportNeeds",
                                        " ",
                                        "adjustments",
                                        "")));
        assertTrue(
                call("http-get-staff-applications.json")
                        .getBody()
                        .contains("href=\"/staff/applications/support\""),
                "the applications area links to the list");

        var list = call("http-get-staff-applications-support.json");
        assertEquals(200, list.getStatusCode());
        String body = list.getBody();
        assertTrue(body.contains("<a href=\"/staff/applications/INV-SPRT-2345\">"), body);
        assertTrue(body.contains("<strong>Another format:</strong> Easy read"), body);
        assertTrue(body.contains("<strong>Support needs:</strong> A lift to the meeting room"));
        assertTrue(
                body.contains("<strong>Reasonable adjustments:</strong> Captions on video calls"));
        assertTrue(body.contains("action=\"/staff/applications/INV-SPRT-2345/support-done\""));
        assertFalse(body.contains(asksNothing.reference()), "an application asking nothing");

        var done = call("http-post-staff-application-support-done.json", asks.reference());
        assertEquals(303, done.getStatusCode());
        assertEquals(
                "/staff/applications/support?done=support-done", done.getHeaders().get("Location"));
        Application marked = round.findByReference(asks.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(
                "Done by Sam Staff on 10 January 2025", HandlingFacts.of(marked).supportDone());
        assertEquals(asks.status(), marked.status());
        var entry = audit.entries().get(audit.entries().size() - 1);
        assertEquals("support or another format: marked done", entry.what());
        assertEquals("local-sam-staff", entry.who(), "who");
        assertEquals(clock.instant(), entry.when(), "and when");
        assertFalse(
                call("http-get-staff-applications-support.json")
                        .getBody()
                        .contains(asks.reference()),
                "done requests leave the list");
        assertTrue(
                call("http-get-staff-application.json", asks.reference())
                        .getBody()
                        .contains("Done by Sam Staff on 10 January 2025"),
                "the application shows who did it and when");

        var again = call("http-post-staff-application-support-done.json", asks.reference());
        assertEquals(
                "/staff/applications/support?done=support-already",
                again.getHeaders().get("Location"));
        assertEquals(entry, audit.entries().get(audit.entries().size() - 1), "audited once");
    }

    @Test
    void theOverviewCountsHeldAndUnacknowledgedApplicationsAndLinksEachRole() {
        held();
        entered();
        var r = call("http-get-staff-applications.json");
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(
                body.contains(
                        "<a href=\"/staff/roles/"
                                + ExampleRoles.LEP
                                + "/applications\">Listening Culture lived experience partner</a>"));
        assertTrue(
                body.contains(
                        "1 application is held until someone has talked with the applicant."));
        assertTrue(body.contains("1 application is waiting for its acknowledgement."));
        assertTrue(
                body.contains("aria-current=\"page\""),
                "Applications is the current area in the navigation");
    }

    @Test
    void aPanelMemberGetsNoNamesAndChangesNothing() {
        held();
        var list = call("http-get-staff-applications-as-panel.json");
        assertEquals(403, list.getStatusCode());
        assertTrue(
                list.getBody()
                        .contains(
                                "Your account cannot see applications with names and contact details"));
        assertFalse(list.getBody().contains("Alex Heldperson"));
        assertFalse(
                list.getBody().contains("href=\"/staff/applications\""),
                "the panel's navigation has no link to applications");
        assertEquals(403, call("http-post-staff-role-application-as-panel.json").getStatusCode());
        assertEquals(
                403,
                call("http-post-staff-application-acknowledge-as-panel.json", "INV-HHHH-2345")
                        .getStatusCode());
        assertEquals(1, applications.applications.size());
        assertTrue(audit.entries().isEmpty());
    }

    @Test
    void nobodySignedInGets401() {
        var r = call("http-get-staff-applications-signed-out.json");
        assertEquals(401, r.getStatusCode());
        assertTrue(r.getBody().contains("You need to sign in"));
    }

    @Test
    void theEntryFormIsEveryQuestionOfThePublicFormPlusHowItCame() {
        var r = call("http-get-staff-role-application-new.json");
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("How did the application reach you?"));
        for (var section : new ApplicationForm(lep).sections(Map.of())) {
            assertTrue(body.contains(">" + section.title() + "</h2>"), section.title());
            section.fields()
                    .forEach(
                            f ->
                                    (f.kind() == Field.Kind.CHECKBOXES
                                                    ? f.options().stream()
                                                            .map(Field.Option::value)
                                                            .toList()
                                                    : List.of(f.name()))
                                            .forEach(
                                                    name ->
                                                            assertTrue(
                                                                    body.contains(
                                                                            "name=\"" + name
                                                                                    + "\""),
                                                                    name)));
        }
        assertFalse(
                body.contains("name=\"ethnicGroup\"")
                        || body.contains("name=\"sexualOrientation\"")
                        || body.contains("religion"),
                "no monitoring question is asked by staff");
    }

    /**
     * A role being shortlisted takes no application and its closing date cannot be extended: staff are told so before
     * they type anything, and told to contact the applicant, not sent to extend the date.
     */
    @Test
    void aRoleBeingShortlistedOffersNoEntryFormAndSaysToContactTheApplicant() {
        roles.roles.put(lep.id(), lep.withStatus(RoleStatus.SHORTLISTING));

        String list = call("http-get-staff-role-applications.json").getBody();
        assertFalse(list.contains("/staff/roles/" + ExampleRoles.LEP + "/applications/new"), list);
        assertTrue(list.contains("This role is not taking applications, so you cannot enter one"));
        assertTrue(list.contains("Contact the applicant to tell them the role has closed."));

        var r = call("http-get-staff-role-application-new.json");
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("<h1>This role is not taking applications</h1>"), body);
        assertTrue(body.contains("the panel is shortlisting"), body);
        assertTrue(body.contains("Contact the applicant to tell them the role has closed."), body);
        assertFalse(body.contains("extend the closing date"), body);
        assertFalse(body.contains("Nothing has been saved"), "nothing was typed");
        assertFalse(body.contains("name=\"receivedBy\""), "no form to fill in");

        var posted = call("http-post-staff-role-application.json");
        assertEquals(409, posted.getStatusCode());
        assertTrue(posted.getBody().contains("Nothing has been saved."));
        assertFalse(posted.getBody().contains("extend the closing date"));
        assertTrue(applications.applications.isEmpty());
    }

    /** An open role past its closing date (the closing job has not run yet) can still have its closing date extended. */
    @Test
    void anOpenRolePastItsClosingDateLinksToExtendingIt() {
        clock.set(lep.closingTime().instant().plusSeconds(60));

        String list = call("http-get-staff-role-applications.json").getBody();
        assertFalse(list.contains("/staff/roles/" + ExampleRoles.LEP + "/applications/new"), list);
        String body = call("http-get-staff-role-application-new.json").getBody();
        assertTrue(
                body.contains(
                        "<a href=\"/staff/roles/"
                                + ExampleRoles.LEP
                                + "/extend\">extend the closing date</a> first, then enter it."),
                body);
    }

    @Test
    void everyStatusThatTakesNoApplicationsHasItsOwnAdvice() {
        for (RoleStatus status :
                List.of(RoleStatus.DRAFT, RoleStatus.FILLED, RoleStatus.WITHDRAWN)) {
            roles.roles.put(lep.id(), lep.withStatus(status));
            String body = call("http-get-staff-role-application-new.json").getBody();
            assertTrue(
                    body.contains("<h1>This role is not taking applications</h1>"), status.name());
            assertFalse(body.contains("extend the closing date"), status.name());
            assertTrue(
                    body.contains(
                            status == RoleStatus.DRAFT
                                    ? "Once it is published, you can enter an application"
                                    : "Contact the applicant"),
                    status.name());
        }
    }

    /**
     * A caller who started online has an anonymous draft staff cannot look up: the page tells staff to take the
     * reference and code the caller reads out to the public Continue an application page, and links to it.
     */
    @Test
    void theEntryFormTellsStaffHowToHelpACallerWhoStartedOnline() {
        String body = call("http-get-staff-role-application-new.json").getBody();
        assertTrue(body.contains("If the caller started an application online"), body);
        assertTrue(body.contains("read out the reference and the code"), body);
        assertTrue(body.contains("<a href=\"http://localhost:3000/continue\">"), body);
    }

    @Test
    void anApplicationEnteredByTelephoneIsMarkedAndBecomesATaskToAcknowledge() {
        Application app = entered();
        assertEquals("local-sam-staff", app.enteredBy());
        assertEquals("telephone", HandlingFacts.of(app).channel());
        assertEquals(Application.Acknowledgement.STAFF_TO_CONTACT, app.acknowledgement());
        assertEquals("Robin Callerson", app.answer(ApplicationForm.FULL_NAME));
        // The task to acknowledge it, and (it asks for large print and adjustments) the support
        // request.
        assertEquals(
                List.of("ack-task-" + app.reference(), "support-" + app.reference()),
                outbox.messages().stream().map(OutboxMessage::id).toList());
        assertEquals(
                List.of("ack-task-" + app.reference(), "support-" + app.reference()),
                queue.announced);
        assertEquals(
                "application entered for the applicant (telephone)", audit.entries().get(0).what());

        var page = call("http-get-staff-application.json", app.reference());
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("Application saved."));
        assertTrue(body.contains("Telephone call, entered by Sam Staff"));
        assertTrue(
                body.contains("I chair a carers&#39;") || body.contains("I chair a carers'"),
                "every answer is shown");
        assertTrue(
                body.contains(
                        "http://localhost:3000/monitoring?role="
                                + ExampleRoles.LEP
                                + "&amp;token="
                                + tokens.forApplication(app.roleId(), app.reference())),
                "staff pass on the applicant's own monitoring link");
        assertTrue(body.contains("Do not ask the questions or fill it in for them"));

        var again = call("http-post-staff-role-application.json");
        assertEquals(
                "/staff/applications/" + app.reference() + "?done=already",
                again.getHeaders().get("Location"));
        assertEquals(1, applications.applications.size());
    }

    @Test
    void aWrongEntryShowsTheErrorSummaryAndKeepsWhatWasTyped() {
        var r = call("http-post-staff-role-application-invalid.json");
        assertEquals(400, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("<title>Error: Enter an application"));
        assertTrue(
                body.contains(
                        "<a href=\"#receivedBy\">Select how the application reached you</a>"));
        assertTrue(body.contains("<a href=\"#fullName\">Enter your full name</a>"));
        assertTrue(body.contains("Kept &lt;b&gt;as typed&lt;/b&gt;"));
        assertTrue(body.contains("I chair a carers"), "answers already given are kept");
        assertTrue(applications.applications.isEmpty());
    }

    @Test
    void aRolesApplicationsShowHowEachCameInItsStatusAndAcknowledgement() {
        Application app = entered();
        var r = call("http-get-staff-role-applications.json");
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains(app.reference()));
        assertTrue(body.contains("Robin Callerson"));
        assertTrue(body.contains("10 January 2025"));
        assertTrue(body.contains("Telephone call, entered by Sam Staff"));
        assertTrue(body.contains("Received"));
        assertTrue(body.contains("<strong>Not yet</strong>"));
        assertTrue(body.contains("/staff/roles/" + ExampleRoles.LEP + "/applications/new"));
    }

    @Test
    void staffMarkATelephoneApplicationAcknowledged() {
        Application app = entered();
        var list = call("http-get-staff-applications-unacknowledged.json");
        assertEquals(200, list.getStatusCode());
        assertTrue(list.getBody().contains(app.reference()));
        assertTrue(list.getBody().contains("15 January 2025 at 10:00am<br>5 days left"));
        var form = call("http-get-staff-application-acknowledge.json", app.reference());
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("How did you acknowledge the application?"));

        var done = call("http-post-staff-application-acknowledge.json", app.reference());
        assertEquals(303, done.getStatusCode());
        assertEquals(
                "/staff/applications/unacknowledged?done=acknowledged",
                done.getHeaders().get("Location"));
        assertTrue(outstanding.outstanding.isEmpty());
        assertTrue(
                HandlingFacts.of(
                                round.findByReference(app.reference(), Read.CONSISTENT)
                                        .orElseThrow())
                        .acknowledged()
                        .startsWith("By telephone, recorded by Sam Staff"));
        assertEquals(
                "application acknowledged (telephone)",
                audit.entries().get(audit.entries().size() - 1).what());
        assertEquals(
                "/staff/applications/" + app.reference(),
                call("http-post-staff-application-acknowledge.json", app.reference())
                        .getHeaders()
                        .get("Location"));
    }

    @Test
    void theTalkFirstQueueShowsWhatTheyDeclaredAndRecordsTheResult() {
        Application app = held();
        var queuePage = call("http-get-staff-applications-talk-first.json");
        assertEquals(200, queuePage.getStatusCode());
        assertTrue(queuePage.getBody().contains("Alex Heldperson"));
        assertTrue(queuePage.getBody().contains("disqualified from being a company director"));
        assertTrue(queuePage.getBody().contains("Email: jo.testperson@example.org"));

        var form = call("http-get-staff-application-talk-first.json", app.reference());
        assertEquals(200, form.getStatusCode());
        var invalid = call("http-post-staff-application-talk-first-invalid.json", app.reference());
        assertEquals(400, invalid.getStatusCode());
        assertTrue(
                invalid.getBody()
                        .contains(
                                "<a href=\"#reason\">Say why the application does not go ahead</a>"));
        assertEquals(
                Application.Status.HELD_TO_TALK_FIRST,
                round.findByReference(app.reference(), Read.CONSISTENT).orElseThrow().status());

        var done = call("http-post-staff-application-talk-first.json", app.reference());
        assertEquals(303, done.getStatusCode());
        assertEquals(
                "/staff/applications/talk-first?done=does-not-go-ahead",
                done.getHeaders().get("Location"));
        Application now = round.findByReference(app.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(Application.Status.NOT_SHORTLISTED, now.status());
        assertTrue(
                HandlingFacts.of(now)
                        .talkFirst()
                        .endsWith(
                                "The disqualification order lasts until 2027. They will apply again then."));
        AuditEntry entry = audit.entries().get(0);
        assertEquals(
                List.of("HELD_TO_TALK_FIRST", "NOT_SHORTLISTED"),
                List.of(entry.fromState(), entry.toState()));
        assertEquals(
                409,
                call("http-post-staff-application-talk-first.json", app.reference())
                        .getStatusCode());
    }

    @Test
    void aConversationFromAFormReadBeforeSomeoneElsesChangeIsRefusedWithTheFormAsItIsNow() {
        Application app = held();
        String read = app.version();
        assertTrue(
                call("http-get-staff-application-talk-first.json", app.reference())
                        .getBody()
                        .contains("name=\"version\" value=\"" + read + "\""));
        round.advance(
                app,
                Application.Status.HELD_TO_TALK_FIRST,
                Map.of("handling.note", "phoned, no answer"),
                new AuditEntry(
                        "someone-else",
                        "noted",
                        "application:" + app.reference(),
                        clock.instant(),
                        "HELD_TO_TALK_FIRST",
                        "HELD_TO_TALK_FIRST"),
                List.of());
        String now =
                round.findByReference(app.reference(), Read.CONSISTENT).orElseThrow().version();

        var r = call("http-post-staff-application-talk-first.json", app.reference(), read);

        assertEquals(409, r.getStatusCode());
        assertTrue(r.getBody().contains("Someone else changed this application"), r.getBody());
        assertTrue(r.getBody().contains("name=\"version\" value=\"" + now + "\""));
        assertTrue(
                r.getBody().contains("The disqualification order lasts until 2027."),
                "what they typed is kept");
        assertEquals(
                Application.Status.HELD_TO_TALK_FIRST,
                round.findByReference(app.reference(), Read.CONSISTENT).orElseThrow().status());
    }

    @Test
    void anUnknownApplicationIsAStaffNotFoundPage() {
        assertEquals(404, call("http-get-staff-application.json", "INV-ZZZZ-ZZZZ").getStatusCode());
        assertEquals(
                404, call("http-get-staff-application.json", "not-a-reference").getStatusCode());
    }

    @Test
    void staffRecordAWithdrawalByTelephoneOnTheApplicationsPageAndItIsGoneFromThereAfter() {
        Application app = entered();
        var page = call("http-get-staff-application.json", app.reference());
        assertTrue(page.getBody().contains("Withdraw this application"), page.getBody());
        assertTrue(
                page.getBody()
                        .contains(
                                "action=\"/staff/applications/" + app.reference() + "/withdraw\""));

        var done = call("http-post-staff-application-withdraw.json", app.reference());
        assertEquals(303, done.getStatusCode(), done.getBody());
        assertEquals(
                "/staff/applications/" + app.reference() + "?done=withdrawn",
                done.getHeaders().get("Location"));
        Application after = round.findByReference(app.reference(), Read.CONSISTENT).orElseThrow();
        assertEquals(Application.Status.WITHDRAWN, after.status());
        assertTrue(queue.announced.contains("withdrawn-team-" + app.reference()));
        var shown = call("http-get-staff-application.json", app.reference());
        assertTrue(shown.getBody().contains("Withdrawn"));
        assertFalse(shown.getBody().contains("Withdraw this application"));
        // Twice is harmless.
        assertEquals(
                303,
                call("http-post-staff-application-withdraw.json", app.reference()).getStatusCode());
        assertEquals(
                1,
                outbox.messages().stream()
                        .filter(m -> m.id().startsWith("withdrawn-team-"))
                        .count());
    }

    @Test
    void
            aWithdrawalFromAPageReadBeforeSomeoneElsesChangeIsNotRecordedAndTheApplicationIsShownAsNow() {
        Application app = entered();
        String read = app.version();
        Application stored = round.findByReference(app.reference(), Read.CONSISTENT).orElseThrow();
        round.advance(
                stored,
                stored.status(),
                Map.of("handling.note", "called back"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted a call",
                        "application:" + app.reference(),
                        java.time.Instant.parse("2025-01-10T10:00:00Z"),
                        stored.status().name(),
                        stored.status().name()),
                java.util.List.of());
        int mails = outbox.messages().size();

        var r = call("http-post-staff-application-withdraw.json", app.reference(), read);
        assertEquals(409, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("Someone else changed this application"), body);
        Application now = round.findByReference(app.reference(), Read.CONSISTENT).orElseThrow();
        assertTrue(body.contains("name=\"version\" value=\"" + now.version() + "\""), "as now");
        assertTrue(body.contains("Withdraw this application"));
        assertEquals(stored.status(), now.status());
        assertEquals(mails, outbox.messages().size(), "nobody told");
    }

    @Test
    void markingSupportDoneFromAListReadBeforeSomeoneElsesChangeWritesNothing() {
        Application asks =
                round.add(
                        TestApplications.submitted(
                                lep,
                                "INV-SPRT-3456",
                                Instant.parse("2025-01-09T09:00:00Z"),
                                Map.of(
                                        ApplicationForm.FULL_NAME,
                                        "Sasha Supportperson",
                                        ApplicationForm.EMAIL,
                                        "sasha.supportperson@example.org",
                                        "otherFormat",
                                        "Easy read")));
        var list = call("http-get-staff-applications-support.json");
        assertTrue(list.getBody().contains("value=\"" + asks.version() + "\""), list.getBody());
        round.advance(
                asks,
                asks.status(),
                Map.of("handling.note", "called back"),
                new org.involve.core.audit.AuditEntry(
                        "someone-else",
                        "noted a call",
                        "application:" + asks.reference(),
                        Instant.parse("2025-01-10T10:00:00Z"),
                        asks.status().name(),
                        asks.status().name()),
                java.util.List.of());
        int audited = audit.entries().size();

        var r =
                call(
                        "http-post-staff-application-support-done.json",
                        asks.reference(),
                        asks.version());
        assertEquals(409, r.getStatusCode());
        assertTrue(r.getBody().contains("Someone else changed this application"), r.getBody());
        Application now = round.findByReference(asks.reference(), Read.CONSISTENT).orElseThrow();
        assertTrue(
                r.getBody().contains("value=\"" + now.version() + "\""), "the list as it is now");
        assertEquals(null, HandlingFacts.of(now).supportDone());
        assertEquals(audited, audit.entries().size());
    }
}
