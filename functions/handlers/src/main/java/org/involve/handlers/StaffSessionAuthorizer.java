package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.IdTokenVerifier;
import org.involve.adapters.IdTokenVerifier.IdToken;
import org.involve.adapters.IdTokenVerifier.InvalidToken;
import org.involve.adapters.JdkHttp;
import org.involve.core.staff.EndedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API's StaffSession Lambda authorizer (payload 2.0, simple responses). Browsers cannot send an
 * Authorization header when following a link, so the staff pages carry the Cognito ID token in the HttpOnly
 * {@value #COOKIE} cookie; this verifies it (RS256 against the pool's keys, issuer, audience, expiry) and answers
 * {@code {"isAuthorized": true, "context": {sub, name, email, groups, expires}}}, which API Gateway passes to the route's
 * function as {@code requestContext.authorizer.lambda}. A token whose session was ended by signing out is refused (one
 * read of EndedSessionsTable by the token's id; if that read fails the session is refused too, as the safe way to
 * fail). It logs no token or name.
 * The event is taken as a plain map (the payload 2.0 REQUEST event's JSON): the library's event class needs Joda-Time.
 */
public class StaffSessionAuthorizer
        implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    public static final String COOKIE = "involve-staff";
    private static final Logger LOG = LoggerFactory.getLogger(StaffSessionAuthorizer.class);
    private final IdTokenVerifier verifier;
    private final EndedSessions endedSessions;

    public StaffSessionAuthorizer() {
        this(Beans.get(IdTokenVerifier.class), Beans.get(EndedSessions.class));
        Priming.register("StaffSessionAuthorizerFunction", this::prime);
    }

    public StaffSessionAuthorizer(IdTokenVerifier verifier, EndedSessions endedSessions) {
        this.verifier = verifier;
        this.endedSessions = endedSessions;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        LogContext.begin(context, correlationId(event));
        Optional<String> token = sessionCookie(event);
        if (token.isEmpty()) return denied();
        try {
            IdToken id = verifier.verify(token.get());
            if (ended(id)) return denied();
            Map<String, Object> ctx = new LinkedHashMap<>();
            ctx.put("sub", id.subject());
            ctx.put("name", id.name());
            ctx.put("email", id.email() == null ? "" : id.email());
            ctx.put("groups", String.join(",", id.groups()));
            // When the session ends, so every staff page can warn before it does.
            ctx.put("expires", id.expires().getEpochSecond());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("isAuthorized", true);
            answer.put("context", ctx);
            return answer;
        } catch (InvalidToken e) {
            LOG.info("Staff session refused on {}: {}", event.get("routeKey"), e.getMessage());
            return denied();
        }
    }

    private boolean ended(IdToken id) {
        try {
            if (!endedSessions.hasEnded(id.sessionId())) return false;
            LOG.info("Staff session refused: it was ended by signing out");
        } catch (RuntimeException e) {
            LOG.warn(
                    "Staff session refused: could not check sign-outs ({})",
                    e.getClass().getName());
        }
        return true;
    }

    /** The request's correlation id, as the staff function it guards will log it (see {@link LogContext#begin}). */
    private static String correlationId(Map<String, Object> event) {
        if (event.get("headers") instanceof Map<?, ?> headers
                && headers.get(LogContext.CORRELATION_HEADER) instanceof String given) return given;
        if (event.get("requestContext") instanceof Map<?, ?> rc
                && rc.get("requestId") instanceof String requestId) return requestId;
        return null;
    }

    private static Map<String, Object> denied() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("isAuthorized", false);
        return answer;
    }

    /** The cookie from the event's cookies (payload 2.0), else from its Cookie header or identity source. */
    static Optional<String> sessionCookie(Map<String, Object> event) {
        List<String> pieces = new ArrayList<>();
        if (event.get("cookies") instanceof List<?> cookies)
            cookies.forEach(c -> pieces.add(String.valueOf(c)));
        if (event.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach(
                    (k, v) -> {
                        if (String.valueOf(k).equalsIgnoreCase("cookie") && v != null)
                            pieces.add(String.valueOf(v));
                    });
        }
        if (event.get("identitySource") instanceof List<?> sources)
            sources.forEach(s -> pieces.add(String.valueOf(s)));
        return pieces.stream()
                .flatMap(p -> Arrays.stream(p.split(";\\s*")))
                .map(String::trim)
                .filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1))
                .filter(v -> !v.isEmpty())
                .findFirst();
    }

    /**
     * SnapStart priming (see {@link Priming}): a session cookie whose token names no key (Jackson reads its header,
     * the answer is "not authorized"; no key is fetched) and a look for a sign-out that is not there (the sessions
     * table's read); and the HTTP client a key fetch uses is built (it is built on first use otherwise).
     */
    public void prime() {
        JdkHttp.prime();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routeKey", "GET /staff");
        event.put("cookies", List.of(COOKIE + "=" + PRIMING_TOKEN));
        handleRequest(event, null);
        endedSessions.hasEnded(Priming.NOT_THERE);
    }

    /** A token of three parts whose header ({"alg":"RS256"}) names no key: refused before any key is looked up. */
    private static final String PRIMING_TOKEN = "eyJhbGciOiJSUzI1NiJ9.e30.cHJpbWluZw";
}
