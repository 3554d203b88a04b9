package org.involve.core.references;

import java.util.List;
import java.util.Map;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Questions;
import org.involve.core.kit.Section;

/** The referee's short form: how they know the applicant, what the applicant would bring, any reason not to appoint, and a confirmation. */
public final class ReferenceForm {
    public static final String KNOWS = "howTheyKnow",
            KNOWN_FOR = "knownFor",
            BRINGS = "whatTheyBring",
            CONCERN = "reasonNotToAppoint",
            CONCERN_DETAILS = "reasonDetails",
            CONFIRMED = "confirmed";

    private static final Questions Q = Questions.of("references");

    private ReferenceForm() {}

    public static Section section(String roleTitle) {
        return new Section(
                "reference",
                Q.words().get("page.referee.form.section"),
                null,
                List.of(
                        Q.textarea(KNOWS, true, 1000),
                        Q.text(KNOWN_FOR, true, 100, null),
                        Field.textarea(
                                BRINGS,
                                Q.label(BRINGS),
                                Q.hint(BRINGS, "role", roleTitle),
                                true,
                                3000,
                                Q.missing(BRINGS)),
                        Q.radios(CONCERN, "no", "yes"),
                        // Not required: answered only when there is a reason, so its "missing"
                        // words are used by the check below.
                        Field.textarea(
                                CONCERN_DETAILS,
                                Q.label(CONCERN_DETAILS),
                                Q.hint(CONCERN_DETAILS),
                                false,
                                2000,
                                null),
                        Q.agree(CONFIRMED)));
    }

    /** The cleaned answers, or what is wrong with them in the order the questions appear. */
    public static FormValidator.Result validate(String roleTitle, Map<String, String> posted) {
        Section section = section(roleTitle);
        FormValidator.Result r = FormValidator.validate(section.fields(), posted);
        FieldErrors errors = r.errors();
        if ("yes".equals(r.values().get(CONCERN))
                && r.values().getOrDefault(CONCERN_DETAILS, "").isBlank()) {
            errors.add(CONCERN_DETAILS, Q.missing(CONCERN_DETAILS));
        }
        return new FormValidator.Result(r.values(), errors.inOrderOf(section.fields()));
    }
}
