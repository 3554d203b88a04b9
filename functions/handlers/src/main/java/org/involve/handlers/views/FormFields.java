package org.involve.handlers.views;

import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Section;

import java.util.List;
import java.util.Map;

import static org.involve.core.kit.Html.escape;

/** Renders fields as the NHS.UK frontend's input, textarea, radios and checkbox components, with their errors. */
public final class FormFields {
    private FormFields() {}

    public static String errorSummary(FieldErrors errors) {
        if (errors == null || errors.isEmpty()) return "";
        StringBuilder links = new StringBuilder("<ul class=\"nhsuk-list nhsuk-error-summary__list\">");
        errors.asMap().forEach((field, message) ->
                links.append("<li><a href=\"#").append(escape(field)).append("\">").append(escape(message)).append("</a></li>"));
        return summary(links.append("</ul>").toString());
    }

    /** The NHS.UK error summary for a problem with the whole page rather than one question. */
    public static String problemSummary(String problem) {
        return summary("<p>" + escape(problem) + "</p>");
    }

    /** The NHS.UK error summary for several problems with the whole page, each linked to where it can be put right. */
    public static String problemsSummary(List<String> problems, String anchor) {
        StringBuilder links = new StringBuilder("<ul class=\"nhsuk-list nhsuk-error-summary__list\">");
        for (String p : problems) links.append("<li><a href=\"#").append(escape(anchor)).append("\">").append(escape(p)).append("</a></li>");
        return summary(links.append("</ul>").toString());
    }

    private static String summary(String body) {
        return "<div class=\"nhsuk-error-summary\" data-module=\"nhsuk-error-summary\"><div role=\"alert\">"
                + "<h2 class=\"nhsuk-error-summary__title\">There is a problem</h2><div class=\"nhsuk-error-summary__body\">"
                + body + "</div></div></div>";
    }

    public static String section(Section section, Map<String, String> values, FieldErrors errors) {
        StringBuilder s = new StringBuilder();
        for (Field f : section.fields()) s.append(field(f, values.getOrDefault(f.name(), ""), errors == null ? null : errors.asMap().get(f.name())));
        return s.toString();
    }

    public static String field(Field f, String value, String error) {
        String id = escape(f.name());
        String hint = f.hint() == null || f.hint().isBlank() ? "" : "<div class=\"nhsuk-hint\" id=\"" + id + "-hint\">" + escape(f.hint()) + "</div>";
        String errorHtml = error == null ? "" : "<span class=\"nhsuk-error-message\" id=\"" + id + "-error\"><span class=\"nhsuk-u-visually-hidden\">Error:</span> " + escape(error) + "</span>";
        String describedBy = ((hint.isEmpty() ? "" : id + "-hint ") + (error == null ? "" : id + "-error")).trim();
        String aria = describedBy.isEmpty() ? "" : " aria-describedby=\"" + describedBy + "\"";
        String group = "<div class=\"nhsuk-form-group" + (error == null ? "" : " nhsuk-form-group--error") + "\">";
        return switch (f.kind()) {
            case RADIOS -> group + "<fieldset class=\"nhsuk-fieldset\"" + aria + "><legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">"
                    + escape(f.label()) + "</legend>" + hint + errorHtml + radios(f, value) + "</fieldset></div>";
            case AGREE -> group + "<fieldset class=\"nhsuk-fieldset\"" + aria + "><legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s nhsuk-u-visually-hidden\">"
                    + escape(f.label()) + "</legend>" + hint + errorHtml
                    + "<div class=\"nhsuk-checkboxes\" data-module=\"nhsuk-checkboxes\"><div class=\"nhsuk-checkboxes__item\">"
                    + "<input class=\"nhsuk-checkboxes__input\" id=\"" + id + "\" name=\"" + id + "\" type=\"checkbox\" value=\"yes\"" + ("yes".equals(value) ? " checked" : "") + ">"
                    + "<label class=\"nhsuk-label nhsuk-checkboxes__label\" for=\"" + id + "\">" + escape(f.label()) + "</label></div></div></fieldset></div>";
            case TEXTAREA -> group + label(f) + hint + errorHtml
                    + "<textarea class=\"nhsuk-textarea" + (error == null ? "" : " nhsuk-textarea--error") + "\" id=\"" + id + "\" name=\"" + id
                    + "\" rows=\"6\" maxlength=\"" + (f.maxLength() + 500) + "\"" + aria + ">" + escape(value) + "</textarea>"
                    + "<div class=\"nhsuk-hint\">You can use up to " + f.maxLength() + " characters.</div></div>";
            default -> group + label(f) + hint + errorHtml
                    + "<input class=\"nhsuk-input" + width(f) + (error == null ? "" : " nhsuk-input--error") + "\" id=\"" + id + "\" name=\"" + id
                    + "\" type=\"" + inputType(f) + "\" value=\"" + escape(value) + "\"" + aria
                    + (f.autocomplete() == null ? "" : " autocomplete=\"" + f.autocomplete() + "\"")
                    + (f.kind() == Field.Kind.NUMBER ? " inputmode=\"numeric\"" : "")
                    + (f.kind() == Field.Kind.EMAIL || f.kind() == Field.Kind.POSTCODE ? " spellcheck=\"false\"" : "") + "></div>";
        };
    }

    private static String label(Field f) {
        return "<label class=\"nhsuk-label nhsuk-label--s\" for=\"" + escape(f.name()) + "\">" + escape(f.label()) + "</label>";
    }

    private static String radios(Field f, String value) {
        StringBuilder s = new StringBuilder("<div class=\"nhsuk-radios\" data-module=\"nhsuk-radios\">");
        for (int i = 0; i < f.options().size(); i++) {
            Field.Option o = f.options().get(i);
            // The first radio carries the field's own id, so the error summary's link lands on it.
            String id = i == 0 ? escape(f.name()) : escape(f.name()) + "-" + (i + 1);
            s.append("<div class=\"nhsuk-radios__item\"><input class=\"nhsuk-radios__input\" id=\"").append(id).append("\" name=\"")
                    .append(escape(f.name())).append("\" type=\"radio\" value=\"").append(escape(o.value())).append("\"")
                    .append(o.value().equals(value) ? " checked" : "").append("><label class=\"nhsuk-label nhsuk-radios__label\" for=\"")
                    .append(id).append("\">").append(escape(o.label())).append("</label></div>");
        }
        return s.append("</div>").toString();
    }

    private static String inputType(Field f) {
        return switch (f.kind()) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> "text";
        };
    }

    private static String width(Field f) {
        return switch (f.kind()) {
            case POSTCODE -> " nhsuk-input--width-10";
            case NUMBER -> " nhsuk-input--width-3";
            case PHONE -> " nhsuk-input--width-20";
            default -> "";
        };
    }

    /** A visually hidden trap field: people never see it, form-filling robots tend to fill it. */
    public static String honeypot() {
        return "<div hidden><label for=\"website\">Leave this box empty</label><input type=\"text\" id=\"website\" name=\"website\" autocomplete=\"off\" tabindex=\"-1\"></div>";
    }

    public static String button(String text) {
        return "<button class=\"nhsuk-button\" data-module=\"nhsuk-button\" data-prevent-double-click=\"true\" type=\"submit\">" + escape(text) + "</button>";
    }
}
