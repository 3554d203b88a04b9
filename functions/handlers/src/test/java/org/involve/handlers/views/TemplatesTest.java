package org.involve.handlers.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gg.jte.Content;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;

/** The precompiled templates render, escape what people typed, and keep the NHS.UK markup the pages relied on. */
class TemplatesTest {
    private static final StaffMember TYPED_NAME =
            new StaffMember(
                    "u1", "<script>alert('x')</script> & co", "a@example.org", Set.of(Group.STAFF));

    @Test
    void textFromPeopleIsEscapedWhereverTemplatesWriteIt() {
        String home = StaffPages.home(TYPED_NAME);
        assertFalse(home.contains("<script>alert"), home);
        assertTrue(home.contains("Hello, &lt;script&gt;alert('x')&lt;/script&gt; &amp; co."), home);
        assertTrue(home.contains("Signed in as &lt;script&gt;"), home);

        String field =
                field(
                        Field.text(
                                "fullName",
                                "Full name",
                                null,
                                true,
                                100,
                                "name",
                                "Enter your full name"),
                        "\"><b>",
                        null);
        // In an attribute JTE escapes the quote that would end it, and < and &; a > there is
        // harmless.
        assertTrue(field.contains("value=\"&#34;>&lt;b>\""), field);
    }

    @Test
    void theLayoutMarksErrorsInTheTitleAndTheCurrentAreaInTheStaffMenu() {
        String page =
                Templates.render(
                        "layout/page.jte",
                        params(
                                "chrome",
                                StaffLayout.chrome(TYPED_NAME, "/staff/roles", false),
                                "title",
                                "Roles",
                                "hasErrors",
                                true,
                                "backLink",
                                "/staff",
                                "content",
                                (Content) out -> out.writeContent("<h1>Roles</h1>")));
        assertTrue(
                page.startsWith(
                        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Error: Roles - Involve staff</title>"),
                page);
        assertTrue(
                page.contains(
                        "<a class=\"nhsuk-header__navigation-link\" href=\"/staff/roles\" aria-current=\"page\">"
                                + "<strong class=\"nhsuk-header__navigation-item-current-fallback\">Roles</strong></a>"),
                page);
        assertTrue(
                page.contains(
                        // In a landmark of its own, so no content is outside every landmark.
                        "<nav class=\"nhsuk-back-link\" aria-label=\"Back\"><a class=\"nhsuk-back-link__link\" href=\"/staff\">Back</a></nav>"),
                page);
        assertTrue(
                page.contains("<div class=\"nhsuk-grid-column-two-thirds\"><h1>Roles</h1></div>"),
                page);
        assertTrue(
                Templates.render(
                                "layout/page.jte",
                                params(
                                        "chrome",
                                        StaffLayout.chrome(null, null, true),
                                        "title",
                                        "Roles",
                                        "hasErrors",
                                        false,
                                        "backLink",
                                        null,
                                        "content",
                                        (Content) out -> {}))
                        .contains("nhsuk-grid-column-full"));
        assertFalse(StaffPages.signInNeeded().contains("Staff menu"), "nobody signed in: no menu");
    }

    @Test
    void formFieldsKeepTheirIdsSoErrorLinksLandOnThem() {
        Field radios =
                Field.radios(
                        "contact",
                        "How should we contact you?",
                        "Pick one",
                        List.of(
                                new Field.Option("email", "Email"),
                                new Field.Option("phone", "Phone")),
                        "Choose how");
        String html = field(radios, "phone", "Choose how");
        assertTrue(
                html.contains(
                        "<fieldset class=\"nhsuk-fieldset\" aria-describedby=\"contact-hint contact-error\">"),
                html);
        assertTrue(
                html.contains("id=\"contact\" name=\"contact\" type=\"radio\" value=\"email\">"),
                html);
        assertTrue(
                html.contains(
                        "id=\"contact-2\" name=\"contact\" type=\"radio\" value=\"phone\" checked>"),
                html);

        String date =
                Templates.render(
                        "components/dateInput.jte",
                        params(
                                "name",
                                "closingDate",
                                "legend",
                                "Closing date",
                                "hint",
                                null,
                                "values",
                                Map.of("closingDate-day", "8"),
                                "error",
                                null));
        assertTrue(
                date.contains(
                        "id=\"closingDate-day\" name=\"closingDate-day\" type=\"text\" inputmode=\"numeric\" value=\"8\">"),
                date);
        assertFalse(
                date.contains("aria-describedby"), "no hint and no error: nothing to describe it");

        assertEquals("", errorSummary(new FieldErrors()), "no errors, no summary");
        assertTrue(
                errorSummary(FieldErrors.of("title", "Enter a title"))
                        .contains("<li><a href=\"#title\">Enter a title</a></li>"));
    }

    @Test
    void selectAndPostButtonKeepTheMarkupTheStaffPagesUse() {
        String select =
                Templates.render(
                        "components/select.jte",
                        Map.of(
                                "name",
                                "slot",
                                "label",
                                "Interview time",
                                "options",
                                List.of(
                                        new Field.Option("a", "Monday"),
                                        new Field.Option("b", "Tuesday")),
                                "chosen",
                                "b",
                                "error",
                                "Choose a time"));
        assertTrue(
                select.contains(
                        "<select class=\"nhsuk-select nhsuk-select--error\" id=\"slot\" name=\"slot\" aria-describedby=\"slot-error\">"
                                + "<option value=\"\">Choose</option><option value=\"a\">Monday</option><option value=\"b\" selected>Tuesday</option></select>"),
                select);

        String remove =
                Templates.render(
                        "components/postButton.jte",
                        Map.of(
                                "action",
                                "/staff/x/remove",
                                "text",
                                "Remove",
                                "modifier",
                                "nhsuk-button--secondary nhsuk-button--small",
                                "preventDoubleClick",
                                false,
                                "hiddenText",
                                "<10:00am>"));
        assertEquals(
                "<form method=\"post\" action=\"/staff/x/remove\" novalidate><button class=\"nhsuk-button nhsuk-button--secondary nhsuk-button--small\" "
                        + "data-module=\"nhsuk-button\" type=\"submit\">Remove<span class=\"nhsuk-u-visually-hidden\"> &lt;10:00am&gt;</span></button></form>",
                remove);
    }

    private static String field(Field field, String value, String error) {
        return Templates.render(
                "components/field.jte", params("field", field, "value", value, "error", error));
    }

    private static String errorSummary(FieldErrors errors) {
        return Templates.render(
                "components/errorSummary.jte", Map.of("links", ErrorLink.of(errors)));
    }

    /** Named parameters, some of them null (Map.of refuses nulls). */
    private static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2)
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return params;
    }
}
