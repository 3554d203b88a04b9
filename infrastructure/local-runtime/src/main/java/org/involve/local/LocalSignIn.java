package org.involve.local;

import org.involve.handlers.StaffSessionAuthorizer;
import org.involve.handlers.http.WebResponse;
import org.involve.handlers.views.FormFields;
import org.involve.handlers.views.StaffLayout;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.involve.core.kit.Html.escape;

/**
 * The local sign-in page, styled as the staff pages are: choose one of the local people and continue. Signing in sets
 * the involve-staff cookie with an ID token from {@link LocalIdentity}, exactly where Cognito's callback would, and
 * goes to /staff. Only the local runtime serves it.
 */
final class LocalSignIn {
    private LocalSignIn() {}

    static HttpApiResponses.Outgoing page(String error) {
        StringBuilder s = new StringBuilder();
        if (error != null) {
            s.append("<div class=\"nhsuk-error-summary\" data-module=\"nhsuk-error-summary\"><div role=\"alert\"><h2 class=\"nhsuk-error-summary__title\">There is a problem</h2>")
                    .append("<div class=\"nhsuk-error-summary__body\"><ul class=\"nhsuk-list nhsuk-error-summary__list\"><li><a href=\"#user\">")
                    .append(escape(error)).append("</a></li></ul></div></div></div>");
        }
        s.append("<span class=\"nhsuk-caption-l\">Local runtime only</span><h1>Sign in as a local person</h1>")
                .append("<p>These people exist only on this machine. In AWS, staff sign in with Cognito instead.</p>")
                .append("<form method=\"post\" action=\"/_local/sign-in\" novalidate><div class=\"nhsuk-form-group").append(error == null ? "" : " nhsuk-form-group--error")
                .append("\"><fieldset class=\"nhsuk-fieldset\"><legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--m\">Who are you?</legend>");
        if (error != null) s.append("<span class=\"nhsuk-error-message\" id=\"user-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> ").append(escape(error)).append("</span>");
        s.append("<div class=\"nhsuk-radios\" data-module=\"nhsuk-radios\">");
        int i = 0;
        for (LocalIdentity.User u : LocalIdentity.USERS) {
            String id = i == 0 ? "user" : "user-" + (i + 1);
            s.append("<div class=\"nhsuk-radios__item\"><input class=\"nhsuk-radios__input\" id=\"").append(id).append("\" name=\"user\" type=\"radio\" value=\"")
                    .append(escape(u.id())).append("\" aria-describedby=\"").append(id).append("-hint\"><label class=\"nhsuk-label nhsuk-radios__label\" for=\"").append(id).append("\">")
                    .append(escape(u.name())).append("</label><div class=\"nhsuk-hint nhsuk-radios__hint\" id=\"").append(id).append("-hint\">In ")
                    .append(escape(String.join(" and ", u.groups()))).append("</div></div>");
            i++;
        }
        s.append("</div></fieldset></div>").append(FormFields.button("Sign in")).append("</form>");
        return HttpApiResponses.toHttp(WebResponse.html(error == null ? 200 : 400,
                StaffLayout.page(null, null, "Sign in as a local person", error != null, null, s.toString())));
    }

    static HttpApiResponses.Outgoing signIn(LocalIdentity identity, byte[] body) {
        String chosen = "";
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith("user=")) chosen = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
        }
        var user = identity.user(chosen);
        if (user.isEmpty()) return page("Choose who you are signing in as");
        String cookie = WebResponse.cookie(StaffSessionAuthorizer.COOKIE, identity.idToken(user.get()), "/staff",
                LocalIdentity.SESSION.getSeconds(), false);
        return HttpApiResponses.toHttp(WebResponse.seeOther("/staff", cookie));
    }
}
