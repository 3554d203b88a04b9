package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.AcknowledgementPromiseCheck;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplyingSettings;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryMonitoringCodes;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.InMemoryOutstandingAcknowledgements;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryShortlist;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Email;
import org.involve.core.kit.Read;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringResponse;
import org.involve.core.monitoring.MonitoringStore;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.MailDelivery;
import org.involve.core.outbox.MailSender;
import org.involve.core.outbox.MailState;
import org.involve.core.outbox.Outbox;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.ClosingRun;
import org.involve.core.shortlisting.PanelPapers;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/** Every file in events/ through the handler that template.yaml wires it to, with the ports faked in memory. */
class SampleEventsTest {
    private static final String ROLE = ExampleRoles.LEP;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryApplications applications = new InMemoryApplications(outbox, drafts);

    /** The closing job's papers for the panel, from the applications above. */
    private final PanelPapers papers =
            new PanelPapers(
                    new InMemoryRound(applications, outbox, new InMemoryAuditTrail()),
                    new InMemoryShortlist(new InMemoryAuditTrail()),
                    new AnonymousIds("a-test-anonymous-id-key-of-enough-length"));

    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length");
    private final MonitoringKey monitoringKeys =
            new MonitoringKey("a-test-monitoring-key-of-enough-length-000", tokens);
    private final ApplicationJourney journey =
            new ApplicationJourney(
                    roles,
                    drafts,
                    applications,
                    tokens,
                    clock,
                    new ApplyingSettings(
                            "http://localhost:3000",
                            "http://localhost:3000",
                            Duration.ofDays(14),
                            Duration.ofSeconds(20)),
                    TestLinks.LOCAL_WITHDRAWAL,
                    new org.involve.core.fakes.InMemoryAttempts(
                            new org.involve.core.fakes.InMemoryOutbox(
                                    new org.involve.core.fakes.RecordingMailQueue())));
    private final PublicSiteHandler site = new PublicSiteHandler(journey, false);
    private final List<MonitoringResponse> monitoring = new ArrayList<>();
    private final MonitoringFormHandler monitoringForm =
            new MonitoringFormHandler(
                    new MonitoringForm(
                            r -> {
                                monitoring.add(r);
                                return MonitoringStore.Outcome.RECORDED;
                            },
                            tokens,
                            monitoringKeys,
                            roles),
                    new MonitoringByCode(
                            new MonitoringCode("a-test-signing-key-of-enough-length", tokens),
                            new InMemoryMonitoringCodes(),
                            new org.involve.core.fakes.InMemoryAttempts(
                                    new org.involve.core.fakes.InMemoryOutbox()),
                            monitoringKeys,
                            () -> roles,
                            () -> roles,
                            "a-test-signing-key-of-enough-length",
                            clock));
    private static final Set<String> covered = SampleEvents.COVERED;

    SampleEventsTest() {
        ExampleRoles.all(clock).forEach(roles::save);
    }

    private APIGatewayV2HTTPResponse site(String event, Map<String, String> placeholders) {
        covered.add(event);
        return site.handleRequest(
                SampleEvents.read(event, APIGatewayV2HTTPEvent.class, placeholders), null);
    }

    private APIGatewayV2HTTPResponse site(String event) {
        return site(event, Map.of());
    }

    private String draftWith(Map<String, String> answers, Set<String> sections) {
        ApplicationDraft d = journey.start(ROLE);
        drafts.save(
                new ApplicationDraft(
                        d.id(), d.roleId(), d.startedAt(), answers, sections, null, d.expiresAt()));
        return d.id();
    }

    private String completeDraft() {
        Role role = roles.find(ROLE, Read.EVENTUAL).orElseThrow();
        Map<String, String> answers = Answers.valid(role);
        Set<String> all = new HashSet<>();
        new ApplicationForm(role).sections(answers).forEach(s -> all.add(s.id()));
        String id = draftWith(answers, all);
        clock.advance(Duration.ofMinutes(10));
        return id;
    }

    @Test
    void theHomePageSendsPeopleToTheOpenRoles() {
        var r = site("http-get-home.json");
        assertEquals(303, r.getStatusCode());
        assertEquals("/roles", r.getHeaders().get("Location"));
    }

    @Test
    void theOpenRolesListShowsOnlyOpenRolesWithTheirClosingTime() {
        var r = site("http-get-roles.json");
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Listening Culture lived experience partner"));
        assertTrue(r.getBody().contains("Strategic Co-production Group member"));
        assertFalse(r.getBody().contains("Maternity services lay partner"), "closed role listed");
        assertTrue(r.getBody().contains("at 11:59pm"));
    }

    @Test
    void aRolePageShowsEverythingAboutTheRole() {
        var r = site("http-get-role.json");
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        for (String expected :
                List.of(
                        "£75 a month",
                        "Up to 4 hours a month",
                        "at 11:59pm",
                        "week commencing",
                        "Who cannot apply",
                        "benefits-advice@example.org",
                        "Another format",
                        "voice recording",
                        "Start now",
                        "Attend at least 80% of meetings")) {
            assertTrue(body.contains(expected), expected);
        }
        assertEquals("no-store", r.getHeaders().get("Cache-Control"));
    }

    /** The three lines at the top, before the closing date and the details: do, get, who cannot apply. */
    @Test
    void aRolePageStartsWithAThreeLineSummary() {
        String body = site("http-get-role.json").getBody();
        int summary = body.indexOf("This role in short");
        assertTrue(summary > 0, body);
        int details = body.indexOf("What the role involves");
        for (String line :
                List.of(
                        "What you would do",
                        "Time it takes: Up to 4 hours a month, including preparation and follow-up.",
                        "What you would get",
                        "An involvement payment of £75 a month.",
                        "We also pay back the costs of taking part, such as travel.",
                        "Who cannot apply",
                        "health workers who treat patients, MPs and local councillors.")) {
            int at = body.indexOf(line, summary);
            assertTrue(at > summary && at < details, line);
        }
    }

    @Test
    void anUnknownRoleIsAPlainNotFoundPage() {
        var r = site("http-get-role-unknown.json");
        assertEquals(404, r.getStatusCode());
        assertTrue(r.getBody().contains("Page not found"));
    }

    /** What the SnapStart hook runs before the snapshot: pages read and rendered, nothing written. */
    @Test
    void primingReadsAndRendersPagesAndWritesNothing() {
        int finds = roles.finds();

        site.prime();

        assertTrue(roles.finds() > finds, "the first open role's page was read");
        assertTrue(drafts.drafts.isEmpty(), "no draft made");
        assertTrue(outbox.entries.isEmpty(), "no e-mail written");
        assertTrue(applications.applications.isEmpty(), "no application stored");
    }

    @Test
    void startingAnApplicationSavesADraftAndGoesToTheFirstSection() {
        int finds = roles.finds();
        var r = site("http-post-start-application.json");
        assertEquals(303, r.getStatusCode());
        assertEquals(1, roles.finds() - finds, "the role is read once");
        // Who can apply comes first, before any personal details.
        assertEquals("/roles/" + ROLE + "/apply/who-can-apply", r.getHeaders().get("Location"));
        assertEquals(1, drafts.drafts.size());
        String cookie = r.getCookies().get(0);
        assertTrue(cookie.startsWith("involve-draft=" + drafts.drafts.keySet().iterator().next()));
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    }

    @Test
    void aSectionPageShowsItsQuestions() {
        String draft = draftWith(Map.of(), Set.of());
        var r = site("http-get-section.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(200, r.getStatusCode());
        assertTrue(
                r.getBody()
                        .contains(
                                "<label class=\"nhsuk-label nhsuk-label--s\" for=\"fullName\">Full name</label>"));
        // The page says how long the answers are kept.
        assertTrue(
                r.getBody()
                        .contains(
                                "You can stop and carry on later, on any phone or computer, until "),
                r.getBody());
    }

    /** In the draft's last two days its pages warn that the answers will be deleted, and how to keep them. */
    @Test
    void aSectionPageWarnsBeforeTheAnswersAreDeleted() {
        String draft = draftWith(Map.of(), Set.of());
        assertFalse(
                site("http-get-section.json", Map.of("SAMPLE_DRAFT", draft))
                        .getBody()
                        .contains("Your answers will be deleted soon"));
        clock.advance(Duration.ofDays(13));
        var r = site("http-get-section.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Your answers will be deleted soon"), r.getBody());
        assertTrue(r.getBody().contains("We will delete your answers on "), r.getBody());
    }

    @Test
    void aValidSectionIsSavedAndTheNextSectionFollows() {
        String draft = draftWith(Map.of(), Set.of());
        var r = site("http-post-section-valid.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(303, r.getStatusCode());
        assertEquals("/roles/" + ROLE + "/apply/support", r.getHeaders().get("Location"));
        assertEquals("Jo Testperson", drafts.drafts.get(draft).answers().get("fullName"));
        // Each save keeps the answers for the whole period again, and renews the cookie that finds
        // them.
        assertEquals(
                clock.instant().plus(java.time.Duration.ofDays(14)),
                drafts.drafts.get(draft).expiresAt());
        assertTrue(
                r.getCookies().get(0).startsWith("involve-draft=" + draft + ";"),
                r.getCookies().get(0));
        assertTrue(r.getCookies().get(0).contains("Max-Age=1209600"), r.getCookies().get(0));
    }

    @Test
    void aRefusalSaysWhySavesNothingDeletesNothingAndOffersToChangeTheAnswer() {
        String draft =
                draftWith(
                        Map.of("fullName", "Jo Testperson", "eligibilityNone", "yes"),
                        Set.of("who-can-apply", "about-you"));
        var r = site("http-post-section-refused.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("<h1>You cannot apply for this role</h1>"));
        assertTrue(body.contains("MPs and councillors in office now"));
        assertTrue(
                body.contains("href=\"/roles/" + ROLE + "/apply/who-can-apply\" role=\"button\""),
                "a way back to the question");
        assertTrue(
                r.getCookies() == null || r.getCookies().isEmpty(), "the draft's cookie is kept");
        var kept = drafts.drafts.get(draft);
        assertEquals("Jo Testperson", kept.answers().get("fullName"));
        assertFalse(
                kept.answers().containsKey("electedOffice"), "the refusing answer is not saved");
        assertFalse(kept.completedSections().contains("who-can-apply"));
    }

    @Test
    void anInvalidSectionShowsAnErrorSummaryAndSavesNothing() {
        String draft = draftWith(Map.of(), Set.of());
        var r = site("http-post-section-invalid.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(400, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("<title>Error: About you"));
        assertTrue(body.contains("There is a problem"));
        assertTrue(body.contains("<a href=\"#fullName\">Full name must not include &lt; or &gt;"));
        assertTrue(body.contains("Enter an email address in the correct format"));
        assertTrue(body.contains("Enter a UK phone number"));
        assertFalse(body.contains("<script>alert"), "what was typed is escaped when shown back");
        assertTrue(drafts.drafts.get(draft).answers().isEmpty());
    }

    @Test
    void aFormSentAsJsonIsRefusedWith415() {
        String draft = draftWith(Map.of(), Set.of());
        var r = site("http-post-section-wrong-content-type.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(415, r.getStatusCode());
        assertTrue(r.getBody().contains("We could not read the form"));
        assertTrue(drafts.drafts.get(draft).answers().isEmpty());
    }

    @Test
    void aBodyOver1MbIsRefusedWith413() {
        String draft = draftWith(Map.of(), Set.of());
        var r = site("http-post-section-too-large.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(413, r.getStatusCode());
        assertTrue(r.getBody().contains("1 MB"));
    }

    @Test
    void checkAnswersListsEveryAnswerWithAChangeLink() {
        String draft = completeDraft();
        var r = site("http-get-check-answers.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Check your answers before sending your application"));
        assertTrue(r.getBody().contains("Jo Testperson"));
        assertTrue(
                r.getBody()
                        .contains(
                                "Change<span class=\"nhsuk-u-visually-hidden\"> full name</span>"));
        // Never "i have read", nor the "(optional)" the question's label ends with.
        assertTrue(
                r.getBody().contains("<span class=\"nhsuk-u-visually-hidden\"> I have read"),
                r.getBody());
        assertFalse(r.getBody().contains("> i have read"));
        assertTrue(
                r.getBody()
                        .contains(
                                "<span class=\"nhsuk-u-visually-hidden\"> do you have any support needs?</span>"));
    }

    @Test
    void submittingStoresTheApplicationAndEmailsTheReferenceAndMonitoringLink() {
        String draft = completeDraft();
        var r = site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(303, r.getStatusCode());
        assertEquals("/roles/" + ROLE + "/confirmation", r.getHeaders().get("Location"));
        assertEquals(1, applications.applications.size());
        var confirmation = site("http-get-confirmation.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(200, confirmation.getStatusCode());
        var app = applications.applications.values().iterator().next();
        String reference = app.reference();
        // The reference and the equal opportunities link go only to the applicant's e-mail.
        Email ack = outbox.messages().get(0).email();
        assertEquals("jo.testperson@example.org", ack.to());
        assertTrue(ack.text().contains(reference), ack.text());
        assertTrue(
                ack.text()
                        .contains(
                                "http://localhost:3000/monitoring?role="
                                        + ROLE
                                        + "&token="
                                        + tokens.forApplication(app.roleId(), app.reference())),
                ack.text());
        String page = confirmation.getBody();
        assertFalse(page.contains(reference), "no reference on the page");
        assertFalse(page.contains("/monitoring"), "no monitoring link on the page");
        assertFalse(page.contains(tokens.forApplication(app.roleId(), app.reference())));
        assertTrue(page.contains("We have sent a message to jo.testperson@example.org."), page);
        // The help box: the role's contact by name, a phone number that calls, the e-mail address,
        // the hours.
        assertTrue(page.contains("Ask for Sam Example."), page);
        assertTrue(
                page.contains("<a href=\"tel:+441632960001\">01632 960 001</a>"),
                "the role's phone, as written, calls when pressed");
        assertTrue(
                page.contains(
                        "<a href=\"mailto:involvement-team@example.org\">involvement-team@example.org</a>"));
        assertTrue(page.contains("We can fill in the form with you by telephone."));
    }

    @Test
    void applyingAgainWithAKnownAddressGetsTheSameResponsesAndTheOwnerIsTold() {
        String first = completeDraft();
        var firstSend = site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", first));
        var firstPage = site("http-get-confirmation.json", Map.of("SAMPLE_DRAFT", first));
        String second = completeDraft(); // the same e-mail address, from another browser
        var secondSend = site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", second));
        var secondPage = site("http-get-confirmation.json", Map.of("SAMPLE_DRAFT", second));

        assertEquals(firstSend.getStatusCode(), secondSend.getStatusCode());
        assertEquals(firstSend.getHeaders(), secondSend.getHeaders());
        assertEquals(firstSend.getCookies(), secondSend.getCookies());
        assertEquals(firstSend.getBody(), secondSend.getBody());
        assertEquals(firstPage.getStatusCode(), secondPage.getStatusCode());
        assertEquals(firstPage.getHeaders(), secondPage.getHeaders());
        assertEquals(firstPage.getCookies(), secondPage.getCookies());
        assertEquals(firstPage.getBody(), secondPage.getBody(), "word for word the same page");
        assertFalse(secondPage.getBody().contains("already"));

        assertEquals(1, applications.applications.size());
        List<String> subjects =
                outbox.messages().stream().map(m -> m.email().subject()).sorted().toList();
        assertEquals(2, subjects.size(), subjects.toString());
        assertTrue(subjects.get(0).startsWith("Someone tried to apply again using your details"));
        assertTrue(subjects.get(1).startsWith("We have received your application"));
    }

    @Test
    void beyondTheApplicationsFromOneClientInAnHourAPageSaysSoAndTheDraftIsKept() {
        int limit = ApplyingSettings.DEFAULT_APPLICATIONS_PER_CLIENT_PER_HOUR;
        List<String> ready = new ArrayList<>();
        for (int i = 0; i <= limit; i++) ready.add(completeDraft());
        // All sent in the same minute, from the event's client (127.0.0.1).
        for (int i = 0; i < limit; i++)
            assertEquals(
                    303,
                    site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", ready.get(i)))
                            .getStatusCode());
        String last = ready.get(limit);
        var r = site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", last));
        assertEquals(429, r.getStatusCode());
        assertTrue(r.getBody().contains("Too many applications sent from here"), r.getBody());
        assertTrue(r.getBody().contains("Your answers are saved."), r.getBody());
        assertFalse(drafts.drafts.get(last).submitted(), "the draft is kept, not marked sent");
        assertEquals(
                "Jo Testperson",
                drafts.drafts.get(last).answers().get(ApplicationForm.FULL_NAME),
                "nothing typed lost");

        clock.advance(Duration.ofHours(1));
        assertEquals(
                303,
                site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", last))
                        .getStatusCode(),
                "the next hour it goes");
        assertTrue(drafts.drafts.get(last).submitted());
    }

    @Test
    void submittingTwiceMakesOneApplicationAndOneEmail() {
        String draft = completeDraft();
        site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", draft));
        var again = site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(303, again.getStatusCode());
        assertEquals(1, applications.applications.size());
        assertEquals(1, outbox.messages().size());
    }

    @Test
    void aSubmissionTheStoreCannotTakeNowAsksToTryAgainAndKeepsTheDraft() {
        String draft = completeDraft();
        applications.busyFor = 1;
        var r = site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(503, r.getStatusCode());
        assertEquals("30", r.getHeaders().get("Retry-After"));
        assertTrue(r.getBody().contains("Sorry, we could not save that just now"));
        assertTrue(
                r.getBody()
                        .contains("your answers are safe. Please wait a minute, then try again."));
        assertEquals(0, applications.applications.size());
        assertEquals(0, outbox.messages().size());
        assertFalse(drafts.drafts.get(draft).submitted(), "the draft is kept, not marked sent");

        var again = site("http-post-submit-application.json", Map.of("SAMPLE_DRAFT", draft));
        assertEquals(303, again.getStatusCode());
        assertEquals(1, applications.applications.size());
    }

    @Test
    void applyingToAClosedRoleSaysPlainlyThatItHasClosed() {
        var r = site("http-post-apply-closed-role.json");
        assertEquals(410, r.getStatusCode());
        assertTrue(r.getBody().contains("This role has closed"));
        assertTrue(drafts.drafts.isEmpty());
    }

    @Test
    void theMonitoringFormOpensFromAValidLinkOnly() {
        covered.add("http-get-monitoring.json");
        covered.add("http-get-monitoring-bad-token.json");
        String token = tokens.forApplication(ROLE, "INV-BCDF-2345");
        var ok =
                monitoringForm.handleRequest(
                        SampleEvents.read(
                                "http-get-monitoring.json",
                                APIGatewayV2HTTPEvent.class,
                                Map.of("SAMPLE_TOKEN", token)),
                        null);
        assertEquals(200, ok.getStatusCode());
        assertTrue(ok.getBody().contains("Prefer not to say"));
        var bad =
                monitoringForm.handleRequest(
                        SampleEvents.read(
                                "http-get-monitoring-bad-token.json",
                                APIGatewayV2HTTPEvent.class,
                                Map.of()),
                        null);
        assertEquals(404, bad.getStatusCode());
    }

    /**
     * Once the role is filled or withdrawn its round is over and the form has closed: the link shows a plain NHS.UK
     * message page (410 Gone) instead of the questions, and answers sent from a page opened before are not kept.
     */
    @Test
    void theMonitoringFormHasClosedOnceTheRolesRoundIsOver() {
        String token = tokens.forApplication(ROLE, "INV-BCDF-2345");
        for (org.involve.core.role.RoleStatus over :
                List.of(
                        org.involve.core.role.RoleStatus.FILLED,
                        org.involve.core.role.RoleStatus.WITHDRAWN)) {
            roles.save(roles.roles.get(ROLE).withStatus(over));
            for (String event : List.of("http-get-monitoring.json", "http-post-monitoring.json")) {
                var r =
                        monitoringForm.handleRequest(
                                SampleEvents.read(
                                        event,
                                        APIGatewayV2HTTPEvent.class,
                                        Map.of("SAMPLE_TOKEN", token)),
                                null);
                assertEquals(410, r.getStatusCode(), over + " " + event);
                String body = r.getBody();
                assertTrue(body.contains("<h1>This form has closed</h1>"), body);
                assertTrue(
                        body.contains(
                                "We are no longer collecting equal opportunities answers for this"
                                        + " role, because recruitment for it has finished."));
                assertTrue(body.contains("You do not need to do anything."));
                assertFalse(body.contains("Prefer not to say"), "no questions");
                assertTrue(body.contains("nhsuk-"), "the NHS.UK page pattern");
            }
        }
        assertTrue(monitoring.isEmpty(), "nothing kept");
    }

    @Test
    void monitoringAnswersAreStoredUnderTheirKeyAndNothingElse() {
        covered.add("http-post-monitoring.json");
        String token = tokens.forApplication(ROLE, "INV-BCDF-2345");
        var r =
                monitoringForm.handleRequest(
                        SampleEvents.read(
                                "http-post-monitoring.json",
                                APIGatewayV2HTTPEvent.class,
                                Map.of("SAMPLE_TOKEN", token)),
                        null);
        assertEquals(200, r.getStatusCode());
        assertEquals(1, monitoring.size());
        assertEquals(
                monitoringKeys.forApplication(ROLE, "INV-BCDF-2345"),
                monitoring.get(0).answerKey());
        assertEquals("white-irish", monitoring.get(0).answers().get("ethnicGroup"));
        assertFalse(monitoring.get(0).answers().containsKey("token"));
        assertFalse(monitoring.get(0).answers().containsKey("role"));
    }

    @Test
    void theMailerSendsAnnouncedMessagesAndLeavesARefusedOneWaitingInTheOutbox() {
        covered.add("sqs-mail-announced.json");
        List<Email> sent = new ArrayList<>();
        MailSender ses =
                email -> {
                    if (email.subject().contains("throttled"))
                        throw new MailSender.MailNotSent("Throttling", true, null);
                    sent.add(email);
                };
        outbox.add(
                new OutboxMessage(
                        "ack-INV-BCDF-2345",
                        new Email("jo@example.org", "Received", "<p>x</p>", "x"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "acknowledgement"));
        outbox.add(
                new OutboxMessage(
                        "ack-INV-GHJK-6789",
                        new Email("al@example.org", "throttled", "<p>x</p>", "x"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "acknowledgement"));
        MailerHandler mailer =
                new MailerHandler(
                        new MailDelivery(outbox, ses, clock, Duration.ofHours(72)),
                        Telemetry.metrics());
        SQSBatchResponse response =
                mailer.handleRequest(
                        SampleEvents.read("sqs-mail-announced.json", SQSEvent.class, Map.of()),
                        null);
        assertEquals(1, sent.size());
        assertEquals(
                List.of(),
                response.getBatchItemFailures(),
                "the sweep retries it from the outbox, not SQS");
        assertEquals(MailState.PENDING, outbox.state("ack-INV-GHJK-6789"));
        assertTrue(
                outbox.find("ack-INV-GHJK-6789").orElseThrow().dueAt().isAfter(clock.instant()),
                "waiting for its retry time");
    }

    @Test
    void anAnnouncementTheMailerCouldNotHandleComesBackFromTheQueue() {
        Outbox unreachable =
                (Outbox)
                        Proxy.newProxyInstance(
                                Outbox.class.getClassLoader(),
                                new Class<?>[] {Outbox.class},
                                (proxy, method, args) -> {
                                    throw new IllegalStateException("DynamoDB is unreachable");
                                });
        MailerHandler mailer =
                new MailerHandler(
                        new MailDelivery(unreachable, email -> {}, clock, Duration.ofHours(72)),
                        Telemetry.metrics());
        SQSBatchResponse response =
                mailer.handleRequest(
                        SampleEvents.read("sqs-mail-announced.json", SQSEvent.class, Map.of()),
                        null);
        assertEquals(
                List.of(
                        "11111111-1111-4111-8111-111111111111",
                        "22222222-2222-4222-8222-222222222222"),
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .toList());
    }

    @Test
    void theScheduledSweepSendsWhatIsDue() {
        covered.add("schedule-outbox-sweep.json");
        List<Email> sent = new ArrayList<>();
        outbox.add(
                new OutboxMessage(
                        "ack-1",
                        new Email("jo@example.org", "Received", "<p>x</p>", "x"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "acknowledgement"));
        OutboxSweepHandler sweep =
                new OutboxSweepHandler(
                        new MailDelivery(outbox, sent::add, clock, Duration.ofHours(72)));
        @SuppressWarnings("unchecked")
        Map<String, Object> event =
                SampleEvents.read("schedule-outbox-sweep.json", Map.class, Map.of());
        assertEquals(Map.of("sent", 1), sweep.handleRequest(event, null));
        assertEquals(1, sent.size());
    }

    @Test
    void theSweepSaysHowManyItSetAsideForStaff() {
        outbox.add(
                new OutboxMessage(
                        "ack-2",
                        new Email("jo@example.org", "Received", "<p>x</p>", "x"),
                        clock.instant(),
                        clock.instant(),
                        0,
                        "acknowledgement"));
        MailSender refusing =
                email -> {
                    throw new MailSender.MailNotSent(
                            "MessageRejected", MailSender.Problem.MESSAGE_REJECTED, null);
                };
        OutboxSweepHandler sweep =
                new OutboxSweepHandler(
                        new MailDelivery(outbox, refusing, clock, Duration.ofHours(72)));
        @SuppressWarnings("unchecked")
        Map<String, Object> event =
                SampleEvents.read("schedule-outbox-sweep.json", Map.class, Map.of());
        assertEquals(Map.of("sent", 0, "gave_up", 1), sweep.handleRequest(event, null));
        assertEquals(MailState.FAILED, outbox.state("ack-2"));
    }

    private Map<String, Object> scheduled(String event) {
        covered.add(event);
        @SuppressWarnings("unchecked")
        Map<String, Object> e = SampleEvents.read(event, Map.class, Map.of());
        return e;
    }

    @Test
    void theClosingJobMovesRolesPastTheirClosingTimeToShortlistingAndTellsThePanelOnce() {
        InMemoryAuditTrail audit = new InMemoryAuditTrail();
        InMemoryRoles due = new InMemoryRoles(outbox, audit);
        Role closed = TestRoles.dayRate(LocalDate.of(2025, 1, 9)); // closed at 23:59 GMT last night
        Role open = TestRoles.monthly(LocalDate.of(2025, 1, 10)); // closes tonight
        due.save(closed);
        due.save(open);
        due.panel(closed.id(), TestStaff.PANEL_A);
        ClosingJobHandler job =
                new ClosingJobHandler(
                        new ClosingRun(due, due, papers, "http://localhost:3000"), clock);

        Map<String, Object> first = job.handleRequest(scheduled("schedule-closing-job.json"), null);
        Map<String, Object> again = job.handleRequest(scheduled("schedule-closing-job.json"), null);

        assertEquals(Map.of("closed", List.of(closed.id()), "panelEmails", 1), first);
        assertEquals(Map.of("closed", List.of(), "panelEmails", 0), again);
        assertEquals(RoleStatus.SHORTLISTING, due.roles.get(closed.id()).status());
        assertEquals(RoleStatus.OPEN, due.roles.get(open.id()).status());
        assertEquals(List.of("panel-day-rate-role-2025-01-09-panel-0001"), queue.announced);
        assertEquals("pat.panel@example.org", outbox.messages().get(0).email().to());
        assertEquals(1, outbox.messages().size());
        assertTrue(
                outbox.messages()
                        .get(0)
                        .email()
                        .text()
                        .contains("http://localhost:3000/staff/shortlisting/day-rate-role"));
        assertEquals(1, audit.entries().size());
    }

    @Test
    void theClosingJobStillClosesWhenTheMailQueueCannotBeReachedAndTheSweepSendsTheEmail() {
        queue.unreachable = true;
        InMemoryRoles due = new InMemoryRoles(outbox, new InMemoryAuditTrail());
        due.save(TestRoles.dayRate(LocalDate.of(2025, 1, 9)));
        due.panel("day-rate-role", TestStaff.PANEL_A);
        ClosingJobHandler job =
                new ClosingJobHandler(
                        new ClosingRun(due, due, papers, "http://localhost:3000"), clock);

        assertEquals(
                Map.of("closed", List.of("day-rate-role"), "panelEmails", 1),
                job.handleRequest(scheduled("schedule-closing-job.json"), null));

        assertEquals(
                List.of("panel-day-rate-role-2025-01-09-panel-0001"),
                outbox.due(clock.instant(), 10).stream().map(OutboxMessage::id).toList());
    }

    @Test
    void theAcknowledgementJobAlertsStaffOnceAboutAnApplicationNearItsPromise() {
        Role fiveDays = TestRoles.monthly(LocalDate.of(2025, 2, 1));
        roles.save(fiveDays);
        InMemoryOutstandingAcknowledgements outstanding = new InMemoryOutstandingAcknowledgements();
        // Promised by 10:00 on 11 January; the job warns two days ahead.
        outstanding.add(
                TestApplications.submitted(
                        fiveDays,
                        "INV-BCDF-2345",
                        Instant.parse("2025-01-06T10:00:00Z"),
                        Map.of(ApplicationForm.CONTACT_METHOD, "telephone")));
        outstanding.add(
                TestApplications.submitted(
                        fiveDays, "INV-GHJK-6789", Instant.parse("2025-01-10T08:00:00Z")));
        AcknowledgementPromiseHandler job =
                new AcknowledgementPromiseHandler(
                        new AcknowledgementPromiseCheck(
                                outstanding,
                                roles,
                                new InMemoryOutboxWriter(outbox),
                                "http://localhost:3000",
                                Period.ofDays(2)),
                        clock);

        assertEquals(
                Map.of("alerts", 1),
                job.handleRequest(scheduled("schedule-acknowledgement-promise.json"), null));
        assertEquals(
                Map.of("alerts", 0),
                job.handleRequest(scheduled("schedule-acknowledgement-promise.json"), null));

        assertEquals(List.of("ack-promise-INV-BCDF-2345"), queue.announced);
        Email alert = outbox.messages().get(0).email();
        assertEquals(
                "Acknowledge application INV-BCDF-2345 by 11 January 2025 at 10:00am",
                alert.subject());
        assertTrue(alert.text().contains("http://localhost:3000/staff/applications/INV-BCDF-2345"));
        assertFalse(
                alert.text().contains("Jo Testperson"),
                "staff alerts carry the reference, not the name");
    }

    @Test
    void everySampleEventHasATest() throws Exception {
        // Runs the other tests' events through a fresh instance, so the check holds whatever order
        // JUnit picks.
        for (var m : SampleEventsTest.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Test.class)
                    && !m.getName().equals("everySampleEventHasATest")) {
                m.setAccessible(true);
                m.invoke(new SampleEventsTest());
            }
        }
        // Likewise every other *EventsTest class in this package (staff areas keep their events'
        // tests apart).
        SampleEvents.runOtherEventTests(SampleEventsTest.class);
        List<String> untested =
                SampleEvents.names().stream().filter(n -> !covered.contains(n)).toList();
        assertEquals(List.of(), untested, "events/ files with no handler test");
    }
}
