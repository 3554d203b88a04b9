package org.involve.handlers.views;

import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Section;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The form components (components/field.jte, fields.jte, errorSummary.jte, button.jte, honeypot.jte) for pages still
 * built as Strings. Page templates call the components directly instead.
 */
public final class FormFields {
    private FormFields() {}

    public static String errorSummary(FieldErrors errors) {
        return Templates.render("components/errorSummary.jte", Map.of("links", ErrorLink.of(errors)));
    }

    /** The NHS.UK error summary for a problem with the whole page rather than one question. */
    public static String problemSummary(String problem) {
        return Templates.render("components/errorSummary.jte", Map.of("problem", problem));
    }

    /** The NHS.UK error summary for several problems with the whole page, each linked to where it can be put right. */
    public static String problemsSummary(List<String> problems, String anchor) {
        return Templates.render("components/errorSummary.jte", Map.of("links", ErrorLink.allTo(anchor, problems)));
    }

    public static String section(Section section, Map<String, String> values, FieldErrors errors) {
        Map<String, Object> params = new HashMap<>();
        params.put("section", section);
        params.put("values", values);
        params.put("errors", errors);
        return Templates.render("components/fields.jte", params);
    }

    public static String field(Field f, String value, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("field", f);
        params.put("value", value);
        params.put("error", error);
        return Templates.render("components/field.jte", params);
    }

    /** A visually hidden trap field: people never see it, form-filling robots tend to fill it. */
    public static String honeypot() {
        return Templates.render("components/honeypot.jte", Map.of());
    }

    public static String button(String text) {
        return Templates.render("components/button.jte", Map.of("text", text));
    }
}
