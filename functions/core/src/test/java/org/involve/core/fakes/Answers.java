package org.involve.core.fakes;

import java.util.HashMap;
import java.util.Map;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Eligibility;
import org.involve.core.kit.Field;
import org.involve.core.kit.Section;
import org.involve.core.role.Role;

/** A complete, valid set of answers for a role's sections, from a fictional applicant. */
public final class Answers {
    private Answers() {}

    public static Map<String, String> valid(Role role) {
        Map<String, String> a = new HashMap<>();
        a.put(ApplicationForm.FULL_NAME, "Jo Testperson");
        a.put(ApplicationForm.EMAIL, "jo.testperson@example.org");
        a.put(ApplicationForm.PHONE, "07700 900982");
        a.put(ApplicationForm.ADDRESS_LINE_1, "1 Example Street");
        a.put(ApplicationForm.TOWN, "Exampleton");
        a.put(ApplicationForm.POSTCODE, "LS1 4AP");
        a.put(ApplicationForm.CONTACT_METHOD, "email");
        a.put(ApplicationForm.DISABILITY_CONFIDENT, "no");
        for (String f :
                new String[] {
                    Eligibility.NHS_BOARD,
                    Eligibility.NHS_STAFF,
                    Eligibility.HEALTH_PROFESSIONAL,
                    Eligibility.ELECTED_OFFICE,
                    Eligibility.TRUSTEE_REMOVED,
                    Eligibility.PROFESSIONAL_SANCTION,
                    Eligibility.APPOINTMENT_TERMINATED,
                    Eligibility.DISQUALIFIED
                }) a.put(f, "no");
        a.put(ApplicationForm.NONE_APPLY, "yes");
        a.put(ApplicationForm.PAID_ROLES_HELD, "0");
        role.criteria()
                .forEach(
                        c ->
                                a.put(
                                        ApplicationForm.criterionField(c),
                                        "I have done this for five years."));
        a.put("livedExperience", "I care for my father, who uses many services.");
        a.put("interestAreas", "Dementia care and carers' support.");
        a.put(ApplicationForm.ACCEPTS_PAYMENT, "accept");
        a.put(ApplicationForm.RECEIVES_BENEFITS, "no");
        String[][] referees = {
            {"Robin Refereeone", "robin.refereeone@example.org", "01632 960 301"},
            {"Kit Refereetwo", "kit.refereetwo@example.org", "01632 960 302"}
        };
        for (int n = 1; n <= role.referencesRequired(); n++) {
            String[] r = referees[(n - 1) % referees.length];
            a.put(
                    ApplicationForm.refereeField(n, ApplicationForm.REFEREE_NAME),
                    n <= referees.length ? r[0] : r[0] + " " + n);
            a.put(
                    ApplicationForm.refereeField(n, ApplicationForm.REFEREE_RELATIONSHIP),
                    "My manager at the food bank where I volunteer");
            a.put(ApplicationForm.refereeField(n, ApplicationForm.REFEREE_KNOWN_FOR), "4 years");
            a.put(
                    ApplicationForm.refereeField(n, ApplicationForm.REFEREE_EMAIL),
                    n <= referees.length ? r[1] : "referee" + n + "@example.org");
            a.put(ApplicationForm.refereeField(n, ApplicationForm.REFEREE_PHONE), r[2]);
        }
        a.put("privacyAgreed", "yes");
        a.put("confidentialityAgreed", "yes");
        return a;
    }

    /** Only the answers that belong to one section. */
    public static Map<String, String> forSection(Section s, Map<String, String> all) {
        Map<String, String> m = new HashMap<>();
        for (Field f : s.fields()) {
            if (all.containsKey(f.name())) m.put(f.name(), all.get(f.name()));
            // A tick-all-that-apply question posts each box under its own name.
            if (f.kind() == Field.Kind.CHECKBOXES)
                for (Field.Option o : f.options())
                    if (all.containsKey(o.value())) m.put(o.value(), all.get(o.value()));
        }
        return m;
    }
}
