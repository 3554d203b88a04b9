package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryMonitoringCodes;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Read;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringStore;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.role.RolePanel;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleStatus;
import org.involve.core.staff.PanelMember;
import org.junit.jupiter.api.Test;

/** Equal opportunities answers with a short code, on the public start page and by staff, through sample events. */
class MonitoringCodeEventsTest {
    private static final String SIGNING = "a-test-signing-key-of-enough-length-for-links";
    private static final String ROLE = "scg-member", ON_PANEL_ROLE = "panel-role";
    private final MonitoringToken tokens = new MonitoringToken(SIGNING);
    private final MonitoringKey keys =
            new MonitoringKey("a-test-monitoring-key-only-the-form-and-report-hold", tokens);
    private final MonitoringCode code = new MonitoringCode(SIGNING, tokens);
    private final InMemoryMonitoringCodes codes = new InMemoryMonitoringCodes();
    private final List<PanelMember> panel = new ArrayList<>();
    private final RolePanels panels =
            new RolePanels() {
                @Override
                public RolePanel panelOf(String roleId, Read read) {
                    return roleId.equals(ON_PANEL_ROLE) ? new RolePanel(panel) : RolePanel.none();
                }

                @Override
                public void choose(
                        String roleId,
                        RoleStatus status,
                        RolePanel before,
                        RolePanel after,
                        AuditEntry entry,
                        List<OutboxMessage> messages) {
                    throw new UnsupportedOperationException();
                }
            };
    private final InMemoryRoles roles = new InMemoryRoles();
    private final MonitoringByCode byCode =
            new MonitoringByCode(
                    code,
                    codes,
                    new org.involve.core.fakes.InMemoryAttempts(
                            new org.involve.core.fakes.InMemoryOutbox()),
                    keys,
                    () -> panels,
                    () -> roles,
                    SIGNING,
                    Clock.fixed(Instant.parse("2025-01-10T10:00:00Z"), ZoneOffset.UTC));
    private final MonitoringFormHandler site =
            new MonitoringFormHandler(
                    new MonitoringForm(r -> MonitoringStore.Outcome.RECORDED, tokens, keys, roles),
                    byCode);

    MonitoringCodeEventsTest() {
        role(ROLE, RoleStatus.SHORTLISTING);
        role(ON_PANEL_ROLE, RoleStatus.SHORTLISTING);
    }

    private void role(String id, RoleStatus status) {
        roles.save(
                TestRoles.withId(TestRoles.dayRate(LocalDate.of(2025, 1, 8)), id)
                        .withStatus(status));
    }

    private final StaffMonitoringEntryHandler staff = new StaffMonitoringEntryHandler(byCode);

    private String issued(String roleId, String reference) {
        codes.issue(code.entryFor(roleId, reference, Instant.parse("2025-01-09T10:00:00Z")));
        return code.forApplication(roleId, reference);
    }

    private APIGatewayV2HTTPResponse site(String event, String c) {
        return site.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, Map.of("SAMPLE_CODE", c)),
                null);
    }

    private APIGatewayV2HTTPResponse staff(String event, String c) {
        return staff.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, Map.of("SAMPLE_CODE", c)),
                null);
    }

    @Test
    void theStartPageAsksForTheCode() {
        var page = site("http-get-equal-opportunities.json", "");
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("<h1>Equal opportunities questions</h1>"));
        assertTrue(page.getBody().contains("name=\"code\""));
        assertTrue(page.getBody().contains("action=\"/equal-opportunities\""));
    }

    @Test
    void aCodeOpensTheQuestionsAndTheAnswersAreKeptUnderTheLinksKeyOnce() {
        String c = issued(ROLE, "INV-BCDF-2345");
        var form = site("http-post-equal-opportunities.json", c);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("Prefer not to say"));
        assertTrue(form.getBody().contains("action=\"/equal-opportunities/answers\""));
        assertFalse(form.getBody().contains(ROLE), "the page names no role");

        var saved = site("http-post-equal-opportunities-answers.json", c);
        assertEquals(200, saved.getStatusCode());
        assertEquals(1, codes.answers.size());
        assertEquals(keys.forApplication(ROLE, "INV-BCDF-2345"), codes.answers.get(0).answerKey());
        assertEquals("white-irish", codes.answers.get(0).answers().get("ethnicGroup"));
        assertFalse(codes.answers.get(0).answers().containsKey("code"));

        var again = site("http-post-equal-opportunities-answers.json", c);
        assertEquals(400, again.getStatusCode());
        assertEquals(1, codes.answers.size());
    }

    @Test
    void anUnknownCodeAndAUsedCodeGetTheSamePage() {
        String c = issued(ROLE, "INV-BCDF-2345");
        site("http-post-equal-opportunities-answers.json", c);
        var used = site("http-post-equal-opportunities.json", c);
        var unknown = site("http-post-equal-opportunities.json", "ABCD-EFGH");
        assertEquals(400, used.getStatusCode());
        assertEquals(used.getStatusCode(), unknown.getStatusCode());
        assertEquals(
                used.getBody().replace(c, "X"),
                unknown.getBody().replace("ABCD-EFGH", "X"),
                "nothing tells a used code from one never issued");
        assertTrue(unknown.getBody().contains("We cannot use that code"));
    }

    @Test
    void tooManyTriesAreRefusedForAWhile() {
        for (int i = 0; i < MonitoringByCode.TRIES; i++)
            site("http-post-equal-opportunities.json", "ABCD-EFGH");
        var r = site("http-post-equal-opportunities.json", issued(ROLE, "INV-BCDF-2345"));
        assertEquals(429, r.getStatusCode());
        assertTrue(r.getBody().contains("tried too many codes"));
    }

    @Test
    void staffEnterAnswersGivenByTelephoneWithTheCode() {
        String c = issued(ROLE, "INV-BCDF-2345");
        var start = staff("http-get-staff-monitoring-answers.json", "");
        assertEquals(200, start.getStatusCode());
        assertTrue(start.getBody().contains("<h1>Enter equal opportunities answers</h1>"));

        var form = staff("http-post-staff-monitoring-answers.json", c);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("action=\"/staff/monitoring-answers/answers\""));

        var saved = staff("http-post-staff-monitoring-answers-answers.json", c);
        assertEquals(200, saved.getStatusCode());
        assertTrue(saved.getBody().contains("Answers saved"));
        assertEquals(keys.forApplication(ROLE, "INV-BCDF-2345"), codes.answers.get(0).answerKey());
        assertEquals(1, codes.audit.size());
        assertEquals("local-sam-staff", codes.audit.get(0).who());
        assertFalse(codes.audit.get(0).toString().contains(ROLE));
    }

    @Test
    void staffOnTheRolesPanelAreSentToAColleague() {
        panel.add(new PanelMember("local-sam-staff", "Sam Staff", "sam.staff@example.org"));
        String c = issued(ON_PANEL_ROLE, "INV-BCDF-2345");
        var r = staff("http-post-staff-monitoring-answers.json", c);
        assertEquals(403, r.getStatusCode());
        assertTrue(r.getBody().contains("You are on the panel for this role"));
        var s = staff("http-post-staff-monitoring-answers-answers.json", c);
        assertEquals(403, s.getStatusCode());
        assertTrue(codes.answers.isEmpty());
    }

    /**
     * Once the role's round is over (filled or withdrawn) its form has closed: the person with a code is told so
     * plainly (410 Gone, an NHS.UK message page), on the public page and to staff, and nothing is kept.
     */
    @Test
    void aCodeForARoleWhoseRoundIsOverIsToldTheFormHasClosed() {
        String c = issued(ROLE, "INV-BCDF-2345");
        role(ROLE, RoleStatus.FILLED);
        for (String event :
                List.of(
                        "http-post-equal-opportunities.json",
                        "http-post-equal-opportunities-answers.json")) {
            var closed = site(event, c);
            assertEquals(410, closed.getStatusCode(), event);
            assertTrue(closed.getBody().contains("<h1>This form has closed</h1>"), event);
            assertTrue(
                    closed.getBody()
                            .contains(
                                    "We are no longer collecting equal opportunities answers for"
                                            + " this role, because recruitment for it has finished."),
                    event);
            assertTrue(closed.getBody().contains("You do not need to do anything."), event);
            assertFalse(closed.getBody().contains("Prefer not to say"), "no questions");
        }
        for (String event :
                List.of(
                        "http-post-staff-monitoring-answers.json",
                        "http-post-staff-monitoring-answers-answers.json")) {
            var closed = staff(event, c);
            assertEquals(410, closed.getStatusCode(), event);
            assertTrue(
                    closed.getBody()
                            .contains(
                                    "Recruitment for this role has finished, so its equal"
                                            + " opportunities form has closed"),
                    event);
        }
        assertTrue(codes.answers.isEmpty());
        assertTrue(codes.spent.isEmpty());
    }

    /** The write itself refuses a role whose form closed a moment after the code was read: told the same. */
    @Test
    void theWritesRefusalIsToldAsClosed() {
        String c = issued(ROLE, "INV-BCDF-2345");
        codes.closedRoles.add(ROLE);
        var closed = site("http-post-equal-opportunities-answers.json", c);
        assertEquals(410, closed.getStatusCode());
        assertTrue(closed.getBody().contains("<h1>This form has closed</h1>"));
        assertTrue(codes.answers.isEmpty());
    }

    @Test
    void panelMembersCannotReachThePage() {
        var r = staff("http-get-staff-monitoring-answers-as-panel.json", "");
        assertEquals(403, r.getStatusCode());
        assertFalse(r.getBody().contains("name=\"code\""));
    }
}
