package org.involve.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.IdTokenVerifier;
import org.involve.emulators.RouteAuthorizers;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.StaffPages;

/**
 * What API Gateway does before a route that has an authorizer. For a Lambda authorizer (StaffSession): no identity
 * source (the Cookie header) answers 401 without calling it; otherwise the authorizer function is really called with a
 * payload 2.0 REQUEST event, {@code isAuthorized: false} answers 403, and a yes puts its context in the route's event
 * as {@code requestContext.authorizer.lambda}. For a JWT authorizer (StaffJwt): the Bearer token is verified against
 * the local issuer and its claims go in {@code requestContext.authorizer.jwt.claims}, groups flattened as "[a b]".
 */
final class LocalAuthorizers {
    private final RouteAuthorizers routes;
    private final Map<String, LambdaFunction> functions;
    private final IdTokenVerifier jwtVerifier;

    LocalAuthorizers(
            RouteAuthorizers routes,
            Map<String, LambdaFunction> functions,
            IdTokenVerifier jwtVerifier) {
        this.routes = routes;
        this.functions = functions;
        this.jwtVerifier = jwtVerifier;
    }

    static LocalAuthorizers none() {
        return new LocalAuthorizers(RouteAuthorizers.none(), Map.of(), null);
    }

    /** Empty when the request may go on (its event now carrying the authorizer's context); otherwise the refusal. */
    Optional<HttpApiResponses.Outgoing> authorize(String functionId, APIGatewayV2HTTPEvent event)
            throws Exception {
        Optional<RouteAuthorizers.Authorizer> authorizer =
                routes.forRoute(functionId, event.getRouteKey());
        if (authorizer.isEmpty()) return Optional.empty();
        if (authorizer.get().functionLogicalId().isPresent())
            return lambda(authorizer.get(), event);
        return jwt(event);
    }

    private Optional<HttpApiResponses.Outgoing> lambda(
            RouteAuthorizers.Authorizer authorizer, APIGatewayV2HTTPEvent event) throws Exception {
        if (event.getCookies() == null || event.getCookies().isEmpty())
            return Optional.of(refusal(401, "Unauthorized", event));
        LambdaFunction function = functions.get(authorizer.functionLogicalId().get());
        if (function == null)
            throw new IllegalStateException(
                    "Authorizer "
                            + authorizer.name()
                            + " names a function the template does not have");
        String cookieHeader = String.join("; ", event.getCookies());
        Map<String, String> headers =
                new LinkedHashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        headers.put("cookie", cookieHeader);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("version", "2.0");
        request.put("type", "REQUEST");
        request.put(
                "routeArn",
                "arn:aws:execute-api:"
                        + LocalRuntime.REGION
                        + ":"
                        + HttpApiEvents.ACCOUNT_ID
                        + ":local/$default/"
                        + event.getRequestContext().getHttp().getMethod()
                        + event.getRawPath());
        request.put("identitySource", List.of(cookieHeader));
        request.put("routeKey", event.getRouteKey());
        request.put("rawPath", event.getRawPath());
        request.put("rawQueryString", event.getRawQueryString());
        request.put("cookies", event.getCookies());
        request.put("headers", headers);
        if (event.getQueryStringParameters() != null)
            request.put("queryStringParameters", event.getQueryStringParameters());
        if (event.getPathParameters() != null)
            request.put("pathParameters", event.getPathParameters());
        Map<String, Object> requestContext = new LinkedHashMap<>();
        requestContext.put("accountId", HttpApiEvents.ACCOUNT_ID);
        requestContext.put("apiId", "local");
        requestContext.put("routeKey", event.getRouteKey());
        requestContext.put("requestId", event.getRequestContext().getRequestId());
        requestContext.put("stage", "$default");
        request.put("requestContext", requestContext);
        Object answer = function.invoke(request);
        boolean authorized;
        Map<String, Object> context = new LinkedHashMap<>();
        if (answer instanceof SimpleIAMPolicyResponse simple) {
            authorized = simple.getIsAuthorized();
            if (simple.getContext() != null) context.putAll(simple.getContext());
        } else if (answer instanceof Map<?, ?> map) {
            authorized = Boolean.TRUE.equals(map.get("isAuthorized"));
            if (map.get("context") instanceof Map<?, ?> c)
                c.forEach((k, v) -> context.put(String.valueOf(k), v));
        } else {
            throw new IllegalStateException(
                    "Authorizer "
                            + authorizer.name()
                            + " returned "
                            + (answer == null ? "null" : answer.getClass().getName()));
        }
        if (!authorized) return Optional.of(refusal(403, "Forbidden", event));
        event.getRequestContext()
                .setAuthorizer(
                        APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withLambda(context)
                                .build());
        return Optional.empty();
    }

    private Optional<HttpApiResponses.Outgoing> jwt(APIGatewayV2HTTPEvent event) {
        String header = event.getHeaders() == null ? null : event.getHeaders().get("authorization");
        if (header == null
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)
                || jwtVerifier == null) return Optional.of(refusal(401, "Unauthorized"));
        try {
            IdTokenVerifier.IdToken id = jwtVerifier.verify(header.substring(7).trim());
            Map<String, String> claims = new LinkedHashMap<>();
            claims.put("sub", id.subject());
            claims.put("name", id.name());
            if (id.email() != null) claims.put("email", id.email());
            claims.put("cognito:groups", "[" + String.join(" ", id.groups()) + "]");
            event.getRequestContext()
                    .setAuthorizer(
                            APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                    .withJwt(
                                            new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT(
                                                    claims, List.of()))
                                    .build());
            return Optional.empty();
        } catch (IdTokenVerifier.InvalidToken e) {
            return Optional.of(refusal(401, "Unauthorized"));
        }
    }

    /**
     * The refusal of a session cookie: for a browser (it accepts HTML) the "You have been signed out" page, with the
     * gateway's status, for anything else the gateway's own JSON. In AWS the distribution's StaffSignedOutFunction
     * sends such a browser to the same page before the gateway (a 303 to /staff/session-ended?page=).
     * "Sign in again" comes back to the page asked for, or for a form sent to the page it was sent from.
     */
    static HttpApiResponses.Outgoing refusal(
            int status, String message, APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String accept = headers.getOrDefault("accept", "");
        if (!accept.contains("text/html")) return refusal(status, message);
        String method = event.getRequestContext().getHttp().getMethod();
        String page =
                "GET".equalsIgnoreCase(method)
                        ? event.getRawPath()
                        : pathOf(headers.get("referer"));
        return HttpApiResponses.toHttp(WebResponse.html(status, StaffPages.sessionEnded(page)));
    }

    private static String pathOf(String address) {
        if (address == null) return null;
        try {
            return java.net.URI.create(address).getRawPath();
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }

    /** What API Gateway itself answers: a small JSON body, not the function's page. */
    static HttpApiResponses.Outgoing refusal(int status, String message) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("WWW-Authenticate", List.of("Bearer"));
        return new HttpApiResponses.Outgoing(
                status,
                headers,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
