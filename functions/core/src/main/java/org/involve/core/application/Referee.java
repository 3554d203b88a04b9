package org.involve.core.application;

import static org.involve.core.application.ApplicationForm.REFEREE_EMAIL;
import static org.involve.core.application.ApplicationForm.REFEREE_KNOWN_FOR;
import static org.involve.core.application.ApplicationForm.REFEREE_NAME;
import static org.involve.core.application.ApplicationForm.REFEREE_PHONE;
import static org.involve.core.application.ApplicationForm.REFEREE_RELATIONSHIP;
import static org.involve.core.application.ApplicationForm.refereeField;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.Counts;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;

/** One referee the applicant named, as they gave the details. {@code number} is their place on the form, from 1. */
public record Referee(
        int number, String name, String relationship, String knownFor, String email, String phone) {

    /** The referees in an application's answers, in form order; none when it was sent before referees were asked for. */
    public static List<Referee> all(Map<String, String> answers) {
        List<Referee> found = new ArrayList<>();
        for (int n = 1; !answers.getOrDefault(refereeField(n, REFEREE_NAME), "").isBlank(); n++) {
            found.add(
                    new Referee(
                            n,
                            answers.get(refereeField(n, REFEREE_NAME)),
                            answers.getOrDefault(refereeField(n, REFEREE_RELATIONSHIP), ""),
                            answers.getOrDefault(refereeField(n, REFEREE_KNOWN_FOR), ""),
                            answers.getOrDefault(refereeField(n, REFEREE_EMAIL), ""),
                            answers.getOrDefault(refereeField(n, REFEREE_PHONE), "")));
        }
        return found;
    }

    /** A referee is someone else: not the applicant's own address, and each referee a different person. */
    static void check(Map<String, String> answers, FieldErrors errors) {
        String own = AnswerRules.normaliseEmail(answers.getOrDefault(ApplicationForm.EMAIL, ""));
        Set<String> seen = new HashSet<>();
        for (Referee r : all(answers)) {
            String field = refereeField(r.number(), REFEREE_EMAIL);
            String email = AnswerRules.normaliseEmail(r.email());
            if (email.isEmpty()) continue;
            if (email.equals(own))
                errors.add(
                        field,
                        Words.of("apply")
                                .format(
                                        "field.refereeEmail.error.own",
                                        "ordinal",
                                        Counts.ordinal(r.number())));
            else if (!seen.add(email))
                errors.add(field, Words.of("apply").get("field.refereeEmail.error.same"));
        }
    }
}
