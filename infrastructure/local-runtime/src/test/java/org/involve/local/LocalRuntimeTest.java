package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoRoles;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.emulators.SamTemplate;
import org.involve.handlers.local.ExampleRoles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole runtime on free ports with a fresh data folder, driven over HTTP as a browser would. */
class LocalRuntimeTest {
    @TempDir static Path data;
    private static LocalRuntime runtime;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        runtime =
                LocalRuntime.start(
                        new RuntimeConfig(
                                SamTemplate.loadFromWorkingDirectory(), data, 0, 0, 0, 0, 0));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) runtime.close();
    }

    @Test
    void servesTheOpenRolesPageThroughThePublicSiteHandler() throws Exception {
        var response = get("/roles");
        assertEquals(200, response.statusCode());
        assertTrue(
                response.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    }

    @Test
    void answersUnknownRoutesWithNotFound() throws Exception {
        assertEquals(404, get("/nowhere").statusCode());
        assertEquals(404, get("/assets/../template.yaml").statusCode());
    }

    @Test
    void listsTheSchedulesAndFiresOneOnRequest() throws Exception {
        assertTrue(get("/_local/schedules").body().contains("OutboxSweepFunction"));
        var fired =
                http.send(
                        HttpRequest.newBuilder(uri("/_local/schedules/OutboxSweepFunction"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, fired.statusCode(), fired.body());
    }

    /**
     * The jobs through their wiring against the local emulators: a role past its closing date closes once, and its
     * panel e-mail goes through the outbox, the mail queue and the mailer to the SES emulator.
     */
    @Test
    void theClosingJobClosesADueRoleOnceAndThePanelIsEmailedAndTheAcknowledgementJobRuns()
            throws Exception {
        Role closedExample =
                ExampleRoles.all(Clock.systemUTC()).stream()
                        .filter(r -> r.id().equals(ExampleRoles.CLOSED))
                        .findFirst()
                        .orElseThrow();
        var client = runtime.dynamoDb().client();
        DynamoRoles roles =
                new DynamoRoles(
                        client,
                        "RolesTable",
                        new DynamoOutbox(
                                client,
                                "OutboxTable",
                                "ApplicationsTable",
                                messageId -> {},
                                warning -> {}),
                        new DynamoAuditTrail(client, "AuditTable"));
        Role stored = roles.find(closedExample.id(), Read.CONSISTENT).orElseThrow();
        roles.replace(
                stored,
                closedExample.withStatus(RoleStatus.OPEN),
                new AuditEntry(
                        "local-test",
                        "reopened for the closing job",
                        "role:" + stored.id(),
                        Instant.now(),
                        stored.status().name(),
                        RoleStatus.OPEN.name()));

        var first = post("/_local/schedules/ClosingJobFunction");
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("closed=[" + ExampleRoles.CLOSED + "]"), first.body());
        var again = post("/_local/schedules/ClosingJobFunction");
        assertTrue(again.body().contains("closed=[]"), again.body());
        long deadline = System.currentTimeMillis() + 15_000;
        while (runtime.ses().emails().stream()
                .noneMatch(
                        e ->
                                String.valueOf(e.get("subject"))
                                        .equals("Ready for scoring: " + closedExample.title()))) {
            assertTrue(
                    System.currentTimeMillis() < deadline,
                    "the panel e-mail did not reach the SES emulator");
            Thread.sleep(200);
        }

        var check = post("/_local/schedules/AcknowledgementPromiseFunction");
        assertEquals(200, check.statusCode(), check.body());
        assertTrue(check.body().contains("alerts=0"), check.body());
    }

    /**
     * Every /staff route of template.yaml behind the StaffSession authorizer, through the real authorizer: 401 without a
     * session, 403 with a forged one; the role pages refuse a panel member (403) and serve a member of staff.
     */
    @Test
    void everyStaffRouteRefusesAnyoneWithoutASessionAndTheRolePagesRefuseThePanel()
            throws Exception {
        SamTemplate template = SamTemplate.loadFromWorkingDirectory();
        org.involve.emulators.RouteAuthorizers authorizers =
                org.involve.emulators.RouteAuthorizers.load(template.file());
        LocalIdentity identity =
                LocalIdentity.in(data, "http://localhost:" + runtime.httpPort(), Clock.systemUTC());
        String panel =
                "involve-staff=" + identity.idToken(identity.user("pat-panel").orElseThrow());
        String staff =
                "involve-staff=" + identity.idToken(identity.user("sam-staff").orElseThrow());
        int guarded = 0;
        for (var f : template.functions()) {
            for (var route : f.httpApiEvents()) {
                if (authorizers
                        .forRoute(f.logicalId(), route.routeKey())
                        .filter(a -> a.name().equals("StaffSession"))
                        .isEmpty()) {
                    assertTrue(
                            !route.path().startsWith("/staff")
                                    || java.util.Set.of(
                                                    "/staff/sign-in",
                                                    "/staff/callback",
                                                    "/staff/sign-out",
                                                    "/staff/session-ended")
                                            .contains(route.path()),
                            route.routeKey() + " has no StaffSession authorizer");
                    continue;
                }
                guarded++;
                String path = route.path().replaceAll("\\{[^}]+}", "example-role-id");
                String method = route.method().equals("ANY") ? "GET" : route.method();
                assertEquals(
                        401,
                        send(method, path, null).statusCode(),
                        route.routeKey() + " without a session");
                assertEquals(
                        403,
                        send(method, path, "involve-staff=forged.token.here").statusCode(),
                        route.routeKey() + " with a forged session");
                if (path.startsWith("/staff/roles"))
                    assertEquals(
                            403,
                            send(method, path, panel).statusCode(),
                            route.routeKey() + " as the panel");
            }
        }
        assertTrue(guarded >= 10, "only " + guarded + " staff routes found");
        var roles = send("GET", "/staff/roles", staff);
        assertEquals(200, roles.statusCode());
        assertTrue(roles.body().contains("Strategic Co-production Group member"));
    }

    private static HttpResponse<String> send(String method, String path, String cookie)
            throws Exception {
        var b =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .method(
                                method,
                                method.equals("GET")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(""));
        if (cookie != null) b.header("Cookie", cookie);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + runtime.httpPort() + path);
    }
}
