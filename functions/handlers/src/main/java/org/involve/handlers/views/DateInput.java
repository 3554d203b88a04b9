package org.involve.handlers.views;

import java.util.Map;

import static org.involve.core.kit.Html.escape;

/**
 * The NHS.UK date input: a fieldset with day, month and year boxes posted as {name}-day, {name}-month, {name}-year.
 * The first box has the id {name}-day, so an error summary link to it lands in the right place.
 */
public final class DateInput {
    private DateInput() {}

    public static String render(String name, String legend, String hint, Map<String, String> values, String error) {
        String id = escape(name);
        String hintHtml = hint == null ? "" : "<div class=\"nhsuk-hint\" id=\"" + id + "-hint\">" + escape(hint) + "</div>";
        String errorHtml = error == null ? "" : "<span class=\"nhsuk-error-message\" id=\"" + id + "-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> " + escape(error) + "</span>";
        String describedBy = ((hint == null ? "" : id + "-hint ") + (error == null ? "" : id + "-error")).trim();
        StringBuilder s = new StringBuilder("<div class=\"nhsuk-form-group").append(error == null ? "" : " nhsuk-form-group--error").append("\">")
                .append("<fieldset class=\"nhsuk-fieldset\" role=\"group\"").append(describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"").append(">")
                .append("<legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">").append(escape(legend)).append("</legend>")
                .append(hintHtml).append(errorHtml)
                .append("<div class=\"nhsuk-date-input\" id=\"").append(id).append("\">");
        part(s, name, "day", "Day", 2, values, error != null);
        part(s, name, "month", "Month", 2, values, error != null);
        part(s, name, "year", "Year", 4, values, error != null);
        return s.append("</div></fieldset></div>").toString();
    }

    private static void part(StringBuilder s, String name, String part, String label, int width, Map<String, String> values, boolean error) {
        String id = escape(name) + "-" + part;
        s.append("<div class=\"nhsuk-date-input__item\"><div class=\"nhsuk-form-group\"><label class=\"nhsuk-label nhsuk-date-input__label\" for=\"")
                .append(id).append("\">").append(label).append("</label><input class=\"nhsuk-input nhsuk-date-input__input nhsuk-input--width-").append(width)
                .append(error ? " nhsuk-input--error" : "").append("\" id=\"").append(id).append("\" name=\"").append(id)
                .append("\" type=\"text\" inputmode=\"numeric\" value=\"").append(escape(values.getOrDefault(name + "-" + part, ""))).append("\"></div></div>");
    }
}
