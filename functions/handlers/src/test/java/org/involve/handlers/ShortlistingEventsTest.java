package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.FictionalApplicants;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryOutboxWriter;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.InMemoryShortlist;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.PanelPapers;
import org.involve.core.shortlisting.PanelScoring;
import org.involve.core.shortlisting.ScoreScale;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.shortlisting.ShortlistingPanel;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;

/**
 * The shortlisting pages' events: the panel's function (ShortlistingPanelHandler) and staff's (StaffShortlistHandler),
 * over a role being shortlisted with three fictional applicants whose names, contacts and monitoring-like answers must
 * never reach a panel member.
 */
class ShortlistingEventsTest {
    private static final List<String> PANEL_EVENTS =
            List.of(
                    "http-get-staff-shortlisting.json",
                    "http-get-staff-shortlisting-role.json",
                    "http-get-staff-shortlisting-applicant.json",
                    "http-post-staff-shortlisting-score.json",
                    "http-post-staff-shortlisting-score-invalid.json",
                    "http-get-staff-shortlisting-results.json",
                    "http-post-staff-shortlisting-conflict.json");
    private static final List<String> STAFF_EVENTS =
            List.of(
                    "http-get-staff-shortlist.json",
                    "http-post-staff-shortlist.json",
                    "http-post-staff-shortlist-papers.json");

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryRound applications =
            new InMemoryRound(
                    new InMemoryApplications(outbox, new InMemoryDrafts()), outbox, audit);
    private final InMemoryShortlist store = new InMemoryShortlist(audit);
    private final InMemoryRoles roles = new InMemoryRoles();
    private final AnonymousIds ids = new AnonymousIds("an-events-test-key-of-enough-length-here");
    private final ShortlistingPanelHandler panel =
            new ShortlistingPanelHandler(
                    new ShortlistingPanel(roles, roles, store, ScoreScale.STANDARD),
                    new PanelScoring(
                            roles,
                            roles,
                            store,
                            ScoreScale.STANDARD,
                            new InMemoryOutboxWriter(outbox),
                            clock,
                            "http://localhost:3000"));
    private final ShortlistRecording recording =
            new ShortlistRecording(
                    roles,
                    roles,
                    store,
                    applications,
                    ids,
                    ScoreScale.STANDARD,
                    new InMemoryOutboxWriter(outbox),
                    audit,
                    clock,
                    "http://localhost:3000");
    private final StaffShortlistHandler staff = new StaffShortlistHandler(recording);

    /** Criteria: "research" (essential) and "speaking" (desirable). */
    private final Role role =
            roles.save(
                    TestRoles.dayRate(LocalDate.of(2025, 1, 9))
                            .withStatus(RoleStatus.SHORTLISTING));

    private final Application zebedee, orlaith, perpetua;
    private final List<APIGatewayV2HTTPResponse> panelResponses = new ArrayList<>();

    ShortlistingEventsTest() {
        Instant at = Instant.parse("2025-01-05T10:00:00Z");
        zebedee =
                applications.add(
                        FictionalApplicants.submitted(
                                role, FictionalApplicants.ZEBEDEE, "INV-ZEBE-0001", at, false));
        orlaith =
                applications.add(
                        FictionalApplicants.submitted(
                                role, FictionalApplicants.ORLAITH, "INV-ORLA-0002", at, true));
        perpetua =
                applications.add(
                        FictionalApplicants.submitted(
                                role, FictionalApplicants.PERPETUA, "INV-PERP-0003", at, false));
        new PanelPapers(applications, store, ids).prepare(role);
        roles.panel(role.id(), PAT, ROBIN);
    }

    /** The role's panel: the sample events' Pat, and Robin. */
    private static final StaffMember PAT =
            new StaffMember(
                    "local-pat-panel", "Pat Panel", "pat.panel@example.org", Set.of(Group.PANEL));

    private static final StaffMember ROBIN =
            new StaffMember(
                    "local-robin-panel",
                    "Robin Panel",
                    "robin.panel@example.org",
                    Set.of(Group.PANEL));

    private String id(Application a) {
        return ids.of(role.id(), a.reference());
    }

    private APIGatewayV2HTTPEvent event(
            String name, Application applicant, Map<String, String> more) {
        Map<String, String> placeholders =
                new HashMap<>(
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_APPLICANT",
                                id(applicant),
                                "SAMPLE_SECOND",
                                id(orlaith),
                                "SAMPLE_POINTS",
                                "3",
                                "SAMPLE_NOTE",
                                "I+know+this+person"));
        // A staff form carries the version of the scores the page read now shows.
        placeholders.put("SAMPLE_VERSION", scoresNow());
        placeholders.putAll(more);
        return SampleEvents.use(name, APIGatewayV2HTTPEvent.class, placeholders);
    }

    private String scoresNow() {
        return recording.proposal(org.involve.core.fakes.TestStaff.STAFF, role.id()).version();
    }

    private APIGatewayV2HTTPResponse call(String name, Application applicant) {
        return call(name, applicant, Map.of());
    }

    private APIGatewayV2HTTPResponse call(
            String name, Application applicant, Map<String, String> more) {
        APIGatewayV2HTTPEvent e = event(name, applicant, more);
        if (STAFF_EVENTS.contains(name) || name.startsWith("http-post-staff-shortlist-"))
            return staff.handleRequest(e, null);
        APIGatewayV2HTTPResponse r = panel.handleRequest(e, null);
        panelResponses.add(r);
        return r;
    }

    /** The same event from someone else in the panel group. */
    private APIGatewayV2HTTPResponse asOtherPanelMember(
            String name, Application applicant, String points) {
        APIGatewayV2HTTPEvent e = event(name, applicant, Map.of("SAMPLE_POINTS", points));
        e.getRequestContext()
                .getAuthorizer()
                .setLambda(
                        Map.of(
                                "sub",
                                "local-robin-panel",
                                "name",
                                "Robin Panel",
                                "email",
                                "robin.panel@example.org",
                                "groups",
                                "panel"));
        return panel.handleRequest(e, null);
    }

    /** The event from someone else: {@code groups} as the sign-in service names them. */
    private APIGatewayV2HTTPResponse as(
            String sub, String groups, String name, Application applicant) {
        APIGatewayV2HTTPEvent e = event(name, applicant, Map.of());
        e.getRequestContext()
                .getAuthorizer()
                .setLambda(
                        Map.of(
                                "sub",
                                sub,
                                "name",
                                "Someone Else",
                                "email",
                                "someone.else@example.org",
                                "groups",
                                groups));
        return STAFF_EVENTS.contains(name)
                ? staff.handleRequest(e, null)
                : panel.handleRequest(e, null);
    }

    private void panelScoresEveryone() {
        for (Application a : List.of(zebedee, orlaith, perpetua)) {
            clock.advance(Duration.ofSeconds(1));
            assertEquals(303, call("http-post-staff-shortlisting-score.json", a).getStatusCode());
            assertEquals(
                    303,
                    asOtherPanelMember(
                                    "http-post-staff-shortlisting-score.json",
                                    a,
                                    a == perpetua ? "1" : "3")
                            .getStatusCode());
        }
    }

    private Application.Status status(Application a) {
        return applications
                .find(a.roleId(), a.applicantKey(), Read.CONSISTENT)
                .orElseThrow()
                .status();
    }

    @Test
    void aPanelMemberSeesTheRolesBeingShortlistedAndOnlyThatArea() {
        var r = call("http-get-staff-shortlisting.json", zebedee);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Group member"));
        assertTrue(r.getBody().contains("aria-current=\"page\""));
        assertTrue(
                r.getBody().contains(">Shortlisting</strong>"),
                "the current area in the navigation");
        assertFalse(
                r.getBody().contains("href=\"/staff/roles\""),
                "a panel member is not offered the roles pages");
    }

    @Test
    void theRolePageListsTheAnonymisedApplicantsWithMyProgress() {
        var r = call("http-get-staff-shortlisting-role.json", zebedee);
        assertEquals(200, r.getStatusCode());
        for (Application a : List.of(zebedee, orlaith, perpetua))
            assertTrue(r.getBody().contains(id(a)));
        assertTrue(r.getBody().contains("You have scored <strong>0 of 3</strong>"));
        assertFalse(
                r.getBody().contains("Record the shortlist"),
                "a panel member is not offered the staff actions");
    }

    @Test
    void theApplicantPageShowsTheAnswersBesideAScoreInPlainWords() {
        var r = call("http-get-staff-shortlisting-applicant.json", zebedee);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Interest in research"));
        assertTrue(r.getBody().contains("[name removed]"));
        assertTrue(r.getBody().contains("name=\"score-research\" type=\"radio\" value=\"2\""));
        assertTrue(r.getBody().contains("2 - Meets the criterion"));
        assertFalse(r.getBody().contains("Disability Confident"), "scored on the answers alone");
    }

    @Test
    void savingScoresMovesToTheNextApplicantAndScoringAgainReplaces() {
        var r = call("http-post-staff-shortlisting-score.json", zebedee);
        assertEquals(303, r.getStatusCode());
        assertTrue(
                r.getHeaders()
                        .get("Location")
                        .startsWith("/staff/shortlisting/day-rate-role/applicants/anon-"));
        call("http-post-staff-shortlisting-score.json", zebedee, Map.of("SAMPLE_POINTS", "4"));
        assertEquals(2, store.forRole(role.id()).size());
        var page = call("http-get-staff-shortlisting-applicant.json", zebedee);
        assertTrue(page.getBody().contains("value=\"4\" checked"), "my latest score is shown");
    }

    @Test
    void aScoreOffTheScaleShowsTheErrorSummaryAndSavesNothingWrong() {
        var r = call("http-post-staff-shortlisting-score-invalid.json", zebedee);
        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("<title>Error: "));
        assertTrue(r.getBody().contains("There is a problem"));
        assertTrue(
                r.getBody().contains("<a href=\"#score-research\">Choose a score from 0 to 4 for"));
        assertTrue(r.getBody().contains("<a href=\"#score-speaking\">Choose a score for"));
        assertTrue(store.forRole(role.id()).isEmpty());
    }

    @Test
    void
            resultsAreHiddenFromAPanelMemberUntilTheyHaveScoredEveryoneThenShowTotalsAndTheGuarantee() {
        assertTrue(
                call("http-get-staff-shortlisting-results.json", zebedee)
                        .getBody()
                        .contains("once you have scored every applicant yourself"));
        panelScoresEveryone();
        var r = call("http-get-staff-shortlisting-results.json", zebedee);
        assertEquals(200, r.getStatusCode());
        assertTrue(r.getBody().contains("Guaranteed interview (Disability Confident)"));
        assertTrue(r.getBody().contains("You: 3"));
        assertTrue(r.getBody().contains("Panel member 1: 1"));
        assertTrue(r.getBody().contains("Scores differ: talk it over"));
        assertFalse(r.getBody().contains("Robin"), "other panel members are not named");
        // The team hears once each panel member has finished.
        assertEquals(
                2,
                outbox.messages().stream().filter(m -> m.purpose().equals("panel-scored")).count());
        assertTrue(queue.announced.stream().allMatch(m -> m.startsWith("panel-scored-")));
    }

    @Test
    void everyResponseToAPanelMemberIsFreeOfNamesContactsAndMonitoringAnswers() {
        for (Application a : List.of(zebedee, orlaith, perpetua)) {
            call("http-get-staff-shortlisting-applicant.json", a);
            call("http-post-staff-shortlisting-score-invalid.json", a);
        }
        panelScoresEveryone();
        for (String name : PANEL_EVENTS) call(name, orlaith);
        assertTrue(panelResponses.size() >= PANEL_EVENTS.size() + 9);
        List<String> forbidden = new ArrayList<>(FictionalApplicants.MONITORING_TRACES);
        for (var p :
                List.of(
                        FictionalApplicants.ZEBEDEE,
                        FictionalApplicants.ORLAITH,
                        FictionalApplicants.PERPETUA)) forbidden.addAll(p.traces());
        for (Application a : List.of(zebedee, orlaith, perpetua)) forbidden.add(a.reference());
        for (APIGatewayV2HTTPResponse r : panelResponses) {
            String everything =
                    r.getBody()
                            + " "
                            + r.getHeaders()
                            + " "
                            + r.getMultiValueHeaders()
                            + " "
                            + r.getCookies();
            for (String f : forbidden)
                assertFalse(everything.contains(f), f + " reached a panel member");
        }
        for (OutboxMessage m : outbox.messages())
            for (String f : forbidden)
                assertFalse(m.email().text().contains(f), f + " in " + m.id());
    }

    @Test
    void everyRouteRefusesSomeoneNotSignedIn() {
        for (String name : PANEL_EVENTS) {
            APIGatewayV2HTTPEvent e = event(name, zebedee, Map.of());
            e.getRequestContext().setAuthorizer(null);
            assertEquals(401, panel.handleRequest(e, null).getStatusCode(), name);
        }
        for (String name : STAFF_EVENTS) {
            APIGatewayV2HTTPEvent e = event(name, zebedee, Map.of());
            e.getRequestContext().setAuthorizer(null);
            assertEquals(401, staff.handleRequest(e, null).getStatusCode(), name);
        }
        assertTrue(store.forRole(role.id()).isEmpty());
    }

    @Test
    void everyRouteRefusesTheWrongGroup() {
        var finance = call("http-get-staff-shortlisting-as-finance.json", zebedee);
        assertEquals(403, finance.getStatusCode());
        assertTrue(finance.getBody().contains("score anonymised applications"));
        assertFalse(finance.getBody().contains("Group member"));
        for (String name : PANEL_EVENTS) {
            APIGatewayV2HTTPEvent e = event(name, zebedee, Map.of());
            e.getRequestContext()
                    .getAuthorizer()
                    .setLambda(
                            Map.of(
                                    "sub",
                                    "local-fran-finance",
                                    "name",
                                    "Fran Finance",
                                    "email",
                                    "fran@example.org",
                                    "groups",
                                    "finance"));
            assertEquals(403, panel.handleRequest(e, null).getStatusCode(), name);
        }
        // Staff's routes refuse the panel (as in the sample) and finance.
        var asPanel = call("http-post-staff-shortlist-as-panel.json", zebedee);
        assertEquals(403, asPanel.getStatusCode());
        assertTrue(asPanel.getBody().contains("record the shortlist"));
        for (String name : STAFF_EVENTS) {
            for (String group : List.of("panel", "finance")) {
                APIGatewayV2HTTPEvent e = event(name, zebedee, Map.of());
                e.getRequestContext()
                        .getAuthorizer()
                        .setLambda(
                                Map.of(
                                        "sub",
                                        "local-someone",
                                        "name",
                                        "Someone",
                                        "email",
                                        "someone@example.org",
                                        "groups",
                                        group));
                assertEquals(
                        403, staff.handleRequest(e, null).getStatusCode(), name + " as " + group);
            }
        }
        assertTrue(store.decisions.isEmpty());
        assertEquals(Application.Status.RECEIVED, status(zebedee));
    }

    @Test
    void staffSeeTheShortlistFormWithTheDisabilityConfidentApplicantTicked() {
        panelScoresEveryone();
        var r = call("http-get-staff-shortlist.json", zebedee);
        assertEquals(200, r.getStatusCode());
        assertTrue(
                r.getBody()
                        .contains(
                                "id=\"invite-"
                                        + id(orlaith)
                                        + "\" name=\"invite-"
                                        + id(orlaith)
                                        + "\" type=\"checkbox\" value=\"yes\" checked"));
        assertFalse(
                r.getBody()
                        .contains(
                                "id=\"invite-"
                                        + id(zebedee)
                                        + "\" name=\"invite-"
                                        + id(zebedee)
                                        + "\" type=\"checkbox\" value=\"yes\" checked"));
    }

    @Test
    void leavingOutTheDisabilityConfidentApplicantIsRefusedWithAnErrorSummary() {
        panelScoresEveryone();
        var r =
                call(
                        "http-post-staff-shortlist.json",
                        zebedee,
                        Map.of("SAMPLE_SECOND", id(zebedee)));
        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("There is a problem"));
        assertTrue(r.getBody().contains("must be offered an interview"));
        assertTrue(
                r.getBody()
                        .contains(
                                "id=\"invite-"
                                        + id(zebedee)
                                        + "\" name=\"invite-"
                                        + id(zebedee)
                                        + "\" type=\"checkbox\" value=\"yes\" checked"),
                "the ticks sent are kept");
        assertTrue(store.decisions.isEmpty());
    }

    /** Each applicant not yet scored is named in the error summary with a link to their own box, not the first one. */
    @Test
    void eachApplicantNotFullyScoredLinksToTheirOwnBox() {
        // Everyone scored by Pat; Robin has scored only Zebedee, so Orlaith and Perpetua are not
        // fully scored.
        for (Application a : List.of(zebedee, orlaith, perpetua)) {
            clock.advance(Duration.ofSeconds(1));
            assertEquals(303, call("http-post-staff-shortlisting-score.json", a).getStatusCode());
        }
        assertEquals(
                303,
                asOtherPanelMember("http-post-staff-shortlisting-score.json", zebedee, "3")
                        .getStatusCode());

        var r = call("http-post-staff-shortlist.json", zebedee);
        assertEquals(400, r.getStatusCode());
        String body = r.getBody();
        for (Application a : List.of(orlaith, perpetua))
            assertTrue(
                    body.contains(
                            "<li><a href=\"#invite-"
                                    + id(a)
                                    + "\">Applicant "
                                    + id(a)
                                    + " has not been scored against every criterion yet.</a></li>"),
                    body);
        assertFalse(body.contains("Applicant " + id(zebedee) + " has not been scored"), body);
        assertTrue(store.decisions.isEmpty());
    }

    @Test
    void recordingFromAPageReadBeforeTheScoresChangedRecordsNothingAndShowsTheScoresNow() {
        panelScoresEveryone();
        String read = scoresNow();
        assertTrue(
                call("http-get-staff-shortlist.json", zebedee)
                        .getBody()
                        .contains("name=\"version\" value=\"" + read + "\""));
        // Another panel member changes a score meanwhile.
        clock.advance(Duration.ofSeconds(1));
        assertEquals(
                303,
                asOtherPanelMember("http-post-staff-shortlisting-score.json", perpetua, "2")
                        .getStatusCode());
        assertTrue(!read.equals(scoresNow()), "a changed score is another version");

        var r = call("http-post-staff-shortlist.json", zebedee, Map.of("SAMPLE_VERSION", read));

        assertEquals(409, r.getStatusCode());
        assertTrue(
                r.getBody().contains("The panel&#39;s scores changed")
                        || r.getBody().contains("The panel's scores changed"),
                r.getBody());
        assertTrue(r.getBody().contains("name=\"version\" value=\"" + scoresNow() + "\""));
        assertTrue(store.decisions.isEmpty(), "nothing recorded");
        assertEquals(Application.Status.RECEIVED, status(zebedee));
        assertEquals(303, call("http-post-staff-shortlist.json", zebedee).getStatusCode());
    }

    @Test
    void recordingTheShortlistMovesTheApplicationsOnOnceAndTellsTheTeam() {
        panelScoresEveryone();
        queue.announced.clear();
        var r = call("http-post-staff-shortlist.json", zebedee);
        assertEquals(303, r.getStatusCode());
        assertEquals(
                "/staff/shortlisting/day-rate-role/shortlist?done=recorded",
                r.getHeaders().get("Location"));
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, status(zebedee));
        assertEquals(Application.Status.INVITED_TO_INTERVIEW, status(orlaith));
        assertEquals(Application.Status.NOT_SHORTLISTED, status(perpetua));
        assertEquals(List.of("shortlist-recorded-day-rate-role"), queue.announced);
        assertTrue(
                outbox.find("shortlist-recorded-day-rate-role")
                        .orElseThrow()
                        .email()
                        .text()
                        .contains("http://localhost:3000/staff/interviews/day-rate-role"));
        int entries = audit.entries().size();

        assertEquals(
                303,
                call("http-post-staff-shortlist.json", perpetua).getStatusCode(),
                "recording again");
        assertEquals(Application.Status.NOT_SHORTLISTED, status(perpetua), "changes nothing");
        assertEquals(entries, audit.entries().size());

        var page = call("http-get-staff-shortlist.json", zebedee);
        assertTrue(page.getBody().contains("The shortlist is recorded"));
        assertTrue(page.getBody().contains("href=\"/staff/interviews/day-rate-role\""));
        // And the panel can no longer change scores.
        var late = call("http-post-staff-shortlisting-score.json", zebedee);
        assertEquals(409, late.getStatusCode());
        assertTrue(late.getBody().contains("scores can no longer be changed"));
    }

    @Test
    void preparingPapersAgainAddsOnlyWhatIsMissing() {
        var r = call("http-post-staff-shortlist-papers.json", zebedee);
        assertEquals(303, r.getStatusCode());
        assertEquals(
                "/staff/shortlisting/day-rate-role/shortlist?done=papers-none",
                r.getHeaders().get("Location"));

        assertEquals(3, store.papers(role.id()).size());
        assertNull(store.decisions.get(role.id()));
    }

    @Test
    void anUnknownRoleOrApplicantIsNotFound() {
        assertEquals(
                404,
                call(
                                "http-get-staff-shortlisting-role.json",
                                zebedee,
                                Map.of("SAMPLE_ROLE", "no-such-role"))
                        .getStatusCode());
        assertEquals(
                404,
                call(
                                "http-get-staff-shortlisting-applicant.json",
                                zebedee,
                                Map.of("SAMPLE_APPLICANT", "anon-nobody"))
                        .getStatusCode());
        assertEquals(
                404,
                call(
                                "http-get-staff-shortlist.json",
                                zebedee,
                                Map.of("SAMPLE_ROLE", "no-such-role"))
                        .getStatusCode());
    }

    @Test
    void someoneInThePanelGroupButNotOnThisRolesPanelIsRefusedItsPagesAndDoesNotSeeIt() {
        String quinn = "local-quinn-panel";
        var list = as(quinn, "panel", "http-get-staff-shortlisting.json", zebedee);
        assertEquals(200, list.getStatusCode());
        assertFalse(list.getBody().contains("Group member"), "the role is not listed for them");
        for (String name : PANEL_EVENTS) {
            if (name.equals("http-get-staff-shortlisting.json")) continue;
            var r = as(quinn, "panel", name, zebedee);
            assertEquals(403, r.getStatusCode(), name);
            assertTrue(
                    r.getBody().contains("You are not on the shortlisting panel for this role"),
                    name);
            assertFalse(r.getBody().contains("[name removed]"), name);
        }
        assertTrue(store.forRole(role.id()).isEmpty());
        assertTrue(store.conflicts(role.id()).isEmpty());
    }

    @Test
    void staffNotOnThePanelAreRefusedThePapersButSeeTheScoresAndRecordTheShortlist() {
        var papers =
                as("local-sam-staff", "staff", "http-get-staff-shortlisting-role.json", zebedee);
        assertEquals(403, papers.getStatusCode());
        var list = as("local-sam-staff", "staff", "http-get-staff-shortlisting.json", zebedee);
        assertTrue(list.getBody().contains("href=\"/staff/shortlisting/day-rate-role/results\""));
        var results =
                as("local-sam-staff", "staff", "http-get-staff-shortlisting-results.json", zebedee);
        assertEquals(200, results.getStatusCode());
    }

    @Test
    void declaringAConflictIsAuditedAndTakesThePanelMemberOutOfThatApplicantsScoring() {
        var r = call("http-post-staff-shortlisting-conflict.json", zebedee);
        assertEquals(303, r.getStatusCode());
        assertEquals(
                "/staff/shortlisting/day-rate-role?done=conflict-declared",
                r.getHeaders().get("Location"));
        assertEquals("I know this person", store.conflicts(role.id()).get(0).note());
        assertTrue(
                audit.entries().stream()
                        .anyMatch(
                                e ->
                                        e.who().equals("local-pat-panel")
                                                && e.record().equals("role:day-rate-role")
                                                && e.what()
                                                        .equals(
                                                                "declared a conflict of interest with applicant "
                                                                        + id(zebedee))));
        var papers = call("http-get-staff-shortlisting-role.json", zebedee);
        assertTrue(papers.getBody().contains("Conflict of interest"));
        var sheet = call("http-get-staff-shortlisting-applicant.json", zebedee);
        assertTrue(sheet.getBody().contains("You told us you have a conflict of interest"));
        assertFalse(sheet.getBody().contains("type=\"radio\""), "nothing to score");
        var score = call("http-post-staff-shortlisting-score.json", zebedee);
        assertEquals(409, score.getStatusCode());
        assertTrue(store.forRole(role.id()).isEmpty());
    }

    @Test
    void aNoteTooLongIsShownInTheErrorSummaryAndNothingIsDeclared() {
        var r =
                call(
                        "http-post-staff-shortlisting-conflict.json",
                        zebedee,
                        Map.of("SAMPLE_NOTE", "x".repeat(201)));
        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("<title>Error: "));
        assertTrue(
                r.getBody()
                        .contains(
                                "<a href=\"#conflictNote\">Keep the note to 200 characters or fewer"));
        assertTrue(store.conflicts(role.id()).isEmpty());
    }

    /**
     * The panel's scores and conflicts are on the role's audit trail, where staff look a role up: by anonymous id, never
     * an applicant's name or application reference, so the audit page cannot undo the anonymising.
     */
    @Test
    void staffFindThePanelsScoresAndConflictsOnTheRolesAuditTrailByAnonymousIdOnly() {
        panelScoresEveryone();
        as("local-robin-panel", "panel", "http-post-staff-shortlisting-conflict.json", orlaith);
        APIGatewayV2HTTPEvent lookUp =
                SampleEvents.use(
                        "http-get-staff-audit-application.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_REFERENCE", "x"));
        lookUp.setRawQueryString("kind=role&id=" + role.id());
        lookUp.setQueryStringParameters(Map.of("kind", "role", "id", role.id()));
        var page =
                new StaffAuditHandler(new org.involve.core.audit.AuditViewer(audit))
                        .handleRequest(lookUp, null);
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("Audit trail for role:" + role.id()), body);
        assertTrue(
                body.contains("scored applicant " + id(perpetua) + " against criterion speaking"),
                body);
        assertTrue(body.contains("local-robin-panel"), body);
        assertTrue(
                body.contains("declared a conflict of interest with applicant " + id(orlaith)),
                body);
        for (Application a : List.of(zebedee, orlaith, perpetua)) {
            assertFalse(body.contains(a.reference()), a.reference());
            assertFalse(body.contains(a.answer(ApplicationForm.FULL_NAME)), a.reference());
        }
    }

    @Test
    void staffSeeTheDeclaredConflictsOnTheShortlistPage() {
        as("local-robin-panel", "panel", "http-post-staff-shortlisting-conflict.json", orlaith);
        var page = call("http-get-staff-shortlist.json", zebedee);
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Conflicts of interest"));
        assertTrue(page.getBody().contains("Robin Panel"));
        assertTrue(page.getBody().contains("I know this person"));
        assertTrue(page.getBody().contains(id(orlaith)));
    }
}
