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
            CONFIRMED = "confirmed",
            TELEPHONE_CONFIRMED = "confirmedByTelephone";

    /** What a reference taken by telephone records besides the answers: who took it and when. */
    public static final String TAKEN_BY = "telephone.takenBy",
            TAKEN_BY_ID = "telephone.takenById",
            TAKEN_AT = "telephone.takenAt";

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

    /**
     * The same questions as staff ask them on the telephone: the referee's confirmation becomes staff's note that the
     * referee gave it.
     */
    public static List<Field> telephoneFields(String roleTitle) {
        List<Field> fields = new java.util.ArrayList<>(section(roleTitle).fields());
        fields.removeIf(f -> f.name().equals(CONFIRMED));
        fields.add(Q.agree(TELEPHONE_CONFIRMED));
        return List.copyOf(fields);
    }

    /**
     * A reference taken by telephone: the answers as the referee gave them, with the referee's confirmation (which staff
     * tick when the referee gave it) stored as the form's own.
     */
    static FormValidator.Result validateByTelephone(String roleTitle, Map<String, String> posted) {
        List<Field> fields = telephoneFields(roleTitle);
        FormValidator.Result r = FormValidator.validate(fields, posted);
        FieldErrors errors = r.errors();
        if ("yes".equals(r.values().get(CONCERN))
                && r.values().getOrDefault(CONCERN_DETAILS, "").isBlank()) {
            errors.add(CONCERN_DETAILS, Q.missing(CONCERN_DETAILS));
        }
        Map<String, String> values = new java.util.LinkedHashMap<>(r.values());
        if (errors.isEmpty()) values.put(CONFIRMED, values.remove(TELEPHONE_CONFIRMED));
        return new FormValidator.Result(values, errors.inOrderOf(fields));
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
