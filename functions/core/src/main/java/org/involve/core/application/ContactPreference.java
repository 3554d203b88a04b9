package org.involve.core.application;

import java.util.Map;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;

/**
 * Correspondence is by e-mail unless the applicant asks otherwise; whichever way they choose,
 * we need the details to reach them that way.
 */
public final class ContactPreference {
    private static final Words WORDS = Words.of("apply");

    private ContactPreference() {}

    public static void check(Map<String, String> answers, FieldErrors errors) {
        String method = answers.getOrDefault(ApplicationForm.CONTACT_METHOD, "");
        switch (method) {
            case "email" ->
                    requireAnswer(
                            answers,
                            errors,
                            ApplicationForm.EMAIL,
                            WORDS.get("field.email.error.byEmail"));
            case "telephone" ->
                    requireAnswer(
                            answers,
                            errors,
                            ApplicationForm.PHONE,
                            WORDS.get("field.phone.error.byTelephone"));
            case "post" -> {
                requireAnswer(
                        answers,
                        errors,
                        ApplicationForm.ADDRESS_LINE_1,
                        WORDS.get("field.addressLine1.error.byPost"));
                requireAnswer(
                        answers,
                        errors,
                        ApplicationForm.TOWN,
                        WORDS.get("field.townOrCity.error.byPost"));
                requireAnswer(
                        answers,
                        errors,
                        ApplicationForm.POSTCODE,
                        WORDS.get("field.postcode.error.byPost"));
            }
            default -> {}
        }
        if (answers.getOrDefault(ApplicationForm.EMAIL, "").isEmpty()
                && answers.getOrDefault(ApplicationForm.PHONE, "").isEmpty()
                && answers.getOrDefault(ApplicationForm.POSTCODE, "").isEmpty()) {
            errors.add(ApplicationForm.EMAIL, WORDS.get("field.email.error.noWayToContact"));
        }
    }

    private static void requireAnswer(
            Map<String, String> answers, FieldErrors errors, String field, String message) {
        if (answers.getOrDefault(field, "").isEmpty()) errors.add(field, message);
    }

    public static boolean byEmail(Map<String, String> answers) {
        return "email".equals(answers.get(ApplicationForm.CONTACT_METHOD));
    }
}
