package org.involve.handlers.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.involve.core.kit.Busy;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Refused;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebResponse;
import org.junit.jupiter.api.Test;

/** The staff shape: permission first, then the route table, and core's NotFound and Refused as pages. */
class StaffHandlerTest {
    private static final Map<String, Object> STAFF =
            Map.of(
                    "sub",
                    "local-sam",
                    "name",
                    "Sam Staff",
                    "email",
                    "sam@example.org",
                    "groups",
                    "staff");
    private static final Map<String, Object> PANEL =
            Map.of(
                    "sub",
                    "local-pat-panel",
                    "name",
                    "Pat Panel",
                    "email",
                    "pat.panel@example.org",
                    "groups",
                    "panel");

    /** An area whose pages show what they were given, refuse, or find nothing. */
    static final class Area extends StaffHandler<Area> {
        static final Notices AREA_NOTICES = Notices.of("roles", "published");
        static final Routes<Area, StaffRequest> ROUTES =
                Routes.<Area, StaffRequest>table()
                        .get(
                                StaffPaths.ROLES,
                                (h, req) ->
                                        WebResponse.html(
                                                200, "roles " + AREA_NOTICES.on(req).orElse("-")))
                        .get(
                                StaffPaths.ROLE,
                                (h, req) -> {
                                    throw new NotFound("role-zx81");
                                })
                        .post(
                                StaffPaths.ROLE_PUBLISH,
                                (h, req) -> {
                                    throw new Refused("Add a closing date first.");
                                })
                        .post(
                                StaffPaths.ROLE_WITHDRAW,
                                (h, req) -> {
                                    throw new Refused("Already withdrawn.");
                                })
                        .post(
                                StaffPaths.ROLE_EXTEND,
                                (h, req) -> {
                                    throw new Busy("still conflicting", null);
                                });

        Area() {
            super("test-area", Permission.MANAGE_ROLES, ROUTES);
        }

        @Override
        protected APIGatewayV2HTTPResponse refused(StaffRequest req, Refused refusal) {
            if (req.web().routeKey().endsWith("/withdraw")) return super.refused(req, refusal);
            return WebResponse.html(409, "area page: " + refusal.getMessage());
        }
    }

    /** As a browser sends it from the site's own page. */
    private static APIGatewayV2HTTPResponse send(
            String routeKey, Map<String, Object> who, Map<String, String> query) {
        return send(
                routeKey,
                who,
                query,
                Map.of("host", "localhost:3000", "origin", "http://localhost:3000"));
    }

    private static APIGatewayV2HTTPResponse send(
            String routeKey,
            Map<String, Object> who,
            Map<String, String> query,
            Map<String, String> headers) {
        var ctx =
                APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(
                                APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                        .withLambda(who)
                                        .build())
                        .build();
        return new Area()
                .handleRequest(
                        APIGatewayV2HTTPEvent.builder()
                                .withRouteKey(routeKey)
                                .withRequestContext(ctx)
                                .withQueryStringParameters(query)
                                .withHeaders(headers)
                                .build(),
                        null);
    }

    @Test
    void answersARouteInItsTable() {
        var r = send("GET /staff/roles", STAFF, Map.of("done", "published"));
        assertEquals(200, r.getStatusCode());
        assertEquals(
                "roles Role published. It is now open for applications on the public site.",
                r.getBody());
    }

    @Test
    void aNoticeKeyTheAreaDidNotDeclareShowsNothing() {
        assertEquals(
                "roles -",
                send("GET /staff/roles", STAFF, Map.of("done", "<b>hello</b>")).getBody());
        assertEquals(
                "roles -", send("GET /staff/roles", STAFF, Map.of("done", "created")).getBody());
        assertThrows(
                IllegalArgumentException.class,
                () -> Area.AREA_NOTICES.after("/staff/roles", "created"));
        assertThrows(IllegalStateException.class, () -> Notices.of("roles", "no-such-notice"));
    }

    @Test
    void checksTheAreasPermissionBeforeLookingForTheRoute() {
        assertEquals(403, send("GET /staff/roles", PANEL, null).getStatusCode());
        assertEquals(403, send("GET /staff/nowhere", PANEL, null).getStatusCode());
        assertEquals(404, send("GET /staff/nowhere", STAFF, null).getStatusCode());
    }

    @Test
    void coresNotFoundIsTheStaff404Page() {
        var r = send("GET /staff/roles/{roleId}", STAFF, null);
        assertEquals(404, r.getStatusCode());
        assertTrue(r.getBody().contains("Page not found"));
        assertFalse(
                r.getBody().contains("role-zx81"),
                "the NotFound's message is for logs, not the page");
    }

    @Test
    void coresRefusedShowsTheAreasPageOrByDefaultAMessageWithItsReason() {
        var own = send("POST /staff/roles/{roleId}/publish", STAFF, null);
        assertEquals(409, own.getStatusCode());
        assertEquals("area page: Add a closing date first.", own.getBody());
        var byDefault = send("POST /staff/roles/{roleId}/withdraw", STAFF, null);
        assertEquals(409, byDefault.getStatusCode());
        assertTrue(byDefault.getBody().contains("This cannot be done now"));
        assertTrue(byDefault.getBody().contains("Already withdrawn."));
    }

    @Test
    void aStoreTooBusyToTakeTheChangeIsATryAgainPageNotAFault() {
        var r = send("POST /staff/roles/{roleId}/extend", STAFF, null);
        assertEquals(503, r.getStatusCode());
        assertEquals("30", r.getHeaders().get("Retry-After"));
        assertTrue(r.getBody().contains("Sorry, we could not save that just now"));
        assertTrue(r.getBody().contains("Nothing was saved or changed"));
        assertFalse(r.getBody().contains("still conflicting"), "the cause is for logs");
    }

    @Test
    void aFormFromAnotherWebsiteIsRefusedBeforeTheRouteIsAnswered() {
        var r =
                send(
                        "POST /staff/roles/{roleId}/publish",
                        STAFF,
                        null,
                        Map.of("host", "localhost:3000", "origin", "https://evil.example"));
        assertEquals(403, r.getStatusCode());
        assertTrue(r.getBody().contains("This form was sent from another website"));
        assertEquals(
                403,
                send(
                                "POST /staff/roles/{roleId}/publish",
                                STAFF,
                                null,
                                Map.of("host", "localhost:3000"))
                        .getStatusCode(),
                "neither Origin nor Sec-Fetch-Site");
        assertEquals(
                200,
                send("GET /staff/roles", STAFF, null, Map.of("host", "localhost:3000"))
                        .getStatusCode(),
                "a page to read needs no Origin");
    }
}
