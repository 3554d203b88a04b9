package org.involve.core.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.TestRoles;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.junit.jupiter.api.Test;

/** The outcome letters' sentences that depend on the role's terms, its payment and the team's contact details, each rendered. */
class OutcomeLettersWordsTest {
    private static final Instant NOW = Instant.parse("2030-03-01T10:00:00Z");
    private static final LocalDate START = LocalDate.of(2030, 4, 1);

    private static Appointment appointment(LocalDate termEnds, PaymentChoice payment) {
        return new Appointment(
                "appt-1",
                "day-rate-role",
                "INV-OUTC-0001",
                "key",
                NOW,
                START,
                termEnds,
                null,
                START.plusYears(4),
                0,
                payment,
                false,
                PartnerStatus.ACTIVE);
    }

    @Test
    void aTermThatCannotBeExtendedSaysOnlyWhenItEnds() {
        Role role =
                TestRoles.with(
                        TestRoles.CONTACT, new Tenure(2, 0, 0, 4, null), PaymentModel.unpaid());
        assertEquals(
                List.of(
                        "You start on 1 April 2030.",
                        "Your term ends on 1 April 2032.",
                        "Nobody holds one role for more than 4 years, so your time in this role ends by 1 April 2034 at the latest."),
                OutcomeLetters.tenure(
                        role, appointment(START.plusYears(2), PaymentChoice.UNPAID_ROLE)));
    }

    @Test
    void aTermExtendedMoreThanOnceSaysHowManyTimes() {
        Role role =
                TestRoles.with(
                        TestRoles.CONTACT, new Tenure(1, 1, 3, 4, null), PaymentModel.unpaid());
        assertEquals(
                "Your term ends on 1 April 2031. It can be extended 3 times, by 1 year, after a review with you.",
                OutcomeLetters.tenure(
                                role, appointment(START.plusYears(1), PaymentChoice.UNPAID_ROLE))
                        .get(1));
    }

    @Test
    void anUnpaidRoleIsVoluntaryWithExpenses() {
        Role role =
                TestRoles.with(
                        TestRoles.CONTACT, new Tenure(2, 2, 1, 4, null), PaymentModel.unpaid());
        assertEquals(
                "This is a voluntary role with no involvement payment. We pay back reasonable costs of taking part, such as travel, "
                        + "under our expenses rules.",
                OutcomeLetters.payment(
                        role, appointment(START.plusYears(2), PaymentChoice.UNPAID_ROLE)));
    }

    @Test
    void withoutATelephoneNumberTheTeamIsReachedByEmail() {
        Role role =
                TestRoles.with(
                        TestRoles.CONTACT_WITHOUT_PHONE,
                        new Tenure(2, 2, 1, 4, null),
                        PaymentModel.unpaid());
        Application app =
                new Application(
                        "INV-OUTC-0001",
                        role.id(),
                        "key",
                        Application.Status.NOT_SHORTLISTED,
                        Map.of(
                                ApplicationForm.FULL_NAME,
                                "Zebedee Quillfeather",
                                ApplicationForm.EMAIL,
                                "zebedee.quillfeather@example.org"),
                        NOW,
                        "email",
                        Application.Acknowledgement.EMAIL_QUEUED,
                        "applicant");
        String text =
                new OutcomeLetters("https://staff.example.org").unsuccessfulEmail(role, app).text();
        assertTrue(
                text.contains(
                        "\n\nIf you need this letter in another format, contact Test Contact at team@example.org.\n"),
                text);
    }
}
