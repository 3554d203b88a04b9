package org.involve.core.role;

import static org.involve.core.role.RoleForm.*;

import java.util.List;
import org.involve.core.kit.Field;
import org.involve.core.kit.Questions;

/**
 * The role form's questions in their parts. What each question is (its name, kind, length, whether it must be
 * answered) is here; its words are field.NAME.* and the parts' headings page.roleForm.part.* in content/roles.
 */
final class RoleQuestions {
    private static final Questions Q = Questions.of("roles");

    private RoleQuestions() {}

    static List<Part> parts() {
        return List.of(
                part(
                        "about",
                        text(TITLE, true, 120),
                        text(PROGRAMME, true, 200),
                        text(ORGANISATION, true, 200),
                        textarea(SUMMARY, true, 600),
                        textarea(DOES, true, 4000),
                        textarea(LOOKING_FOR, true, 4000)),
                part(
                        "places",
                        number(PLACES, true),
                        text(PLACES_NOTE, false, 200),
                        number(PRIORITY_PLACES, true),
                        textarea(PRIORITY_COMMUNITIES, false, 2000)),
                part("assessed", textarea(CRITERIA, true, 6000)),
                part(
                        "dates",
                        date(CLOSING, true),
                        date(INTERVIEW_WEEK, true),
                        text(INTERVIEW_FORMAT, true, 100)),
                part("afterApplying", number(REFERENCES, true), number(ACK_DAYS, true)),
                part(
                        "commitment",
                        text(MEETINGS, true, 300),
                        text(TIME_ASKED, true, 300),
                        number(MIN_MEETINGS, true),
                        number(MIN_PERCENT, true)),
                part(
                        "tenure",
                        number(INITIAL_YEARS, true),
                        number(EXTENSION_YEARS, true),
                        number(EXTENSIONS, true),
                        number(MAX_YEARS, true),
                        date(REVIEW, false)),
                part(
                        "payment",
                        new Plain(Q.radios(PAYMENT, "DAY_RATE", "MONTHLY_FIXED", "UNPAID")),
                        money(FULL_DAY),
                        money(HALF_DAY),
                        number(FULL_DAY_HOURS, false),
                        money(MONTHLY),
                        number(MONTHLY_HOURS, false)),
                part("whoCanApply", new Plain(Q.yesNo(ALL_NHS)), number(MAX_PAID, true)),
                part(
                        "contacts",
                        text(CONTACT_NAME, true, 120),
                        typed(CONTACT_EMAIL, Field.Kind.EMAIL, true, 254),
                        typed(CONTACT_PHONE, Field.Kind.PHONE, false, 30),
                        typed(TEAM_EMAIL, Field.Kind.EMAIL, true, 254),
                        typed(BENEFITS_EMAIL, Field.Kind.EMAIL, false, 254)));
    }

    private static Part part(String id, Question... questions) {
        return new Part(Q.words().get("page.roleForm.part." + id), List.of(questions));
    }

    /** A question answered in one box; one that need not be answered has no "missing" words. */
    private static Plain typed(String name, Field.Kind kind, boolean required, int maxLength) {
        return new Plain(
                new Field(
                        name,
                        Q.label(name),
                        Q.hint(name),
                        kind,
                        required,
                        maxLength,
                        List.of(),
                        null,
                        required ? Q.missing(name) : null));
    }

    private static Plain text(String name, boolean required, int maxLength) {
        return typed(name, Field.Kind.TEXT, required, maxLength);
    }

    private static Plain textarea(String name, boolean required, int maxLength) {
        return typed(name, Field.Kind.TEXTAREA, required, maxLength);
    }

    private static Plain number(String name, boolean required) {
        return typed(name, Field.Kind.NUMBER, required, 4);
    }

    /** An amount in pounds; whether it is needed depends on how the role is paid, so the form checks that itself. */
    private static Plain money(String name) {
        return typed(name, Field.Kind.NUMBER, false, 10);
    }

    private static DateQuestion date(String name, boolean required) {
        return new DateQuestion(name, Q.label(name), Q.hint(name), required);
    }
}
