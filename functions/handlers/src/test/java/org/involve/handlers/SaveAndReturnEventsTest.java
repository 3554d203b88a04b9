package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplyingSettings;
import org.involve.core.application.SaveAndReturn;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.draft.ReturnCodes;
import org.involve.core.fakes.Answers;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAttempts;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestLinks;
import org.involve.core.kit.Read;
import org.involve.core.kit.Retention;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.Role;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/** Save and return on any device (issue 14, item 2): the task list, the e-mail link, the reference and code. */
class SaveAndReturnEventsTest {
    private static final String ROLE = ExampleRoles.LEP;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryDrafts drafts = new InMemoryDrafts();
    private final InMemoryOutbox outbox = new InMemoryOutbox(new RecordingMailQueue());
    private final InMemoryApplications applications = new InMemoryApplications(outbox, drafts);
    private final ReturnCodes codes = new ReturnCodes("a-test-return-code-key-of-enough-length");
    private final ApplicationJourney journey =
            new ApplicationJourney(
                    roles,
                    drafts,
                    applications,
                    new MonitoringToken("a-test-signing-key-of-enough-length"),
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
    private final SaveAndReturn returns =
            new SaveAndReturn(
                    drafts,
                    new InMemoryAttempts(outbox),
                    roles,
                    TestLinks.LINKS,
                    codes,
                    clock,
                    "http://localhost:3000");
    private final PublicSiteHandler site =
            new PublicSiteHandler(journey, returns, false, Retention.DEFAULTS);

    SaveAndReturnEventsTest() {
        ExampleRoles.all(clock).forEach(roles::save);
    }

    private APIGatewayV2HTTPResponse site(String event, Map<String, String> placeholders) {
        return site.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, placeholders), null);
    }

    private Role role() {
        return roles.find(ROLE, Read.EVENTUAL).orElseThrow();
    }

    /** A draft with the first sections done: who can apply, paid roles. */
    private ApplicationDraft started() {
        Role role = role();
        ApplicationDraft d = journey.start(role);
        Map<String, String> answers = Answers.valid(role);
        ApplicationForm form = new ApplicationForm(role);
        for (String id : java.util.List.of("who-can-apply", "paid-roles"))
            journey.saveSection(
                    d.id(),
                    ROLE,
                    id,
                    Answers.forSection(form.section(id, answers).orElseThrow(), answers));
        return drafts.find(d.id()).orElseThrow();
    }

    @Test
    void theTaskListShowsEachSectionsStatusTheKeptUntilDateAndTheWaysToComeBack() {
        ApplicationDraft d = started();
        var r = site("http-get-task-list.json", Map.of("SAMPLE_DRAFT", d.id()));
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("nhsuk-task-list"), body);
        assertTrue(body.contains("You have completed 2 of"), body);
        assertTrue(body.contains(">Completed<"));
        assertTrue(body.contains(">Not started<"));
        assertTrue(body.contains(">Cannot start yet<"));
        assertTrue(body.contains("24 January 2025"), "kept until");
        assertTrue(body.contains(d.returnReference()));
        assertTrue(body.contains(codes.code(d.id())));
        assertTrue(body.contains("action=\"/roles/" + ROLE + "/save-link\""), "the e-mail form");
        assertFalse(body.contains("/check-answers\""), "not until every section is done");
    }

    @Test
    void whenEverySectionIsDoneTheTaskListLeadsToCheckYourAnswers() {
        Role role = role();
        Map<String, String> answers = Answers.valid(role);
        Set<String> all = new HashSet<>();
        new ApplicationForm(role).sections(answers).forEach(s -> all.add(s.id()));
        ApplicationDraft d = journey.start(role);
        drafts.save(
                new ApplicationDraft(d.id(), ROLE, d.startedAt(), answers, all, null, d.expiresAt())
                        .withReturnReference(d.returnReference()));
        var r = site("http-get-task-list.json", Map.of("SAMPLE_DRAFT", d.id()));
        assertTrue(r.getBody().contains("href=\"/roles/" + ROLE + "/check-answers\""));
        assertFalse(r.getBody().contains("Not started"));
    }

    @Test
    void theSaveLinkPageOffersTheEmailWithTheAddressGivenAlready() {
        ApplicationDraft d = started();
        var r = site("http-get-save-link.json", Map.of("SAMPLE_DRAFT", d.id()));
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Email me a link"));
        assertTrue(r.getBody().contains(d.returnReference()));
    }

    @Test
    void askingSendsTheEmailThroughTheOutboxAndItsLinkOpensTheDraftInAnotherBrowser() {
        ApplicationDraft d = started();
        var r = site("http-post-save-link.json", Map.of("SAMPLE_DRAFT", d.id()));
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("jo.testperson@example.org"));
        var email = outbox.messages().get(0).email();
        assertEquals("jo.testperson@example.org", email.to());
        Matcher m =
                Pattern.compile("/roles/" + ROLE + "/continue/([A-Za-z0-9_.-]+)")
                        .matcher(email.text());
        assertTrue(m.find(), email.text());

        // The link's page needs no cookie: it sets one and goes to the task list.
        var opened = site("http-get-continue-link.json", Map.of("SAMPLE_TOKEN", m.group(1)));
        assertEquals(303, opened.getStatusCode());
        assertEquals("/roles/" + ROLE + "/apply", opened.getHeaders().get("Location"));
        assertTrue(opened.getCookies().get(0).startsWith("involve-draft=" + d.id() + ";"));
    }

    @Test
    void aFourthEmailInAnHourIsRefusedPlainly() {
        ApplicationDraft d = started();
        for (int i = 0; i < SaveAndReturn.EMAILS_PER_HOUR; i++)
            assertEquals(
                    200,
                    site("http-post-save-link.json", Map.of("SAMPLE_DRAFT", d.id()))
                            .getStatusCode());
        var r = site("http-post-save-link.json", Map.of("SAMPLE_DRAFT", d.id()));
        assertEquals(429, r.getStatusCode());
        assertTrue(r.getBody().contains("We cannot send another email yet"));
        assertEquals(SaveAndReturn.EMAILS_PER_HOUR, outbox.messages().size());
    }

    @Test
    void aGarbledLinkIsNotRecognisedRatherThanGone() {
        ApplicationDraft d = started();
        returns.emailLink(d, role(), "jo@example.org");
        Matcher m =
                Pattern.compile("/continue/([A-Za-z0-9_.-]+)")
                        .matcher(outbox.messages().get(0).email().text());
        assertTrue(m.find());
        var r = site("http-get-continue-link.json", Map.of("SAMPLE_TOKEN", m.group(1) + "x"));
        assertEquals(404, r.getStatusCode());
        assertTrue(r.getBody().contains("We do not recognise this link"), r.getBody());
        assertFalse(r.getBody().contains("no longer works"));
        assertTrue(r.getBody().contains("href=\"/roles/" + ROLE + "\""));
        assertTrue(r.getCookies() == null || r.getCookies().isEmpty());
    }

    @Test
    void aLinkForASentApplicationSaysPlainlyItNoLongerWorksAndLinksToTheRole() {
        ApplicationDraft d = started();
        returns.emailLink(d, role(), "jo@example.org");
        Matcher m =
                Pattern.compile("/continue/([A-Za-z0-9_.-]+)")
                        .matcher(outbox.messages().get(0).email().text());
        assertTrue(m.find());
        drafts.save(d.pointingAtEarlier("INV-BBBB-CCCC"));
        var r = site("http-get-continue-link.json", Map.of("SAMPLE_TOKEN", m.group(1)));
        assertEquals(410, r.getStatusCode());
        assertTrue(r.getBody().contains("This link no longer works"));
        assertTrue(r.getBody().contains("href=\"/roles/" + ROLE + "\""));
        assertTrue(r.getCookies() == null || r.getCookies().isEmpty());
    }

    @Test
    void theContinuePageAsksForTheReferenceAndCode() {
        var r = site("http-get-continue.json", Map.of());
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("name=\"reference\""));
        assertTrue(r.getBody().contains("name=\"code\""));
    }

    @Test
    void theReferenceAndCodeReopenTheDraft() {
        ApplicationDraft d = started();
        var r =
                site(
                        "http-post-continue.json",
                        Map.of(
                                "SAMPLE_REFERENCE",
                                d.returnReference(),
                                "SAMPLE_CODE",
                                codes.code(d.id())));
        assertEquals(303, r.getStatusCode());
        assertEquals("/roles/" + ROLE + "/apply", r.getHeaders().get("Location"));
        assertTrue(r.getCookies().get(0).startsWith("involve-draft=" + d.id() + ";"));
        assertTrue(r.getCookies().get(0).contains("Path=/roles/" + ROLE));
    }

    @Test
    void aWrongCodeIsAskedAgainWithTheSameWordsAsAnUnknownReference() {
        ApplicationDraft d = started();
        var wrong =
                site(
                        "http-post-continue.json",
                        Map.of("SAMPLE_REFERENCE", d.returnReference(), "SAMPLE_CODE", "BBBBBB"));
        var unknown =
                site(
                        "http-post-continue.json",
                        Map.of("SAMPLE_REFERENCE", "BBBB-CCCC", "SAMPLE_CODE", "BBBBBB"));
        assertEquals(400, wrong.getStatusCode());
        assertEquals(400, unknown.getStatusCode());
        assertTrue(wrong.getBody().contains("We could not find an application"));
        assertEquals(
                wrong.getBody().replace(d.returnReference(), "X"),
                unknown.getBody().replace("BBBB-CCCC", "X"));
    }

    @Test
    void tooManyTriesAreRefusedPlainly() {
        for (int i = 0; i < SaveAndReturn.TRIES_PER_REFERENCE; i++)
            site(
                    "http-post-continue.json",
                    Map.of("SAMPLE_REFERENCE", "BBBB-CCCC", "SAMPLE_CODE", "BBBBBB"));
        var r =
                site(
                        "http-post-continue.json",
                        Map.of("SAMPLE_REFERENCE", "BBBB-CCCC", "SAMPLE_CODE", "BBBBBB"));
        assertEquals(429, r.getStatusCode());
        assertTrue(r.getBody().contains("Too many tries"));
    }

    @Test
    void answersPostedWithNoDraftAreShownToCopyEscapedWithLinksBack() {
        var r = site("http-post-section-no-draft.json", Map.of("SAMPLE_DRAFT", "noSuchDraft000"));
        assertEquals(404, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("We could not save your answers"), body);
        assertTrue(body.contains("Jo &lt;b&gt;Testperson&lt;/b&gt;"), body);
        assertFalse(body.contains("<b>Testperson"));
        assertTrue(body.contains("jo.testperson@example.org"));
        assertTrue(body.contains("href=\"/roles/" + ROLE + "\""));
        assertTrue(body.contains("href=\"/continue\""));
        assertFalse(body.contains("name=\"website\""), "no honeypot shown");
    }

    @Test
    void saveAndComeBackLaterSavesThePageThenOffersTheWaysBack() {
        ApplicationDraft d = started();
        assertTrue(
                site("http-get-section.json", Map.of("SAMPLE_DRAFT", d.id()))
                        .getBody()
                        .contains("id=\"save-for-later\""));
        var r = site("http-post-section-later.json", Map.of("SAMPLE_DRAFT", d.id()));
        assertEquals(303, r.getStatusCode());
        assertEquals("/roles/" + ROLE + "/save-link", r.getHeaders().get("Location"));
        assertEquals("Jo Testperson", drafts.drafts.get(d.id()).answers().get("fullName"));
    }

    @Test
    void theFirstSectionDoesNotOfferTheLinkYet() {
        ApplicationDraft d = journey.start(role());
        var r = site("http-get-save-link.json", Map.of("SAMPLE_DRAFT", d.id()));
        assertTrue(r.getBody().contains("after you save the first section"));
        assertFalse(r.getBody().contains("Email me a link"));
    }
}
