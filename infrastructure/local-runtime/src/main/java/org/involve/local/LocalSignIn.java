package org.involve.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Field;
import org.involve.core.kit.Words;
import org.involve.handlers.StaffSessionAuthorizer;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.StaffSession;
import org.involve.handlers.views.Templates;

/**
 * The local sign-in page, styled as the staff pages are: choose one of the local people and continue. Signing in sets
 * the involve-staff cookie with an ID token from {@link LocalIdentity}, exactly where Cognito's callback would, and
 * goes to /staff (or the staff page it was asked to come back to). Only the local runtime serves it.
 */
final class LocalSignIn {
    private LocalSignIn() {}

    static HttpApiResponses.Outgoing page(String error) {
        return page(error, null);
    }

    /** @param back the staff page to come back to after signing in (checked as the real sign-in checks it) */
    static HttpApiResponses.Outgoing page(String error, String back) {
        Words words = Words.of("staff");
        List<Field.Option> people =
                LocalIdentity.USERS.stream()
                        .map(
                                u ->
                                        new Field.Option(
                                                u.id(),
                                                u.name(),
                                                words.format(
                                                        "page.localSignIn.inGroups",
                                                        "groups",
                                                        String.join(" and ", u.groups()))))
                        .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("people", people);
        params.put("error", error);
        params.put("back", StaffSession.safeReturn(back));
        return HttpApiResponses.toHttp(
                WebResponse.html(
                        error == null ? 200 : 400, Templates.render("local/signIn.jte", params)));
    }

    /**
     * Signs in as the chosen person and goes back to the page in {@code return} (else /staff). A {@code minutes} field
     * (not on the page: tests post it) makes a shorter session, so the warning before it ends can be seen.
     */
    static HttpApiResponses.Outgoing signIn(LocalIdentity identity, byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        String chosen = param(form, "user");
        String back = StaffSession.safeReturn(param(form, "return"));
        var user = identity.user(chosen == null ? "" : chosen);
        if (user.isEmpty()) return page(Words.of("staff").get("page.localSignIn.choose"), back);
        Duration session = LocalIdentity.SESSION;
        try {
            String minutes = param(form, "minutes");
            if (minutes != null)
                session =
                        Duration.ofMinutes(
                                Math.max(
                                        1, Math.min(Long.parseLong(minutes), session.toMinutes())));
        } catch (NumberFormatException ignored) {
            // the usual session
        }
        String cookie =
                WebResponse.cookie(
                        StaffSessionAuthorizer.COOKIE,
                        identity.idToken(user.get(), session),
                        "/staff",
                        session.getSeconds(),
                        false);
        return HttpApiResponses.toHttp(WebResponse.seeOther(back, cookie));
    }

    /** One value of a form body or query string, or null. */
    static String param(String encoded, String name) {
        if (encoded == null) return null;
        for (String pair : encoded.split("&")) {
            if (pair.startsWith(name + "="))
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
        }
        return null;
    }
}
