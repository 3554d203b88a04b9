package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.involve.core.role.RoleForm;
import org.involve.core.role.RoleManagement;
import org.involve.core.role.RoleReadingAge;
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

    /** The event as a form read now would send it: with the role's current version. */
    private APIGatewayV2HTTPResponse call(String event, String roleId) {
        Role now = records.roles.get(roleId);
        return call(event, roleId, now == null ? "none" : now.version());
    }

    /** The event as a form read when the role was at {@code version} would send it. */
    private APIGatewayV2HTTPResponse call(String event, String roleId, String version) {
        return handler.handleRequest(
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_ROLE", roleId, "SAMPLE_VERSION", version)),
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

    /** The sample create or edit form, as sent by the "Check reading age" button, with its summary replaced. */
    private APIGatewayV2HTTPResponse checkReadingAge(String event, String roleId, String summary) {
        Role now = records.roles.get(roleId);
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        event,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                roleId,
                                "SAMPLE_VERSION",
                                now == null ? "none" : now.version()));
        String form =
                e.getIsBase64Encoded()
                        ? new String(
                                Base64.getDecoder().decode(e.getBody()), StandardCharsets.UTF_8)
                        : e.getBody();
        form =
                form.replaceAll(
                                "(^|&)summary=[^&]*",
                                "$1summary=" + URLEncoder.encode(summary, StandardCharsets.UTF_8))
                        + "&"
                        + RoleReadingAge.CHECK
                        + "=yes";
        e.setBody(
                e.getIsBase64Encoded()
                        ? Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8))
                        : form);
        return handler.handleRequest(e, null);
    }

    @Test
    void theRoleFormShowsTheReadingAgeOfWhatThePublicWillRead() {
        var r = call("http-get-staff-role-edit.json", ExampleRoles.SCG);
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("How easy this role is to read"), body);
        assertTrue(body.matches("(?s).*Reading age: about \\d+.*"), "a reading age is shown");
        assertTrue(body.contains("name=\"checkReadingAge\""), "staff can check it without saving");
    }

    @Test
    void checkingTheReadingAgeShowsWhatRaisesItAndSavesNothing() {
        String hard =
                "The group will provide strategic advice to the leadership team, ensuring that the voices of people"
                        + " with lived experience actively shape our research and innovation programme.";
        var checked = checkReadingAge("http-post-staff-role-create.json", ExampleRoles.SCG, hard);
        assertEquals(200, checked.getStatusCode());
        String body = checked.getBody();
        assertTrue(body.contains("Some people will find these words hard to read"), body);
        assertTrue(body.contains("<li>" + hard + "</li>"), "the long sentence is listed");
        assertTrue(body.contains("<li>innovation</li>"), "a long word is listed");
        assertTrue(body.contains("<li>lived experience</li>"), "a term to explain is listed");
        assertTrue(body.contains("value=\"Community voices partner\""), "what was typed stays");
        assertEquals(3, records.roles.size(), "nothing is saved");
        assertTrue(records.audit.isEmpty());

        String id = draft();
        String before = records.roles.get(id).summary();
        var plain =
                checkReadingAge(
                        "http-post-staff-role-edit.json",
                        id,
                        "Help us make health care better. You will meet with us once a month.");
        assertEquals(200, plain.getStatusCode());
        assertEquals(before, records.roles.get(id).summary(), "checking an edit saves nothing");
        assertEquals(1, records.audit.size());
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
    void aClosingDateOnlyPartlyGivenIsListedInPageOrderAndMarksOnlyTheBoxesLeftEmpty() {
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        "http-post-staff-role-create-invalid.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_ROLE", ExampleRoles.SCG, "SAMPLE_VERSION", "none"));
        String posted =
                new String(
                                java.util.Base64.getDecoder().decode(e.getBody()),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("closingDate-month=2", "closingDate-month=");
        e.setIsBase64Encoded(false);
        e.setBody(posted);
        var r = handler.handleRequest(e, null);
        assertEquals(400, r.getStatusCode());
        String body = r.getBody();
        int criteria = body.indexOf("<a href=\"#criteria\">"),
                closing =
                        body.indexOf(
                                "<a href=\"#closingDate-month\">Closing date must include a month</a>"),
                week = body.indexOf("<a href=\"#interviewWeek-day\">");
        assertTrue(criteria > 0 && criteria < closing && closing < week, body);
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-2\" id=\"closingDate-day\" name=\"closingDate-day\" type=\"text\" inputmode=\"numeric\" value=\"31\">"),
                "the day given is kept and not marked");
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-2 nhsuk-input--error\" id=\"closingDate-month\""));
        assertTrue(
                body.contains(
                        "class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-4\" id=\"closingDate-year\""));
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
    void everyFormThatChangesARoleCarriesTheVersionItWasReadAt() {
        String id = draft();
        String version = "name=\"version\" value=\"" + records.roles.get(id).version() + "\"";
        assertTrue(call("http-get-staff-role-edit.json", id).getBody().contains(version));
        assertTrue(call("http-get-staff-role.json", id).getBody().contains(version), "publish");
        assertTrue(call("http-get-staff-role-withdraw.json", id).getBody().contains(version));
        call("http-post-staff-role-publish.json", id);
        String open = "name=\"version\" value=\"" + records.roles.get(id).version() + "\"";
        assertTrue(call("http-get-staff-role-extend.json", id).getBody().contains(open));
    }

    /** Someone else saves first: the role as they left it, and what they did, as the second person's form finds it. */
    private String savedByTheFirst(String id) {
        String read = records.roles.get(id).version();
        Map<String, String> first =
                new java.util.HashMap<>(RoleForm.valuesOf(records.roles.get(id)));
        first.put(RoleForm.TITLE, "Community voices partner (first)");
        first.put(RoleForm.PLACES, "4");
        first.put(RoleManagement.VERSION, read);
        new RoleManagement(records, records, clock).update(TestStaff.STAFF, id, first);
        return read;
    }

    @Test
    void aSaveFromAFormReadBeforeSomeoneElsesSaveChangesNothingAndShowsBoth() {
        String id = draft();
        String read = savedByTheFirst(id);
        int audited = records.audit.size();

        var r = call("http-post-staff-role-edit.json", id, read);
        assertEquals(409, r.getStatusCode());
        String body = r.getBody();
        assertTrue(
                body.contains(
                        "<h1>Someone else changed this role while you were working on it</h1>"),
                body);
        assertTrue(body.contains("Your changes have not been saved"));
        assertTrue(
                body.contains(
                        "name=\"title\" type=\"text\" value=\"Community voices partner (first)\""),
                "the form holds the role as it is now");
        assertTrue(body.contains("name=\"places\" type=\"text\" value=\"4\""));
        assertTrue(
                body.contains("name=\"version\" value=\"" + records.roles.get(id).version() + "\""),
                "saving the form again saves over the role as it is now, knowingly");
        assertTrue(body.contains("<caption"), "what they entered is listed");
        assertTrue(body.contains("Community voices partner (changed)"), "their title is kept");
        assertTrue(body.contains(">3</td>") || body.contains(">3<"), "their number of places");
        assertEquals("Community voices partner (first)", records.roles.get(id).title());
        assertEquals(4, records.roles.get(id).places());
        assertEquals(audited, records.audit.size(), "nothing saved, nothing audited");
    }

    @Test
    void publishingWithdrawingOrExtendingAnOutOfDateRoleChangesNothing() {
        String id = draft();
        String read = savedByTheFirst(id);
        int audited = records.audit.size();
        var publish = call("http-post-staff-role-publish.json", id, read);
        assertEquals(409, publish.getStatusCode());
        assertTrue(publish.getBody().contains("Someone else changed this role"));
        assertTrue(publish.getBody().contains("Community voices partner (first)"), "shown as now");
        var withdraw = call("http-post-staff-role-withdraw.json", id, read);
        assertEquals(409, withdraw.getStatusCode());
        assertTrue(withdraw.getBody().contains("Someone else changed this role"));
        assertEquals(RoleStatus.DRAFT, records.roles.get(id).status());

        call("http-post-staff-role-publish.json", id);
        String open = records.roles.get(id).version();
        new RoleManagement(records, records, clock)
                .extend(
                        TestStaff.STAFF,
                        id,
                        Map.of(
                                "closingDate-day",
                                "25",
                                "closingDate-month",
                                "2",
                                "closingDate-year",
                                "2025",
                                RoleManagement.VERSION,
                                open));
        var extend = call("http-post-staff-role-extend.json", id, open);
        assertEquals(409, extend.getStatusCode());
        String body = extend.getBody();
        assertTrue(body.contains("Someone else changed this role"));
        assertTrue(body.contains("25 February 2025 at 11:59pm"), "the closing date as it is now");
        assertTrue(
                body.contains(
                                "name=\"closingDate-day\" type=\"text\" inputmode=\"numeric\" value=\"27\"")
                        || body.contains("value=\"27\""),
                "the date they typed");
        assertEquals(LocalDate.of(2025, 2, 25), records.roles.get(id).closingDate());
        assertEquals(audited + 2, records.audit.size(), "only the publish and the first extension");
    }

    @Test
    void anUnknownRoleIsAStaffNotFoundPage() {
        assertEquals(404, call("http-get-staff-role.json", "no-such-role").getStatusCode());
    }
}
