package org.involve.core.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.TestLinks;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.junit.jupiter.api.Test;

/** The interview letters' sentences that depend on the team's contact details and on adjustments, each rendered. */
class InterviewLettersWordsTest {
    private static final Instant NOW = Instant.parse("2030-02-01T10:00:00Z");
    private final Role role =
            TestRoles.with(
                    TestRoles.CONTACT_WITHOUT_PHONE,
                    new Tenure(2, 2, 1, 4, null),
                    PaymentModel.dayRate(15000, 7500));
    private final InterviewLetters letters =
            new InterviewLetters("https://staff.example.org", TestLinks.WITHDRAWAL);
    private final InterviewSlot slot =
            InterviewSlot.free(role.id(), LocalDateTime.of(2030, 2, 12, 10, 30), 45);
    private final Application app =
            new Application(
                    "INV-INTV-0001",
                    role.id(),
                    "key",
                    Application.Status.INVITED_TO_INTERVIEW,
                    Map.of(
                            ApplicationForm.FULL_NAME,
                            "Zebedee Quillfeather",
                            ApplicationForm.EMAIL,
                            "zebedee.quillfeather@example.org"),
                    NOW,
                    "email",
                    Application.Acknowledgement.EMAIL_QUEUED,
                    "applicant");

    private static String lastParagraph(Email e) {
        String[] lines = e.text().strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void withoutATelephoneNumberTheContactLineGivesTheEmailAddressOnly() {
        assertEquals(
                "If none of these times suit you, or you want to book another way, contact Test Contact at team@example.org. "
                        + "Tell them your reference: INV-INTV-0001.",
                lastParagraph(
                        letters.invitation(
                                        role,
                                        app,
                                        List.of(slot),
                                        "https://site.example.org/book/x",
                                        NOW.plusSeconds(86400),
                                        NOW)
                                .email()));
        assertEquals(
                "To change or cancel your interview, contact Test Contact at team@example.org. Tell them your reference: INV-INTV-0001.",
                lastParagraph(letters.confirmation(role, app, slot, "", NOW).email()));
        assertEquals(
                "If you cannot come, or need anything else, contact Test Contact at team@example.org. Tell them your reference: INV-INTV-0001.",
                lastParagraph(letters.reminder(role, app, slot, NOW).email()));
    }

    @Test
    void theReminderRepeatsTheAdjustmentsArranged() {
        Application withAdjustments =
                app.after(
                        Application.Status.INTERVIEW_BOOKED,
                        InterviewFacts.booked(slot, "Captions, please", NOW, InterviewFacts.BY_TEAM)
                                .asFacts());
        Email e = letters.reminder(role, withAdjustments, slot, NOW).email();
        assertTrue(
                e.text()
                        .contains(
                                "\nWe have arranged the adjustments you asked for: Captions, please\n\n"),
                e.text());
    }

    @Test
    void everyLetterToTheApplicantCarriesALinkToWithdraw() {
        var invitation =
                letters.invitation(
                        role,
                        app,
                        List.of(slot),
                        "https://involve.example.org/interview/t",
                        NOW,
                        NOW);
        var confirmation = letters.confirmation(role, app, slot, "", NOW);
        var reminder = letters.reminder(role, app, slot, NOW);
        for (var m : List.of(invitation, confirmation, reminder)) {
            String text = m.email().text();
            assertTrue(
                    text.contains(
                            "Withdraw my application:\nhttps://involve.example.org/withdraw/"),
                    m.id() + ": " + text);
        }
        assertFalse(
                letters.teamBooked(role, app, slot, "", NOW).email().text().contains("/withdraw/"),
                "the team's e-mails do not carry the applicant's link");
    }
}
