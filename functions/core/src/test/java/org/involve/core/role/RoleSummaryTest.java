package org.involve.core.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.involve.core.fakes.TestRoles;
import org.junit.jupiter.api.Test;

/** The three lines at the top of a role page come from the role's own fields, in each of their wordings. */
class RoleSummaryTest {
    private static final LocalDate CLOSES = LocalDate.of(2030, 1, 10);

    @Test
    void aDayRateRoleSaysWhatItDoesItsTimeItsPaymentAndThatAllNhsStaffCannotApply() {
        RoleSummary s = RoleSummary.of(TestRoles.dayRate(CLOSES));
        assertEquals("Attend meetings. Time it takes: 12 to 18 days a year.", s.whatYouWouldDo());
        assertEquals(
                "An involvement payment of £150 for a full day and £75 for a half day (under 4 hours)."
                        + " We also pay back the costs of taking part, such as travel.",
                s.whatYouWouldGet());
        assertEquals(
                "Anyone who works for the NHS, NHS board members, health workers who treat patients, MPs and"
                        + " local councillors. The full list is below.",
                s.whoCannotApply());
    }

    @Test
    void aMonthlyRoleOnlyShutsOutNhsEnglandStaff() {
        RoleSummary s = RoleSummary.of(TestRoles.monthly(CLOSES));
        assertEquals("Review papers. Time it takes: Up to 4 hours a month.", s.whatYouWouldDo());
        assertEquals(
                "NHS England staff, NHS board members, health workers who treat patients, MPs and local"
                        + " councillors. The full list is below.",
                s.whoCannotApply());
    }

    @Test
    void anUnpaidRoleSaysThereIsNoPaymentButCostsArePaidBack() {
        Role r = TestRoles.dayRate(CLOSES);
        Role unpaid = TestRoles.with(r.contact(), r.tenure(), PaymentModel.unpaid());
        assertEquals(
                "There is no payment for this role. We pay back the costs of taking part, such as travel.",
                RoleSummary.of(unpaid).whatYouWouldGet());
    }
}
