package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.involve.adapters.CognitoHostedUi;
import org.involve.adapters.IdTokenVerifier;
import org.involve.adapters.JdkHttp;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Words;
import org.involve.core.paths.StaffPaths;
import org.involve.core.staff.EndedSessions;
import org.involve.core.staff.PanelGroup;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.staff.StaffErrors;
import org.involve.handlers.staff.StaffRequest;
import org.involve.handlers.views.StaffPages;
import org.involve.handlers.views.StaffSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff sign-in and sign-out, and the staff home page.
 * <ul>
 * <li>{@code GET /staff/sign-in}: to Cognito's hosted sign-in (authorization code with PKCE), or, where STAFF_SIGN_IN_URL
 * is set (the local runtime), to that page instead.</li>
 * <li>{@code GET /staff/callback}: checks the state, exchanges the code for tokens, verifies the ID token and keeps it in
 * the {@code involve-staff} cookie (HttpOnly, SameSite=Lax, Path=/staff, Secure over https), then to /staff.</li>
 * <li>{@code GET /staff/session-ended?page=}: what a browser is shown when its sign-in ended before a page or form
 * reached the staff pages (the local runtime shows it for the gateway's 401 and 403; in AWS the distribution's
 * StaffSignedOutFunction sends the browser here). "Sign in again" goes to {@code /staff/sign-in?return=} the page,
 * when it is a staff page, and comes back there after signing in.</li>
 * <li>{@code GET /staff/sign-out}: clears the cookie, ends the hosted UI's session, then says so.</li>
 * <li>{@code GET /staff} and anything else under /staff with no page: behind the StaffSession authorizer. The home
 * page, where every sign-in lands, records a person in the panel group ({@link PanelGroup}).</li>
 * </ul>
 */
public class StaffSignInHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Sign-in, its callback and sign-out come before signing in; home and anything else under /staff need it. */
    static final Routes<StaffSignInHandler, WebRequest> ROUTES =
            Routes.<StaffSignInHandler, WebRequest>table()
                    .get(StaffPaths.SIGN_IN, StaffSignInHandler::signIn)
                    .get(
                            StaffPaths.SESSION_ENDED,
                            (h, req) ->
                                    WebResponse.html(
                                            200,
                                            StaffPages.sessionEnded(
                                                    req.query("page").orElse(null))))
                    .get(StaffPaths.CALLBACK, StaffSignInHandler::callback)
                    .get(StaffPaths.SIGN_OUT, StaffSignInHandler::signOut)
                    .get(
                            StaffPaths.HOME,
                            (h, req) ->
                                    StaffErrors.guard(
                                            req.event(),
                                            "staff-sign-in",
                                            r -> {
                                                h.recordPanelGroup(r);
                                                return WebResponse.html(
                                                        200, StaffPages.home(r.member()));
                                            }))
                    .any(StaffPaths.ANYTHING_ELSE, StaffSignInHandler::notFound);

    static final String SIGN_IN_COOKIE = "involve-staff-sign-in";
    private static final Logger LOG = LoggerFactory.getLogger(StaffSignInHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Words STAFF = Words.of("staff");
    private final CognitoHostedUi cognito;
    private final IdTokenVerifier verifier;
    private final String localSignIn;
    private final String siteUrl;
    private final Clock clock;
    private final PanelGroup panelGroup;
    private final EndedSessions endedSessions;

    public StaffSignInHandler() {
        this(
                Beans.get(CognitoHostedUi.class),
                Beans.get(IdTokenVerifier.class),
                Beans.get(InvolveSettings.class).staffSignInUrl(),
                Beans.get(InvolveSettings.class).staffSiteUrl(),
                Clock.systemUTC(),
                Beans.get(PanelGroup.class),
                Beans.get(EndedSessions.class));
        Priming.register("StaffSignInFunction", this::prime);
    }

    /** @param localSignIn where sign-in goes instead of Cognito (the local runtime's page), or "" for Cognito */
    public StaffSignInHandler(
            CognitoHostedUi cognito,
            IdTokenVerifier verifier,
            String localSignIn,
            String siteUrl,
            Clock clock,
            PanelGroup panelGroup,
            EndedSessions endedSessions) {
        this.cognito = cognito;
        this.verifier = verifier;
        this.localSignIn = localSignIn;
        this.siteUrl = siteUrl;
        this.clock = clock;
        this.panelGroup = panelGroup;
        this.endedSessions = endedSessions;
    }

    /**
     * Sign-in (Cognito's callback, or the local page) lands here: a person in the panel group is recorded so staff can
     * choose them for a role's panel, and someone no longer in it is forgotten. A failure only delays that to their next
     * sign-in, so the home page is shown whatever happens.
     */
    private void recordPanelGroup(StaffRequest req) {
        try {
            panelGroup.signedIn(req.member());
        } catch (RuntimeException e) {
            LOG.warn("Could not record a sign-in in the panel group: {}", e.getClass().getName());
        }
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LogContext.begin(event, context);
        WebRequest req = new WebRequest(event);
        return ROUTES.find(req.routeKey())
                .map(action -> action.answer(this, req))
                .orElseGet(() -> notFound(req));
    }

    /** A staff "Page not found" for the signed-in; the sign-in page's 401 for anyone else. */
    private APIGatewayV2HTTPResponse notFound(WebRequest req) {
        return StaffErrors.guard(
                req.event(),
                "staff-sign-in",
                r -> {
                    throw new NotFound("staff page");
                });
    }

    private boolean secure() {
        return siteUrl.startsWith("https:");
    }

    /** To sign-in; {@code ?return=} a staff page to come back to afterwards ("Stay signed in", "Sign in again"). */
    private APIGatewayV2HTTPResponse signIn(WebRequest req) {
        String back = StaffSession.safeReturn(req.query("return").orElse(null));
        if (!localSignIn.isEmpty())
            return WebResponse.seeOther(
                    back.equals(StaffPaths.HOME.fill())
                            ? localSignIn
                            : localSignIn
                                    + "?return="
                                    + URLEncoder.encode(back, StandardCharsets.UTF_8));
        String state = random(), verifierText = random();
        String cookie =
                WebResponse.cookie(
                        SIGN_IN_COOKIE,
                        state
                                + "."
                                + verifierText
                                + "."
                                + Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(back.getBytes(StandardCharsets.UTF_8)),
                        StaffPaths.CALLBACK.fill(),
                        600,
                        secure());
        return WebResponse.seeOther(cognito.authorizeUrl(state, challenge(verifierText)), cookie);
    }

    private APIGatewayV2HTTPResponse callback(WebRequest req) {
        String code = req.query("code").orElse(""), state = req.query("state").orElse("");
        String[] kept = req.cookie(SIGN_IN_COOKIE).orElse("").split("\\.", 3);
        String clearSignIn =
                WebResponse.cookie(SIGN_IN_COOKIE, "", StaffPaths.CALLBACK.fill(), 0, secure());
        if (code.isEmpty()
                || kept.length < 2
                || !MessageDigest.isEqual(
                        kept[0].getBytes(StandardCharsets.UTF_8),
                        state.getBytes(StandardCharsets.UTF_8))) {
            return WebResponse.html(
                    400,
                    StaffPages.message(
                            null,
                            STAFF.get("page.sign-in.unfinished.title"),
                            STAFF.get("page.sign-in.unfinished.expired")),
                    clearSignIn);
        }
        try {
            String idToken = cognito.exchange(code, kept[1]);
            var id = verifier.verify(idToken);
            long seconds =
                    Math.max(0, Duration.between(clock.instant(), id.expires()).getSeconds());
            return WebResponse.seeOther(
                    returnOf(kept), sessionCookie(idToken, seconds), clearSignIn);
        } catch (CognitoHostedUi.SignInFailed | IdTokenVerifier.InvalidToken e) {
            LOG.warn("Staff sign-in failed: {}", e.getMessage());
            return WebResponse.html(
                    400,
                    StaffPages.message(
                            null,
                            STAFF.get("page.sign-in.unfinished.title"),
                            STAFF.get("page.sign-in.unfinished.again")),
                    clearSignIn);
        }
    }

    /** The staff page the sign-in cookie says to come back to (checked again), else the home page. */
    private static String returnOf(String[] kept) {
        if (kept.length < 3) return StaffPaths.HOME.fill();
        try {
            return StaffSession.safeReturn(
                    new String(Base64.getUrlDecoder().decode(kept[2]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return StaffPaths.HOME.fill();
        }
    }

    private APIGatewayV2HTTPResponse signOut(WebRequest req) {
        endSession(req);
        String cleared = sessionCookie("", 0);
        if (!localSignIn.isEmpty()
                || req.query("signed-out").isPresent()
                || cognito.domain().isEmpty()) {
            return WebResponse.html(200, StaffPages.signedOut(), cleared);
        }
        return WebResponse.seeOther(
                cognito.logoutUrl(siteUrl + StaffPaths.SIGN_OUT.fill() + "?signed-out=yes"),
                cleared);
    }

    /**
     * Ends the session itself, not only this browser's cookie: a copy of the token taken before sign-out is refused
     * from now on. If recording it fails, the cookie is still cleared and the failure logged (the token then lasts
     * until it expires, as before).
     */
    private void endSession(WebRequest req) {
        Optional<String> token = req.cookie(StaffSessionAuthorizer.COOKIE);
        if (token.isEmpty()) return;
        IdTokenVerifier.IdToken id;
        try {
            id = verifier.verify(token.get());
        } catch (IdTokenVerifier.InvalidToken expiredOrNotOurs) {
            return; // nothing to end: it would be refused anyway
        }
        try {
            endedSessions.end(id.sessionId(), id.expires());
        } catch (RuntimeException e) {
            LOG.warn("Could not record a sign-out: {}", e.getClass().getName());
        }
    }

    private String sessionCookie(String value, long maxAgeSeconds) {
        return WebResponse.cookie(
                StaffSessionAuthorizer.COOKIE,
                value,
                StaffPaths.HOME.fill(),
                maxAgeSeconds,
                secure());
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SnapStart priming (see {@link Priming}): every GET of sign-in without a code or a session (the sign-in
     * redirect, the "session ended" page, the callback's "start again" page): no token is asked for, nothing is
     * written. It also builds the HTTP client the callback's token exchange and key fetch use (built on first use, so
     * a cold start that serves only the home page never builds it).
     */
    public void prime() {
        JdkHttp.prime();
        for (APIGatewayV2HTTPEvent get : Priming.gets(ROUTES.keys())) handleRequest(get, null);
    }
}
