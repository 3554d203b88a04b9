package org.involve.handlers.views;

import java.util.Map;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;

/** The separate equal-opportunities form and its thank-you page (templates in monitoring/). */
public final class MonitoringPages {
    private static final Words WORDS = Words.of("monitoring");

    private MonitoringPages() {}

    public record Form(
            String roleId, String token, Map<String, String> values, FieldErrors errors) {}

    public static String form(
            String roleId, String token, Map<String, String> values, FieldErrors errors) {
        return Templates.render("monitoring/form.jte", new Form(roleId, token, values, errors));
    }

    public static String thanks(boolean alreadyHad) {
        return PublicPages.message(
                WORDS.get(alreadyHad ? "page.thanks.alreadyTitle" : "page.thanks.title"),
                WORDS.get(alreadyHad ? "page.thanks.already" : "page.thanks.saved"),
                WORDS.get("page.thanks.use"));
    }

    public static String unknownLink() {
        return PublicPages.message(
                WORDS.get("page.unknownLink.title"), WORDS.get("page.unknownLink.body"));
    }
}
