package org.involve.handlers.views;

import org.involve.core.kit.FieldErrors;
import org.involve.core.monitoring.MonitoringQuestions;

import java.util.Map;

import static org.involve.core.kit.Html.escape;

/** The separate equal-opportunities form and its thank-you page. */
public final class MonitoringPages {
    private MonitoringPages() {}

    public static String form(String roleId, String token, Map<String, String> values, FieldErrors errors) {
        var section = MonitoringQuestions.section();
        String s = FormFields.errorSummary(errors)
                + "<h1>" + escape(section.title()) + "</h1>"
                + "<p>" + escape(section.intro()) + "</p>"
                + "<p>Filling in this form is voluntary and does not affect your application. Every question has a \"Prefer not to say\" answer.</p>"
                + "<form method=\"post\" action=\"/monitoring\" novalidate>"
                + "<input type=\"hidden\" name=\"role\" value=\"" + escape(roleId) + "\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + FormFields.section(section, values, errors)
                + FormFields.button("Send answers") + "</form>";
        return Layout.page(section.title(), errors != null && !errors.isEmpty(), null, s);
    }

    public static String thanks(boolean alreadyHad) {
        return PublicPages.message(alreadyHad ? "We already have your answers" : "Thank you",
                alreadyHad ? "Equal opportunities answers for this application were already sent, so we have kept the first ones."
                        : "Your equal opportunities answers have been saved, separately from your application.",
                "They are used only to count who applies, in groups too large to identify anyone.");
    }

    public static String unknownLink() {
        return PublicPages.message("This link is not valid",
                "The link to the equal opportunities form may be incomplete. Use the link in your confirmation email, or copy the whole address.");
    }
}
