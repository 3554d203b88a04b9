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
import org.involve.core.equality.EqualityReport;
import org.involve.core.fakes.InMemoryApplications;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryDrafts;
import org.involve.core.fakes.InMemoryMonitoring;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.InMemoryRound;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringQuestions;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The equality report's pages and downloads through their sample events. */
class StaffEqualityEventsTest {
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryRound round =
            new InMemoryRound(
                    new InMemoryApplications(outbox, new InMemoryDrafts()),
                    outbox,
                    new InMemoryAuditTrail());
    private final MonitoringToken tokens =
            new MonitoringToken("a-test-signing-key-of-enough-length-for-links");
    private final MonitoringKey keys =
            new MonitoringKey("a-test-monitoring-key-only-the-form-and-report-hold", tokens);
    private final InMemoryMonitoring monitoring = new InMemoryMonitoring(keys);
    private final Role role = roles.save(TestRoles.dayRate(LocalDate.of(2026, 10, 1)));
    private final StaffEqualityHandler handler =
            new StaffEqualityHandler(new EqualityReport(roles, round, monitoring, keys, 10));
    private int applicants;

    StaffEqualityEventsTest() {
        answered(26, "female");
        answered(11, "male");
        answered(7, MonitoringQuestions.PREFER_NOT_TO_SAY);
    }

    /** {@code n} applicants who answered the sex question so, and preferred not to say to the rest. */
    private void answered(int n, String sex) {
        for (int i = 0; i < n; i++) {
            String reference = "INV-EQUA-" + (1000 + applicants++);
            round.add(
                    TestApplications.submitted(
                            role,
                            reference,
                            Instant.parse("2026-09-01T10:00:00Z"),
                            Map.of("email", "person" + applicants + "@example.org")));
            Map<String, String> a = new HashMap<>();
            MonitoringQuestions.section()
                    .fields()
                    .forEach(f -> a.put(f.name(), MonitoringQuestions.PREFER_NOT_TO_SAY));
            a.put("sex", sex);
            new MonitoringForm(monitoring, tokens, keys, roles)
                    .submit(tokens.forApplication(role.id(), reference), role.id(), a);
        }
    }

    private APIGatewayV2HTTPResponse call(String event, String roleId) {
        return handler.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, Map.of("SAMPLE_ROLE", roleId)),
                null);
    }

    @Test
    void theIndexListsEachProgrammeAndItsRoles() {
        var page = call("http-get-staff-equality.json", role.id());
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("<h1>Equality report</h1>"));
        assertTrue(page.getBody().contains("/staff/equality/" + role.id()));
        assertTrue(page.getBody().contains("/staff/equality/" + role.id() + "/programme"));
        assertTrue(page.getBody().contains("counts of fewer than 10 are not shown"));
    }

    @Test
    void aRolesReportShowsEachQuestionAsATableAndAChartWithSmallCountsSuppressed() {
        var page = call("http-get-staff-equality-role.json", role.id());
        assertEquals(200, page.getStatusCode());
        String body = page.getBody();
        assertTrue(body.contains("Equality report: " + role.title()), body);
        assertTrue(body.contains("<th scope=\"row\" class=\"nhsuk-table__header\">Female</th>"));
        assertTrue(body.contains(">26</td>"));
        assertTrue(body.contains(">44</strong>"), "everyone who answered");
        assertTrue(body.contains(">not shown</td>"), "7, and 11, which would give the 7 away");
        assertFalse(body.contains(">withheld</td>"), "said as a small count is");
        assertFalse(body.contains(">11</td>"));
        assertFalse(body.contains(">7</td>"));
        assertTrue(body.contains("<svg role=\"img\""));
        assertTrue(body.contains("Applied: 26</text>"), "the chart's numbers are text too");
        assertTrue(body.contains("Applied: not shown</text>"));
        assertEquals(
                MonitoringQuestions.section().fields().size(),
                body.split("<svg ", -1).length - 1,
                "a chart for every question");
        assertTrue(body.contains("/staff/equality/" + role.id() + "/csv"));
    }

    @Test
    void theCsvDownloadFollowsTheSameRules() {
        var csv = call("http-get-staff-equality-role-csv.json", role.id());
        assertEquals(200, csv.getStatusCode());
        assertEquals("text/csv; charset=utf-8", csv.getHeaders().get("Content-Type"));
        assertTrue(csv.getHeaders().get("Content-Disposition").startsWith("attachment;"));
        List<String> lines = csv.getBody().lines().toList();
        assertEquals(
                "Role or programme,Question,Answer,Applied,Shortlisted,Interviewed,Appointed",
                lines.get(0));
        String sex = "What is your sex?";
        assertTrue(
                lines.contains(
                        role.title() + "," + sex + ",Female,26,not shown,not shown,not shown"),
                csv.getBody());
        assertTrue(
                lines.contains(
                        role.title()
                                + ","
                                + sex
                                + ",Male,not shown,not shown,not shown,not shown"));
        assertTrue(
                lines.contains(
                        role.title()
                                + ","
                                + sex
                                + ",Prefer not to say,not shown,not shown,not shown,not shown"));
        assertTrue(
                lines.contains(
                        role.title()
                                + ","
                                + sex
                                + ",Everyone who answered,44,not shown,not shown,not shown"));

        var programme = call("http-get-staff-equality-programme-csv.json", role.id());
        assertEquals(200, programme.getStatusCode());
        assertTrue(programme.getBody().contains(role.programme() + "," + sex + ",Female,26"));
    }

    @Test
    void theProgrammesReportListsItsRoles() {
        var page = call("http-get-staff-equality-programme.json", role.id());
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Equality report: " + role.programme()));
        assertTrue(page.getBody().contains("/staff/equality/" + role.id() + "\""));
        assertTrue(page.getBody().contains("/staff/equality/" + role.id() + "/programme/csv"));
    }

    @Test
    void thePanelIsRefusedAndAnUnknownRoleIsNotFound() {
        var refused = call("http-get-staff-equality-as-panel.json", role.id());
        assertEquals(403, refused.getStatusCode());
        assertFalse(refused.getBody().contains("not shown"));
        assertEquals(
                404, call("http-get-staff-equality-role.json", "no-such-role").getStatusCode());
    }

    @Test
    void applicationsWithoutAnswersAreNotCounted() {
        round.add(
                TestApplications.submitted(
                                role,
                                "INV-EQUA-9999",
                                Instant.parse("2026-09-01T10:00:00Z"),
                                Map.of("email", "no.answers@example.org"))
                        .after(Application.Status.NOT_SHORTLISTED, Map.of()));
        assertTrue(
                call("http-get-staff-equality-role.json", role.id())
                        .getBody()
                        .contains(">44</strong>"));
    }

    @Test
    void aRoleWhoseAnswersTheRetentionJobDeletedSaysSoOnItsReportAndTheProgrammes() {
        assertFalse(
                call("http-get-staff-equality-role.json", role.id())
                        .getBody()
                        .contains("answers-deleted"));
        monitoring.deleteRole(role.id(), LocalDate.of(2027, 11, 2));
        String body = call("http-get-staff-equality-role.json", role.id()).getBody();
        assertTrue(
                body.contains("We deleted them on 2 November 2027, as our privacy notice says"),
                body);
        assertFalse(body.contains(">26</td>"), "nobody is counted");
        String programme = call("http-get-staff-equality-programme.json", role.id()).getBody();
        assertTrue(
                programme.contains(role.title() + ": answers deleted on 2 November 2027"),
                programme);
    }
}
