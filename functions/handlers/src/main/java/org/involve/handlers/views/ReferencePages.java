package org.involve.handlers.views;

import org.involve.core.kit.FieldErrors;
import org.involve.core.references.ReferenceForm;
import org.involve.core.references.RefereeResponses;
import org.involve.core.role.Role;
import org.involve.core.links.LinkRefusal;

import java.util.Map;

import static org.involve.core.kit.Html.escape;

/** The referee's pages: the short reference form, the thank-you page, and the page for a link that cannot be used. */
public final class ReferencePages {
    private ReferencePages() {}

    public static String form(String token, RefereeResponses.Request req, Map<String, String> values, FieldErrors errors) {
        Role role = req.role();
        String s = FormFields.errorSummary(errors)
                + "<span class=\"nhsuk-caption-l\">" + escape(role.title()) + "</span>"
                + "<h1>Reference for " + escape(req.applicantName()) + "</h1>"
                + "<p>" + escape(req.applicantName()) + " has applied to be a " + escape(role.title()) + " with " + escape(role.organisation())
                + " and gave your name as a referee. Thank you for helping.</p>"
                + "<p>What you write is seen only by the team making the appointment. It takes about 10 minutes. You can send it once.</p>"
                + "<form method=\"post\" action=\"/reference/" + escape(token) + "\" novalidate>"
                + FormFields.section(ReferenceForm.section(role.title()), values, errors)
                + FormFields.button("Send reference") + "</form>"
                + contact(role, "If you cannot give a reference, or have a question");
        return Layout.page("Reference for " + req.applicantName(), errors != null && !errors.isEmpty(), null, s);
    }

    public static String thanks(RefereeResponses.Request req) {
        String s = "<div class=\"nhsuk-panel nhsuk-panel--confirmation\"><h1 class=\"nhsuk-panel__title\">Reference sent</h1>"
                + "<div class=\"nhsuk-panel__body\">Thank you for your reference for " + escape(req.applicantName()) + "</div></div>"
                + "<p>We have your reference. You do not need to do anything else, and we will not send you reminders.</p>"
                + contact(req.role(), "If you want to add to what you wrote");
        return Layout.page("Reference sent", false, null, s);
    }

    /** A link that cannot be used: says why and what to do, naming the role's contact when the link says which role it was for. */
    public static String refused(LinkRefusal reason, Role role) {
        String title = switch (reason) {
            case ALREADY_USED -> "This reference has already been sent";
            case EXPIRED -> "This link has expired";
            default -> "This link is not valid";
        };
        String s = "<h1>" + escape(title) + "</h1><p>" + escape(reason.message()) + "</p>"
                + (role == null
                        ? "<p>To contact us, reply to the email that gave you this link, or use the contact details it gives.</p>"
                        : contact(role, "To contact us"));
        return Layout.page(title, false, null, s);
    }

    private static String contact(Role role, String lead) {
        return "<p>" + escape(lead) + ", contact " + escape(role.contact().name()) + " at <a href=\"mailto:" + escape(role.contact().email()) + "\">"
                + escape(role.contact().email()) + "</a>"
                + (role.contact().phone() == null || role.contact().phone().isBlank() ? "" : " or " + escape(role.contact().phone())) + ".</p>";
    }
}
