package org.involve.handlers.staff;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.staff.Group;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.views.StaffSession;

/**
 * A request to a staff page, with the signed-in person read from what API Gateway's authorizer put in the event:
 * {@code requestContext.authorizer.lambda} (the StaffSession authorizer: sub, name, email, groups) or
 * {@code requestContext.authorizer.jwt.claims} (the StaffJwt authorizer: Cognito's sub, name, email, cognito:groups).
 * The gateway has already refused anyone not signed in; every staff handler checks again here, and checks the
 * person's groups allow the action, so a route wired without its authorizer still gives nothing away.
 */
public final class StaffRequest {
    private final WebRequest web;
    private final StaffMember member;

    private StaffRequest(WebRequest web, StaffMember member) {
        this.web = web;
        this.member = member;
    }

    /** The request and its signed-in person; {@link NotSignedIn} (401) when the event carries none. */
    public static StaffRequest of(APIGatewayV2HTTPEvent event) {
        StaffSession.forget();
        StaffRequest r =
                new StaffRequest(
                        new WebRequest(event),
                        memberOf(event)
                                .orElseThrow(
                                        () ->
                                                new NotSignedIn(
                                                        "No signed-in person in the request")));
        StaffSession.seen(expiresOf(event).orElse(null), pageOf(event));
        return r;
    }

    /**
     * When the session ends: {@code expires} (seconds since 1970) from the StaffSession authorizer, or the token's
     * {@code exp} claim from the JWT authorizer.
     */
    static Optional<Instant> expiresOf(APIGatewayV2HTTPEvent event) {
        var ctx = event == null ? null : event.getRequestContext();
        var authorizer = ctx == null ? null : ctx.getAuthorizer();
        if (authorizer == null) return Optional.empty();
        Object raw = null;
        if (authorizer.getLambda() != null) raw = authorizer.getLambda().get("expires");
        if (raw == null && authorizer.getJwt() != null && authorizer.getJwt().getClaims() != null)
            raw = authorizer.getJwt().getClaims().get("exp");
        if (raw == null) return Optional.empty();
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(String.valueOf(raw).trim())));
        } catch (NumberFormatException | java.time.DateTimeException notATime) {
            return Optional.empty();
        }
    }

    /** The page a "stay signed in" link comes back to: the address of a GET, nothing for a form sent. */
    private static String pageOf(APIGatewayV2HTTPEvent event) {
        var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
        if (http == null || !"GET".equalsIgnoreCase(http.getMethod())) return null;
        return event.getRawPath();
    }

    /** The signed-in person, checked to be allowed {@code permission}: {@link NotSignedIn} (401) or AccessDenied (403) otherwise. */
    public static StaffRequest require(APIGatewayV2HTTPEvent event, Permission permission) {
        StaffRequest r = of(event);
        r.require(permission);
        return r;
    }

    /** Refuses with AccessDenied (a 403 page in plain words) unless one of the person's groups allows it. */
    public StaffMember require(Permission permission) {
        member.require(permission);
        return member;
    }

    public StaffMember member() {
        return member;
    }

    public WebRequest web() {
        return web;
    }

    /** The person the authorizer vouched for, if any; a context that does not make a valid person counts as none. */
    public static Optional<StaffMember> memberOf(APIGatewayV2HTTPEvent event) {
        var ctx = event == null ? null : event.getRequestContext();
        var authorizer = ctx == null ? null : ctx.getAuthorizer();
        if (authorizer == null) return Optional.empty();
        try {
            Map<String, Object> lambda = authorizer.getLambda();
            if (lambda != null && lambda.get("sub") != null) {
                return Optional.of(
                        new StaffMember(
                                text(lambda.get("sub")),
                                text(lambda.get("name")),
                                text(lambda.get("email")),
                                groups(lambda.get("groups"))));
            }
            if (authorizer.getJwt() != null && authorizer.getJwt().getClaims() != null) {
                Map<String, String> claims = authorizer.getJwt().getClaims();
                if (claims.get("sub") == null) return Optional.empty();
                String name = claims.getOrDefault("name", claims.getOrDefault("email", ""));
                return Optional.of(
                        new StaffMember(
                                claims.get("sub"),
                                name,
                                claims.get("email"),
                                groups(claims.get("cognito:groups"))));
            }
        } catch (IllegalArgumentException notAPerson) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /**
     * Groups as the authorizers pass them: "staff,panel" from ours, "[staff panel]" from API Gateway's JWT authorizer
     * (it flattens a claim's array that way), or a list. Unknown names are ignored.
     */
    static Set<Group> groups(Object raw) {
        Set<Group> groups = EnumSet.noneOf(Group.class);
        if (raw == null) return groups;
        Collection<?> names =
                raw instanceof Collection<?> c
                        ? c
                        : Arrays.asList(
                                String.valueOf(raw).replaceAll("[\\[\\]\"]", " ").split("[,\\s]+"));
        for (Object n : names) Group.fromClaim(String.valueOf(n)).ifPresent(groups::add);
        return groups;
    }
}
