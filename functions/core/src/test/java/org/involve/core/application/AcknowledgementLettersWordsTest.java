package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/**
 * The team's acknowledgement task in each of its wordings (telephone, post), and the applicant's acknowledgement with
 * and without the role's telephone number, so a missing or renamed entry fails here.
 */
class AcknowledgementLettersWordsTest {
    private static final Instant NOW = Instant.parse("2030-01-02T10:00:00Z");

    /** The task ends by sending staff to the application's own page, where they mark it acknowledged. */
    private static final String NEXT =
            "Their application page shows their answers, the equal opportunities link to pass on, and where to mark"
                    + " it acknowledged.\n\nOpen the application:\nhttps://staff.example.org/staff/applications/INV-TASK-0001\n";

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
                        Application.Acknowledgement.STAFF_TO_CONTACT,
                        "applicant");
        return new AcknowledgementLetters(
                        "https://site.example.org",
                        "https://staff.example.org",
                        TestLinks.WITHDRAWAL,
                        new MonitoringToken("a-test-signing-key-of-enough-length"))
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
                        + "within 7 days.\n\n- Reference: INV-TASK-0001\n- Name: Zebedee Quillfeather\n- Address: 1 Example Road, Exampletown, ZZ1 1ZZ\n"
                        + NEXT,
                e.text());
    }

    @Test
    void byTelephoneTheTeamIsGivenTheNumber() {
        Email e = task("telephone");
        assertEquals("Please acknowledge application INV-TASK-0001 by telephone", e.subject());
        assertEquals(
                "An application for Group member has arrived from someone who asked to be contacted by telephone. Please acknowledge it that way "
                        + "within 7 days.\n\n- Reference: INV-TASK-0001\n- Name: Zebedee Quillfeather\n- Phone: 07700 900417\n"
                        + NEXT,
                e.text());
    }

    private Email acknowledgement(Role role) {
        Application app =
                new Application(
                        "INV-ACKN-0001",
                        role.id(),
                        "key",
                        Application.Status.RECEIVED,
                        Map.of(
                                ApplicationForm.FULL_NAME,
                                "Zebedee Quillfeather",
                                ApplicationForm.EMAIL,
                                "zebedee.quillfeather@example.org"),
                        NOW,
                        "email",
                        Application.Acknowledgement.EMAIL_QUEUED,
                        "applicant");
        return new AcknowledgementLetters(
                        "https://site.example.org",
                        "https://staff.example.org",
                        TestLinks.WITHDRAWAL,
                        new MonitoringToken("a-test-signing-key-of-enough-length"))
                .forSubmission(role, app, NOW)
                .get(0)
                .email();
    }

    private static String lastParagraph(Email e) {
        String[] lines = e.text().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void theApplicantIsGivenTheRolesContactNameEmailAndPhoneAsWritten() {
        Email e = acknowledgement(role);
        assertEquals("zebedee.quillfeather@example.org", e.to());
        assertEquals(
                "If you have any questions, or need this in another format, contact Test Contact at team@example.org "
                        + "or call 01632 960 002.",
                lastParagraph(e));
    }

    @Test
    void withoutATelephoneNumberTheApplicantIsGivenTheEmailAddressOnly() {
        Role noPhone =
                TestRoles.with(TestRoles.CONTACT_WITHOUT_PHONE, role.tenure(), role.payment());
        assertEquals(
                "If you have any questions, or need this in another format, contact Test Contact at team@example.org.",
                lastParagraph(acknowledgement(noPhone)));
    }

    @Test
    void theApplicantIsGivenALinkToWithdrawBeforeTheContactLine() {
        Email e = acknowledgement(role);
        String text = e.text();
        int withdraw =
                text.indexOf("Withdraw my application:\nhttps://involve.example.org/withdraw/");
        assertTrue(withdraw > 0, text);
        assertTrue(withdraw < text.indexOf("If you have any questions"), text);
        assertTrue(text.contains("you can withdraw your application at any time"), text);
        assertTrue(e.html().contains("href=\"https://involve.example.org/withdraw/"), e.html());
    }

    /**
     * Beside the long link, the code a person can type on the public equal opportunities page: the same code the
     * application's stored entry is issued for (same signing key, role and reference), so typing it finds the form.
     */
    @Test
    void theApplicantIsGivenTheShortCodeAsWellAsTheLink() {
        String key = "a-test-signing-key-of-enough-length";
        String code =
                new MonitoringCode(key, new MonitoringToken(key))
                        .forApplication(role.id(), "INV-ACKN-0001");
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"), code);
        String text = acknowledgement(role).text();
        int link =
                text.indexOf(
                        "Fill in the equal opportunities form:\nhttps://site.example.org/monitoring?");
        int typed =
                text.indexOf(
                        "Or go to https://site.example.org/equal-opportunities and type this code: "
                                + code);
        assertTrue(link > 0, text);
        assertTrue(typed > link, text);
    }
}
