package org.involve.core.references;

import org.involve.core.kit.Field;
import org.involve.core.kit.Field.Option;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.FormValidator;
import org.involve.core.kit.Section;

import java.util.List;
import java.util.Map;

/** The referee's short form: how they know the applicant, what the applicant would bring, any reason not to appoint, and a confirmation. */
public final class ReferenceForm {
    public static final String KNOWS = "howTheyKnow", KNOWN_FOR = "knownFor", BRINGS = "whatTheyBring", CONCERN = "reasonNotToAppoint",
            CONCERN_DETAILS = "reasonDetails", CONFIRMED = "confirmed";

    private ReferenceForm() {}

    public static Section section(String roleTitle) {
        return new Section("reference", "Reference", null, List.of(
                Field.textarea(KNOWS, "How do you know the applicant?", "For example, as their manager, a colleague, or through volunteering.",
                        true, 1000, "Enter how you know the applicant"),
                Field.text(KNOWN_FOR, "How long have you known them?", "For example, 3 years", true, 100, null, "Enter how long you have known them"),
                Field.textarea(BRINGS, "What would they bring to a role like this?",
                        "The role is " + roleTitle + ". For example, how they listen, speak up for others, and work with people from different backgrounds.",
                        true, 3000, "Enter what they would bring to a role like this"),
                Field.radios(CONCERN, "Do you know of any reason why they should not be appointed?", null,
                        List.of(new Option("no", "No"), new Option("yes", "Yes")), "Select yes if you know of any reason why they should not be appointed"),
                Field.textarea(CONCERN_DETAILS, "If yes, tell us why", "Leave this blank if you answered no.", false, 2000, null),
                Field.agree(CONFIRMED, "I confirm that what I have written is true to the best of my knowledge, and that I am not related to the applicant",
                        null, "Confirm that what you have written is true and that you are not related to the applicant")));
    }

    /** The cleaned answers, or what is wrong with them in the order the questions appear. */
    public static FormValidator.Result validate(String roleTitle, Map<String, String> posted) {
        Section section = section(roleTitle);
        FormValidator.Result r = FormValidator.validate(section.fields(), posted);
        FieldErrors errors = r.errors();
        if ("yes".equals(r.values().get(CONCERN)) && r.values().getOrDefault(CONCERN_DETAILS, "").isBlank()) {
            errors.add(CONCERN_DETAILS, "Tell us why they should not be appointed");
        }
        return new FormValidator.Result(r.values(), errors.inOrderOf(section.fields()));
    }
}
