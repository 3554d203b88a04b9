package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.role.Role;
import org.involve.core.role.RoleManagement;
import org.involve.core.role.RoleStatus;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.Test;

/** The staff role pages' events through StaffRolesHandler, with roles and audit entries in memory. */
class StaffRolesEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final InMemoryRoles records = new InMemoryRoles();
    private final StaffRolesHandler handler =
            new StaffRolesHandler(new RoleManagement(records, records, clock));

    StaffRolesEventsTest() {
        ExampleRoles.all(clock).forEach(r -> records.roles.put(r.id(), r));
        records.applications.put(ExampleRoles.LEP, 7);
    }

    private APIGatewayV2HTTPResponse call(String event, String roleId) {
        return handler.handleRequest(
                SampleEvents.use(event, APIGatewayV2HTTPEvent.class, Map.of("SAMPLE_ROLE", roleId)),
                null);
    }

    private APIGatewayV2HTTPResponse call(String event) {
        return call(event, ExampleRoles.SCG);
    }

    /** A draft closing 20 February 2025 with interviews from 10 March, as the sample form describes. */
    private String draft() {
        var r = call("http-post-staff-role-create.json");
        assertEquals(303, r.getStatusCode());
        return r.getHeaders().get("Location").replaceAll("^/staff/roles/([^?]+)\\?.*$", "$1");
    }

    @Test
    void theListShowsEveryRoleWithItsStatusClosingTimeAndApplications() {
        var r = call("http-get-staff-roles.json");
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("Listening Culture lived experience partner"));
        assertTrue(body.contains("Maternity services lay partner"), "closed roles are listed too");
        assertTrue(body.contains("nhsuk-table__cell--numeric\">7</td>"));
        assertTrue(body.contains("at 11:59pm"));
        assertTrue(body.contains("aria-current=\"page\""));
    }

    @Test
    void aPanelMemberCannotSeeOrChangeRoles() {
        var list = call("http-get-staff-roles-as-panel.json");
        assertEquals(403, list.getStatusCode());
        assertTrue(
                list.getBody()
                        .contains("Your account cannot create, edit, publish or withdraw roles"));
        assertFalse(list.getBody().contains("Listening Culture"));
        var create = call("http-post-staff-role-create-as-panel.json");
        assertEquals(403, create.getStatusCode());
        assertEquals(3, records.roles.size());
        assertTrue(records.audit.isEmpty());
    }

    @Test
    void theNewRoleFormAsksForEveryPropertyWithDefaults() {
        var r = call("http-get-staff-role-new.json");
        assertEquals(200, r.getStatusCode());
        for (String expected :
                List.of(
                        "name=\"title\"",
                        "name=\"criteria\"",
                        "name=\"closingDate-day\"",
                        "name=\"interviewWeek-year\"",
                        "name=\"paymentKind\"",
                        "name=\"fullDayPounds\"",
                        "name=\"monthlyPounds\"",
                        "name=\"excludesAllNhsStaff\"",
                        "name=\"maximumPaidRoles\" type=\"text\" value=\"3\"",
                        "name=\"benefitsAdviceEmail\"",
                        "name=\"reviewDate-day\"",
                        "name=\"priorityCommunities\"",
                        "name=\"acknowledgementDays\"")) {
            assertTrue(r.getBody().contains(expected), expected);
        }
    }

    @Test
    void creatingARoleSavesADraftWithItsAuditEntry() {
        String id = draft();
        Role role = records.roles.get(id);
        assertEquals("Community voices partner", role.title());
        assertEquals(RoleStatus.DRAFT, role.status());
        assertEquals(
                List.of("role created"), records.audit.stream().map(AuditEntry::what).toList());
        assertEquals("local-sam-staff", records.audit.get(0).who());
        var page = call("http-get-staff-role.json", id);
        assertEquals(200, page.getStatusCode());
        assertTrue(page.getBody().contains("Publish role"));
    }

    @Test
    void anInvalidRoleShowsTheErrorSummaryAndSavesNothing() {
        var r = call("http-post-staff-role-create-invalid.json");
        assertEquals(400, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("<title>Error: Create a role"));
        assertTrue(body.contains("There is a problem"));
        assertTrue(
                body.contains("<a href=\"#title\">Enter the role&#39;s title</a>")
                        || body.contains("<a href=\"#title\">Enter the role's title</a>"),
                body);
        assertTrue(body.contains("<a href=\"#closingDate-day\">Closing date must be a real date"));
        assertTrue(
                body.contains(
                        "<a href=\"#interviewWeek-day\">The week commencing date must be a Monday</a>"),
                "a Thursday is not a week commencing");
        assertTrue(body.contains("Enter at least one essential criterion"));
        assertTrue(
                body.contains(
                        "Monthly amount in pounds (monthly only) must be an amount in pounds"));
        assertTrue(body.contains("Enter an email address in the correct format"));
        assertEquals(3, records.roles.size());
    }

    @Test
    void editingChangesTheRoleAndIsAudited() {
        String id = draft();
        var form = call("http-get-staff-role-edit.json", id);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("value=\"Community voices partner\""));
        var saved = call("http-post-staff-role-edit.json", id);
        assertEquals(303, saved.getStatusCode());
        assertEquals("Community voices partner (changed)", records.roles.get(id).title());
        assertEquals("role edited", records.audit.get(1).what());
    }

    @Test
    void publishingOpensTheRoleAndWithdrawingClosesIt() {
        String id = draft();
        var published = call("http-post-staff-role-publish.json", id);
        assertEquals(303, published.getStatusCode());
        assertEquals(
                "/staff/roles/" + id + "?done=published", published.getHeaders().get("Location"));
        assertEquals(RoleStatus.OPEN, records.roles.get(id).status());

        var again = call("http-post-staff-role-publish.json", id);
        assertEquals(409, again.getStatusCode());
        assertTrue(again.getBody().contains("Only a draft role can be published"));

        var confirm = call("http-get-staff-role-withdraw.json", id);
        assertEquals(200, confirm.getStatusCode());
        assertTrue(confirm.getBody().contains("Are you sure you want to withdraw this role?"));
        assertEquals(RoleStatus.OPEN, records.roles.get(id).status(), "asking is not withdrawing");

        var withdrawn = call("http-post-staff-role-withdraw.json", id);
        assertEquals(303, withdrawn.getStatusCode());
        assertEquals(RoleStatus.WITHDRAWN, records.roles.get(id).status());
        assertEquals(
                List.of("role created", "role published", "role withdrawn"),
                records.audit.stream().map(AuditEntry::what).toList());
    }

    @Test
    void extendingMovesAnOpenRolesClosingDateLater() {
        String id = draft();
        call("http-post-staff-role-publish.json", id);
        var form = call("http-get-staff-role-extend.json", id);
        assertEquals(200, form.getStatusCode());
        assertTrue(form.getBody().contains("20 February 2025 at 11:59pm"));
        var r = call("http-post-staff-role-extend.json", id);
        assertEquals(303, r.getStatusCode());
        assertEquals(LocalDate.of(2025, 2, 27), records.roles.get(id).closingDate());
        assertEquals("closing date extended", records.audit.get(records.audit.size() - 1).what());
    }

    @Test
    void anUnknownRoleIsAStaffNotFoundPage() {
        assertEquals(404, call("http-get-staff-role.json", "no-such-role").getStatusCode());
    }
}
