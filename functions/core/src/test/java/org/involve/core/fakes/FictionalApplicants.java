package org.involve.core.fakes;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.role.Role;

/**
 * Applicants with names and details nobody real has, so a test can assert they appear nowhere a panel member sees.
 * Their answers mention their own name, phone and e-mail, and carry answers that look like monitoring data, as a
 * careless form or a later question might.
 */
public final class FictionalApplicants {
    private FictionalApplicants() {}

    public record Person(
            String fullName,
            String email,
            String phone,
            String addressLine1,
            String town,
            String postcode) {
        /** Everything of theirs that must never reach a panel member, as it could appear on a page. */
        public List<String> traces() {
            return List.of(
                    fullName,
                    fullName.split(" ")[0],
                    fullName.split(" ")[1],
                    email,
                    phone,
                    phone.replace(" ", ""),
                    addressLine1,
                    town,
                    postcode);
        }
    }

    public static final Person ZEBEDEE =
            new Person(
                    "Zebedee Quillfeather",
                    "zebedee.quillfeather@example.org",
                    "07700 900417",
                    "42 Wrenfield Crescent",
                    "Baxtonbury",
                    "BX7 4QW");
    public static final Person ORLAITH =
            new Person(
                    "Orlaith Vantongeren",
                    "orlaith.vantongeren@example.org",
                    "07700 900583",
                    "9 Marrowbone Lane",
                    "Quellingham",
                    "QH3 8ZD");
    public static final Person PERPETUA =
            new Person(
                    "Perpetua Sandalwick",
                    "perpetua.sandalwick@example.org",
                    "07700 900826",
                    "3 Heronsgate Row",
                    "Dimmockstow",
                    "DM5 2RX");

    /** Monitoring-style answers no panel page may show. */
    public static final List<String> MONITORING_TRACES =
            List.of("Zorblaxian heritage", "Prefers-the-moon orientation", "monitoring-token-");

    public static Application submitted(
            Role role, Person p, String reference, Instant at, boolean disabilityConfident) {
        Map<String, String> a = new HashMap<>(Answers.valid(role));
        a.put(ApplicationForm.FULL_NAME, p.fullName());
        a.put(ApplicationForm.EMAIL, p.email());
        a.put(ApplicationForm.PHONE, p.phone());
        a.put(ApplicationForm.ADDRESS_LINE_1, p.addressLine1());
        a.put(ApplicationForm.TOWN, p.town());
        a.put(ApplicationForm.POSTCODE, p.postcode());
        a.put(ApplicationForm.DISABILITY_CONFIDENT, disabilityConfident ? "yes" : "no");
        String first = p.fullName().split(" ")[0];
        role.criteria()
                .forEach(
                        c ->
                                a.put(
                                        ApplicationForm.criterionField(c),
                                        "I am "
                                                + first
                                                + " and I have done this for years. Call me on "
                                                + p.phone()
                                                + " or write to "
                                                + p.email()
                                                + "."));
        a.put(
                "livedExperience",
                "My name is "
                        + p.fullName()
                        + ". I care for my father, who lives near "
                        + p.postcode()
                        + ".");
        a.put("networks", "A carers' network in my town.");
        a.put("interestAreas", "Dementia care.");
        if (!role.priorityCommunities().isEmpty())
            a.put("priorityConnection", "I volunteer with a community group.");
        a.put("ethnicGroup", "Zorblaxian heritage");
        a.put("sexualOrientation", "Prefers-the-moon orientation");
        return new Application(
                reference,
                role.id(),
                "key-" + reference,
                Application.Status.RECEIVED,
                a,
                at,
                "email",
                Application.Acknowledgement.EMAIL_QUEUED,
                "applicant");
    }
}
