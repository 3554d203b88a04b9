package org.involve.handlers.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.staff.AccessDenied;
import org.involve.core.staff.Group;
import org.involve.core.staff.Permission;
import org.involve.handlers.http.WebResponse;
import org.junit.jupiter.api.Test;

class StaffRequestTest {
    private static APIGatewayV2HTTPEvent event(
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer) {
        var ctx =
                APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withAuthorizer(authorizer)
                        .withHttp(
                                APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                        .withMethod("GET")
                                        .build())
                        .build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey("GET /staff/roles")
                .withRequestContext(ctx)
                .build();
    }

    private static APIGatewayV2HTTPEvent lambda(Map<String, Object> context) {
        return event(
                APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                        .withLambda(context)
                        .build());
    }

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

    @Test
    void withoutAnAuthorizerContextNobodyIsSignedIn() {
        assertThrows(NotSignedIn.class, () -> StaffRequest.of(event(null)));
        assertThrows(NotSignedIn.class, () -> StaffRequest.of(lambda(Map.of())));
    }

    @Test
    void aContextThatIsNotAValidPersonCountsAsNobody() {
        assertThrows(
                NotSignedIn.class,
                () ->
                        StaffRequest.of(
                                lambda(
                                        Map.of(
                                                "sub",
                                                "x",
                                                "name",
                                                "X",
                                                "email",
                                                "not an email",
                                                "groups",
                                                "staff"))));
    }

    @Test
    void theLambdaAuthorizersContextGivesThePersonAndGroups() {
        var r =
                StaffRequest.of(
                        lambda(
                                Map.of(
                                        "sub",
                                        "local-alex",
                                        "name",
                                        "Alex Allroles",
                                        "email",
                                        "alex@example.org",
                                        "groups",
                                        "staff,panel,astronaut")));
        assertEquals("local-alex", r.member().id());
        assertEquals(Set.of(Group.STAFF, Group.PANEL), r.member().groups());
    }

    @Test
    void theJwtAuthorizersClaimsGiveThePersonAndCognitoGroups() {
        var jwt =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT(
                        Map.of(
                                "sub",
                                "3f1c",
                                "name",
                                "Fin Finance",
                                "email",
                                "fin@example.org",
                                "cognito:groups",
                                "[finance panel]"),
                        List.of());
        var r =
                StaffRequest.of(
                        event(
                                APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                        .withJwt(jwt)
                                        .build()));
        assertEquals(Set.of(Group.FINANCE, Group.PANEL), r.member().groups());
    }

    @Test
    void aPanelMemberIsRefusedRoleManagement() {
        var e =
                assertThrows(
                        AccessDenied.class,
                        () -> StaffRequest.require(lambda(PANEL), Permission.MANAGE_ROLES));
        assertTrue(
                e.getMessage()
                        .startsWith("Your account cannot create, edit, publish or withdraw roles"));
        assertEquals(
                "local-pat-panel",
                StaffRequest.require(lambda(PANEL), Permission.SCORE_APPLICATIONS).member().id());
    }

    @Test
    void guardAnswers401WithASignInLinkWhenNobodyIsSignedIn() {
        APIGatewayV2HTTPResponse r =
                StaffErrors.guard(event(null), "test", req -> WebResponse.html(200, "secret"));
        assertEquals(401, r.getStatusCode());
        assertTrue(r.getBody().contains("href=\"/staff/sign-in\""));
        assertFalse(r.getBody().contains("secret"));
    }

    @Test
    void guardAnswers403InPlainWordsForTheWrongGroup() {
        APIGatewayV2HTTPResponse r =
                StaffErrors.guard(
                        lambda(PANEL),
                        "test",
                        req -> {
                            req.require(Permission.MANAGE_ROLES);
                            return WebResponse.html(200, "secret");
                        });
        assertEquals(403, r.getStatusCode());
        assertTrue(r.getBody().contains("You cannot do this"));
        assertTrue(r.getBody().contains("ask the patient and public involvement team"));
        assertFalse(r.getBody().contains("secret"));
        assertFalse(
                r.getBody().contains("href=\"/staff/roles\""),
                "a panel member is not offered the roles pages");
    }
}
