package org.involve.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Field;
import org.involve.core.kit.Words;
import org.involve.handlers.StaffSessionAuthorizer;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.Templates;

/**
 * The local sign-in page, styled as the staff pages are: choose one of the local people and continue. Signing in sets
 * the involve-staff cookie with an ID token from {@link LocalIdentity}, exactly where Cognito's callback would, and
 * goes to /staff. Only the local runtime serves it.
 */
final class LocalSignIn {
    private LocalSignIn() {}

    static HttpApiResponses.Outgoing page(String error) {
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
        return HttpApiResponses.toHttp(
                WebResponse.html(
                        error == null ? 200 : 400, Templates.render("local/signIn.jte", params)));
    }

    static HttpApiResponses.Outgoing signIn(LocalIdentity identity, byte[] body) {
        String chosen = "";
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("user="))
                chosen = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
        }
        var user = identity.user(chosen);
        if (user.isEmpty()) return page(Words.of("staff").get("page.localSignIn.choose"));
        String cookie =
                WebResponse.cookie(
                        StaffSessionAuthorizer.COOKIE,
                        identity.idToken(user.get()),
                        "/staff",
                        LocalIdentity.SESSION.getSeconds(),
                        false);
        return HttpApiResponses.toHttp(WebResponse.seeOther("/staff", cookie));
    }
}
