package org.involve.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Cognito's hosted sign-in, as the staff sign-in uses it: the authorization-code flow with PKCE for a public app
 * client (no client secret to keep), so the code is useless to anyone without the verifier kept in the browser's
 * short-lived sign-in cookie.
 *
 * @param domain      the user pool domain, e.g. https://involve-staff-123456789012.auth.eu-west-2.amazoncognito.com
 * @param clientId    the app client id (also the ID token's audience)
 * @param callbackUrl where Cognito sends the browser back: {StaffSiteUrl}/staff/callback
 */
public record CognitoHostedUi(String domain, String clientId, String callbackUrl) {
    public String authorizeUrl(String state, String codeChallenge) {
        return domain
                + "/oauth2/authorize?response_type=code&client_id="
                + enc(clientId)
                + "&redirect_uri="
                + enc(callbackUrl)
                + "&scope="
                + enc("openid email profile")
                + "&state="
                + enc(state)
                + "&code_challenge="
                + enc(codeChallenge)
                + "&code_challenge_method=S256";
    }

    /** Where sign-out sends the browser, so the hosted UI's own session ends too. */
    public String logoutUrl(String afterSignOut) {
        return domain + "/logout?client_id=" + enc(clientId) + "&logout_uri=" + enc(afterSignOut);
    }

    /** Exchanges the code at the token endpoint; returns the ID token (to be verified before use). */
    public String exchange(String code, String codeVerifier) {
        String form =
                "grant_type=authorization_code&client_id="
                        + enc(clientId)
                        + "&code="
                        + enc(code)
                        + "&redirect_uri="
                        + enc(callbackUrl)
                        + "&code_verifier="
                        + enc(codeVerifier);
        try {
            HttpResponse<String> r =
                    JdkHttp.client()
                            .send(
                                    HttpRequest.newBuilder(URI.create(domain + "/oauth2/token"))
                                            .timeout(Duration.ofSeconds(8))
                                            .header(
                                                    "Content-Type",
                                                    "application/x-www-form-urlencoded")
                                            .POST(HttpRequest.BodyPublishers.ofString(form))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200)
                throw new SignInFailed("the token endpoint answered " + r.statusCode());
            JsonNode body = Jwt.JSON.readTree(r.body());
            String idToken = body.path("id_token").asText(null);
            if (idToken == null) throw new SignInFailed("no ID token in the answer");
            return idToken;
        } catch (IOException e) {
            throw new SignInFailed(
                    "the token endpoint could not be reached ("
                            + e.getClass().getSimpleName()
                            + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailed("interrupted");
        }
    }

    /** The code could not be exchanged; the message holds no code or token. */
    public static final class SignInFailed extends RuntimeException {
        public SignInFailed(String why) {
            super(why);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
