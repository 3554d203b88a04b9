package org.involve.handlers.views;

import java.util.Map;
import org.involve.core.kit.FieldErrors;
import org.involve.core.links.LinkRefusal;
import org.involve.core.references.RefereeResponses;
import org.involve.core.role.Role;

/**
 * The referee's pages (templates in references/): the short reference form, the thank-you page, and the page for a
 * link that cannot be used.
 */
public final class ReferencePages {
    private ReferencePages() {}

    public record Form(
            String token,
            RefereeResponses.Request request,
            Map<String, String> values,
            FieldErrors errors) {}

    /** {@code role} is null when the link does not say which role it was for. */
    public record Refused(LinkRefusal reason, Role role) {}

    public static String form(
            String token,
            RefereeResponses.Request req,
            Map<String, String> values,
            FieldErrors errors) {
        return Templates.render("references/form.jte", new Form(token, req, values, errors));
    }

    public static String thanks(RefereeResponses.Request req) {
        return Templates.render("references/thanks.jte", req);
    }

    /** A link that cannot be used: says why and what to do, naming the role's contact when the link says which role it was for. */
    public static String refused(LinkRefusal reason, Role role) {
        return Templates.render("references/refused.jte", new Refused(reason, role));
    }
}
