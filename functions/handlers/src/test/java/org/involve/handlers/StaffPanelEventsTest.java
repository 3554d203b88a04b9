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
import java.util.Set;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.InMemoryPanelGroup;
import org.involve.core.fakes.InMemoryRoles;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.RecordingMailQueue;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.shortlisting.PanelChoice;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;

/** Choosing a role's shortlisting panel (StaffPanelHandler), through its sample events. */
class StaffPanelEventsTest {
    private static final StaffMember PAT =
            new StaffMember(
                    "local-pat-panel", "Pat Panel", "pat.panel@example.org", Set.of(Group.PANEL));
    private static final StaffMember ALEX =
            new StaffMember(
                    "local-alex-allroles",
                    "Alex Allroles",
                    "alex.allroles@example.org",
                    Set.of(Group.STAFF, Group.PANEL));
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-10T10:00:00Z"));
    private final RecordingMailQueue queue = new RecordingMailQueue();
    private final InMemoryOutbox outbox = new InMemoryOutbox(queue);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final InMemoryRoles roles = new InMemoryRoles(outbox, audit);
    private final InMemoryPanelGroup group = new InMemoryPanelGroup(PAT, ALEX);
    private final StaffPanelHandler handler =
            new StaffPanelHandler(
                    new PanelChoice(roles, roles, group, clock, "http://localhost:3000"));
    private final Role role = roles.save(TestRoles.dayRate(LocalDate.of(2025, 1, 20)));

    private APIGatewayV2HTTPResponse call(String name, Map<String, String> more) {
        Map<String, String> placeholders =
                new java.util.HashMap<>(
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_MEMBER",
                                ALEX.id(),
                                "SAMPLE_VERSION",
                                read()));
        placeholders.putAll(more);
        return handler.handleRequest(
                SampleEvents.use(name, APIGatewayV2HTTPEvent.class, placeholders), null);
    }

    /** The version of the panel as a page read now carries it. */
    private String read() {
        return roles.panelOf(role.id(), Read.CONSISTENT).version();
    }

    private APIGatewayV2HTTPResponse as(String groups, String name) {
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        name,
                        APIGatewayV2HTTPEvent.class,
                        Map.of(
                                "SAMPLE_ROLE",
                                role.id(),
                                "SAMPLE_MEMBER",
                                ALEX.id(),
                                "SAMPLE_VERSION",
                                read()));
        e.getRequestContext()
                .getAuthorizer()
                .setLambda(
                        Map.of(
                                "sub", "local-someone",
                                "name", "Someone",
                                "email", "someone@example.org",
                                "groups", groups));
        return handler.handleRequest(e, null);
    }

    @Test
    void theFormListsThePanelGroupByNameWithNobodyTickedYet() {
        var r = call("http-get-staff-role-panel.json", Map.of());
        assertEquals(200, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("Choose the shortlisting panel"));
        assertTrue(body.contains("Alex Allroles (alex.allroles@example.org)"));
        assertTrue(body.contains("Pat Panel (pat.panel@example.org)"));
        assertTrue(body.indexOf("Alex Allroles") < body.indexOf("Pat Panel"), "in order of name");
        assertFalse(body.contains("checked"));
    }

    @Test
    void choosingAPanelOfTwoKeepsItWithTheRoleAuditedAndShowsItTicked() {
        var r = call("http-post-staff-role-panel.json", Map.of());
        assertEquals(303, r.getStatusCode());
        assertEquals(
                "/staff/roles/" + role.id() + "/panel?done=panel-chosen",
                r.getHeaders().get("Location"));
        assertEquals(List.of(ALEX.id(), PAT.id()), roles.panelOf(role.id(), Read.CONSISTENT).ids());
        assertEquals("chose the shortlisting panel", audit.entries().get(0).what());
        assertTrue(outbox.messages().isEmpty(), "told when the role closes");
        var page = call("http-get-staff-role-panel.json", Map.of());
        assertTrue(
                page.getBody()
                        .contains(
                                "name=\"member-local-pat-panel\" type=\"checkbox\" value=\"yes\" checked"));
    }

    @Test
    void choosingForARoleAlreadyBeingShortlistedEmailsEachMemberALinkToScore() {
        roles.save(role.withStatus(RoleStatus.SHORTLISTING));
        var r = call("http-post-staff-role-panel.json", Map.of());
        assertEquals(
                "/staff/roles/" + role.id() + "/panel?done=panel-chosen-told",
                r.getHeaders().get("Location"));
        assertEquals(
                List.of("alex.allroles@example.org", "pat.panel@example.org"),
                outbox.messages().stream().map(m -> m.email().to()).sorted().toList());
        assertTrue(
                outbox.messages()
                        .get(0)
                        .email()
                        .text()
                        .contains("http://localhost:3000/staff/shortlisting/" + role.id()));
        assertEquals(2, queue.announced.size());
    }

    @Test
    void choosingNobodyShowsTheErrorSummaryAndSavesNothing() {
        APIGatewayV2HTTPEvent e =
                SampleEvents.use(
                        "http-post-staff-role-panel.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_MEMBER", ALEX.id()));
        e.setBody("version=" + read());
        var r = handler.handleRequest(e, null);
        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("<title>Error: "));
        assertTrue(
                r.getBody()
                        .contains(
                                "<a href=\"#member-local-alex-allroles\">Choose at least one panel member"));
        assertTrue(roles.panelOf(role.id(), Read.CONSISTENT).isEmpty());
    }

    @Test
    void onlyStaffChooseAPanel() {
        for (String name :
                List.of("http-get-staff-role-panel.json", "http-post-staff-role-panel.json")) {
            assertEquals(403, as("panel", name).getStatusCode(), name);
            assertEquals(403, as("finance", name).getStatusCode(), name);
        }
        assertTrue(roles.panelOf(role.id(), Read.CONSISTENT).isEmpty());
    }

    @Test
    void anUnknownRoleIsNotFound() {
        assertEquals(
                404,
                call("http-get-staff-role-panel.json", Map.of("SAMPLE_ROLE", "no-such-role"))
                        .getStatusCode());
    }

    @Test
    void twoStaffChoosingAtOnceDoNotSilentlyLoseTheFirstChoice() {
        var page = call("http-get-staff-role-panel.json", Map.of());
        String read = read();
        assertTrue(page.getBody().contains("name=\"version\" value=\"" + read + "\""));
        // Someone else saves Pat alone from the same page first.
        APIGatewayV2HTTPEvent first =
                SampleEvents.use(
                        "http-post-staff-role-panel.json",
                        APIGatewayV2HTTPEvent.class,
                        Map.of("SAMPLE_ROLE", role.id(), "SAMPLE_MEMBER", PAT.id()));
        first.setBody("member-local-pat-panel=yes&version=" + read);
        assertEquals(303, handler.handleRequest(first, null).getStatusCode());

        var r = call("http-post-staff-role-panel.json", Map.of("SAMPLE_VERSION", read));
        assertEquals(409, r.getStatusCode());
        String body = r.getBody();
        assertTrue(body.contains("<title>Error: "), body);
        assertTrue(
                body.contains("Someone else changed this role&#39;s panel")
                        || body.contains("Someone else changed this role's panel"),
                body);
        assertTrue(
                body.contains("<li>Alex Allroles (alex.allroles@example.org)</li>"),
                "whom they chose is listed");
        assertTrue(
                body.contains(
                        "name=\"member-local-pat-panel\" type=\"checkbox\" value=\"yes\" checked"),
                "the panel as it is now is ticked");
        assertFalse(
                body.contains(
                        "name=\"member-local-alex-allroles\" type=\"checkbox\" value=\"yes\" checked"));
        assertTrue(body.contains("name=\"version\" value=\"" + read() + "\""), "the form as now");
        assertEquals(List.of(PAT.id()), roles.panelOf(role.id(), Read.CONSISTENT).ids());
        assertEquals(1, audit.entries().size(), "only the first choice was saved");
    }
}
