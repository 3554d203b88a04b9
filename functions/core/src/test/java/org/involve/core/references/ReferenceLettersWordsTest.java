package org.involve.core.references;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.application.Referee;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Email;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.junit.jupiter.api.Test;

/** The reference letters' sentences that depend on the team's contact details and on how many reminders were sent. */
class ReferenceLettersWordsTest {
    private static final Instant NOW = Instant.parse("2030-03-01T10:00:00Z");
    private final Role role =
            TestRoles.with(
                    TestRoles.CONTACT_WITHOUT_PHONE,
                    new Tenure(2, 2, 1, 4, null),
                    PaymentModel.dayRate(15000, 7500));
    private final ReferenceLetters letters =
            new ReferenceLetters(
                    new ReferenceSettings(
                            7,
                            2,
                            Duration.ofDays(14),
                            "https://site.example.org",
                            "https://staff.example.org"));
    private final Application app =
            new Application(
                    "INV-REFS-0001",
                    role.id(),
                    "key",
                    Application.Status.REFERENCES_REQUESTED,
                    Map.of(ApplicationForm.FULL_NAME, "Zebedee Quillfeather"),
                    NOW,
                    "email",
                    Application.Acknowledgement.EMAIL_QUEUED,
                    "applicant");
    private final Referee referee =
            new Referee(
                    1,
                    "Orlaith Vantongeren",
                    "Manager",
                    "3 years",
                    "orlaith.vantongeren@example.org",
                    "07700 900583");

    @Test
    void withoutATelephoneNumberTheRefereeIsGivenTheEmailAddressOnly() {
        Email e =
                letters.request(role, app, referee, "token", NOW.plus(Duration.ofDays(14)), false);
        assertTrue(
                e.text()
                        .endsWith(
                                "\n\nIf you cannot give a reference, or you have any questions, contact Test Contact at team@example.org.\n"),
                e.text());
    }

    @Test
    void afterOneReminderTheTeamIsToldOfOneReminder() {
        Email e = letters.overdueToTeam(role, app, referee, 1);
        assertTrue(
                e.text()
                        .startsWith(
                                "The first referee for application INV-REFS-0001 (Group member) has not answered, after the request and "
                                        + "1 reminder.\n\n"),
                e.text());
        assertEquals("Reference overdue for application INV-REFS-0001", e.subject());
    }
}
