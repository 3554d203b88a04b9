package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The team's acknowledgement task in each of its wordings (telephone, post), so a missing or renamed entry fails here. */
class AcknowledgementLettersWordsTest {
    private static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");
    private final Role role = TestRoles.dayRate(LocalDate.of(2030, 1, 10));
    private final Map<String, String> answers =
            Map.of(
                    ApplicationForm.FULL_NAME,
                    "Zebedee Quillfeather",
                    ApplicationForm.PHONE,
                    "07700 900417",
                    ApplicationForm.ADDRESS_LINE_1,
                    "1 Example Road",
                    ApplicationForm.TOWN,
                    "Exampletown",
                    ApplicationForm.POSTCODE,
                    "ZZ1 1ZZ");

    private Email task(String method) {
        Application app =
                new Application(
                        "INV-TASK-0001",
                        role.id(),
                        "key",
                        Application.Status.RECEIVED,
                        answers,
                        NOW,
                        method,
                        "token",
                        Application.Acknowledgement.STAFF_TO_CONTACT,
                        "applicant");
        return new AcknowledgementLetters("https://site.example.org")
                .forSubmission(role, app, NOW)
                .get(0)
                .email();
    }

    @Test
    void byPostTheTeamIsGivenTheAddress() {
        Email e = task("post");
        assertEquals("Please acknowledge application INV-TASK-0001 by post", e.subject());
        assertEquals(
                "An application for Group member has arrived from someone who asked to be contacted by post. Please acknowledge it that way "
                        + "within 7 days.\n\n- Reference: INV-TASK-0001\n- Name: Zebedee Quillfeather\n- Address: 1 Example Road, Exampletown, ZZ1 1ZZ\n",
                e.text());
    }

    @Test
    void byTelephoneTheTeamIsGivenTheNumber() {
        Email e = task("telephone");
        assertEquals("Please acknowledge application INV-TASK-0001 by telephone", e.subject());
        assertEquals(
                "An application for Group member has arrived from someone who asked to be contacted by telephone. Please acknowledge it that way "
                        + "within 7 days.\n\n- Reference: INV-TASK-0001\n- Name: Zebedee Quillfeather\n- Phone: 07700 900417\n",
                e.text());
    }
}
