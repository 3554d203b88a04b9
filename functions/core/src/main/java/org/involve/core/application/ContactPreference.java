package org.involve.core.application;

import org.involve.core.kit.FieldErrors;

import java.util.Map;

/**
 * Correspondence is by e-mail unless the applicant asks otherwise; whichever way they choose,
 * we need the details to reach them that way.
 */
public final class ContactPreference {
    private ContactPreference() {}

    public static void check(Map<String, String> answers, FieldErrors errors) {
        String method = answers.getOrDefault(ApplicationForm.CONTACT_METHOD, "");
        switch (method) {
            case "email" -> requireAnswer(answers, errors, ApplicationForm.EMAIL, "Enter your email address, as you would like us to contact you by email");
            case "telephone" -> requireAnswer(answers, errors, ApplicationForm.PHONE, "Enter your phone number, as you would like us to contact you by telephone");
            case "post" -> {
                requireAnswer(answers, errors, ApplicationForm.ADDRESS_LINE_1, "Enter the first line of your address, as you would like us to write to you by post");
                requireAnswer(answers, errors, ApplicationForm.TOWN, "Enter your town or city, as you would like us to write to you by post");
                requireAnswer(answers, errors, ApplicationForm.POSTCODE, "Enter your postcode, as you would like us to write to you by post");
            }
            default -> { }
        }
        if (answers.getOrDefault(ApplicationForm.EMAIL, "").isEmpty()
                && answers.getOrDefault(ApplicationForm.PHONE, "").isEmpty()
                && answers.getOrDefault(ApplicationForm.POSTCODE, "").isEmpty()) {
            errors.add(ApplicationForm.EMAIL, "Enter an email address, phone number or postal address so we can contact you");
        }
    }

    private static void requireAnswer(Map<String, String> answers, FieldErrors errors, String field, String message) {
        if (answers.getOrDefault(field, "").isEmpty()) errors.add(field, message);
    }

    public static boolean byEmail(Map<String, String> answers) {
        return "email".equals(answers.get(ApplicationForm.CONTACT_METHOD));
    }
}
