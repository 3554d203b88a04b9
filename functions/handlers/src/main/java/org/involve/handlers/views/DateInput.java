package org.involve.handlers.views;

import java.util.HashMap;
import java.util.Map;

/**
 * The NHS.UK date input (components/dateInput.jte) for pages still built as Strings: a fieldset with day, month and
 * year boxes posted as {name}-day, {name}-month, {name}-year. The first box has the id {name}-day, so an error summary
 * link to it lands in the right place.
 */
public final class DateInput {
    private DateInput() {}

    public static String render(String name, String legend, String hint, Map<String, String> values, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", name);
        params.put("legend", legend);
        params.put("hint", hint);
        params.put("values", values);
        params.put("error", error);
        return Templates.render("components/dateInput.jte", params);
    }
}
