package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.SamTemplate;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {
    private final HttpRoutes templateRoutes =
            new HttpRoutes(SamTemplate.loadFromWorkingDirectory().functions());

    @Test
    void routesARoleToThePublicSiteWithItsIdAsAPathParameter() {
        var match = templateRoutes.match("GET", "/roles/abc").orElseThrow();
        assertEquals("PublicSiteFunction", match.functionId());
        assertEquals("GET /roles/{roleId}", match.routeKey());
        assertEquals(Map.of("roleId", "abc"), match.pathParameters());
    }

    @Test
    void matchesEveryVariableOfALongerRouteAndTheMethod() {
        var match = templateRoutes.match("POST", "/roles/abc/apply/about-you").orElseThrow();
        assertEquals("POST /roles/{roleId}/apply/{section}", match.routeKey());
        assertEquals(Map.of("roleId", "abc", "section", "about-you"), match.pathParameters());
        assertEquals(
                "MonitoringFormFunction",
                templateRoutes.match("POST", "/monitoring").orElseThrow().functionId());
    }

    @Test
    void sendsUnknownAddressesToThePublicSitesCatchAllSoPeopleSeeItsNotFoundPage() {
        for (String[] request :
                new String[][] {
                    {"GET", "/nowhere"}, {"DELETE", "/roles/abc"}, {"GET", "/roles/abc/unknown"}
                }) {
            var match = templateRoutes.match(request[0], request[1]).orElseThrow();
            assertEquals("PublicSiteFunction", match.functionId());
            assertEquals("ANY /{proxy+}", match.routeKey());
        }
    }

    @Test
    void theInterviewBookingLinkReachesItsOwnFunctionBeforeTheSitesCatchAll() {
        for (String method : new String[] {"GET", "POST"}) {
            var match = templateRoutes.match(method, "/interview/abc.def").orElseThrow();
            assertEquals("InterviewBookingFunction", match.functionId());
            assertEquals(method + " /interview/{token}", match.routeKey());
            assertEquals(Map.of("token", "abc.def"), match.pathParameters());
        }
        assertEquals(
                "ANY /{proxy+}",
                templateRoutes.match("GET", "/interview/abc/more").orElseThrow().routeKey());
        assertEquals(
                "ANY /{proxy+}",
                templateRoutes.match("PUT", "/interview/abc").orElseThrow().routeKey());
    }

    @Test
    void findsNoRouteForUnknownPathsMethodsOrExtraSegmentsWhenThereIsNoCatchAll() {
        HttpRoutes routes =
                new HttpRoutes(
                        List.of(
                                function(
                                        "Role",
                                        new FunctionSpec.HttpApiEvent(
                                                "Show", "GET", "/roles/{roleId}"))));
        assertTrue(routes.match("GET", "/nowhere").isEmpty());
        assertTrue(routes.match("DELETE", "/roles/abc").isEmpty());
        assertTrue(routes.match("GET", "/roles/abc/unknown").isEmpty());
        assertTrue(routes.match("GET", "/roles//apply").isEmpty());
    }

    @Test
    void prefersLiteralSegmentsThenVariablesThenGreedyPaths() {
        HttpRoutes routes =
                new HttpRoutes(
                        List.of(
                                function(
                                        "Greedy",
                                        new FunctionSpec.HttpApiEvent(
                                                "Any", "ANY", "/files/{proxy+}")),
                                function(
                                        "Variable",
                                        new FunctionSpec.HttpApiEvent(
                                                "One", "GET", "/files/{name}")),
                                function(
                                        "Literal",
                                        new FunctionSpec.HttpApiEvent(
                                                "Readme", "GET", "/files/readme"))));
        assertEquals("Literal", routes.match("GET", "/files/readme").orElseThrow().functionId());
        assertEquals("Variable", routes.match("GET", "/files/a%20b").orElseThrow().functionId());
        assertEquals(
                Map.of("name", "a b"),
                routes.match("GET", "/files/a%20b").orElseThrow().pathParameters());
        var greedy = routes.match("PUT", "/files/a/b/c").orElseThrow();
        assertEquals("Greedy", greedy.functionId());
        assertEquals(Map.of("proxy", "a/b/c"), greedy.pathParameters());
    }

    private static FunctionSpec function(String id, FunctionSpec.HttpApiEvent event) {
        return new FunctionSpec(
                id, "x.Handler::handleRequest", 3, Map.of(), List.of(event), List.of(), List.of());
    }
}
