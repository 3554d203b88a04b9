package org.involve.core.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.involve.core.fakes.TestRoles;
import org.involve.core.kit.Field;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

class PaidRoleLimitTest {
    private final Role paid = TestRoles.monthly(LocalDate.of(2030, 1, 1));
    private final Role unpaid = TestRoles.unpaid(LocalDate.of(2030, 1, 1));

    @Test
    void twoPaidRolesHeldLeavesRoomForAThird() {
        assertTrue(
                PaidRoleLimit.breach(
                                paid,
                                Map.of(
                                        ApplicationForm.PAID_ROLES_HELD,
                                        "2",
                                        ApplicationForm.ACCEPTS_PAYMENT,
                                        "accept"))
                        .isEmpty());
    }

    @Test
    void aFourthPaidRoleWithPaymentAcceptedIsRefusedWithBothWaysOut() {
        var breach =
                PaidRoleLimit.breach(
                        paid,
                        Map.of(
                                ApplicationForm.PAID_ROLES_HELD,
                                "3",
                                ApplicationForm.ACCEPTS_PAYMENT,
                                "accept"));
        assertTrue(breach.isPresent());
        assertTrue(breach.get().contains("decline the payment"));
        assertTrue(breach.get().contains("step down"));
    }

    @Test
    void aFourthPaidRoleIsPossibleByDecliningItsPayment() {
        assertTrue(
                PaidRoleLimit.breach(
                                paid,
                                Map.of(
                                        ApplicationForm.PAID_ROLES_HELD,
                                        "3",
                                        ApplicationForm.ACCEPTS_PAYMENT,
                                        "decline"))
                        .isEmpty());
    }

    @Test
    void aFourthPaidRoleIsPossibleBySteppingDownFromAnother() {
        assertTrue(
                PaidRoleLimit.breach(
                                paid,
                                Map.of(
                                        ApplicationForm.PAID_ROLES_HELD,
                                        "3",
                                        ApplicationForm.ACCEPTS_PAYMENT,
                                        "accept",
                                        ApplicationForm.STEP_DOWN,
                                        "yes"))
                        .isEmpty());
    }

    @Test
    void anUnpaidRoleDoesNotCountTowardsTheLimit() {
        assertFalse(PaidRoleLimit.reached(unpaid, Map.of(ApplicationForm.PAID_ROLES_HELD, "5")));
    }

    @Test
    void theStepDownQuestionIsAskedOnlyWhenTheLimitIsReached() {
        ApplicationForm form = new ApplicationForm(paid);
        assertFalse(fieldNames(form, "2").contains(ApplicationForm.STEP_DOWN));
        assertTrue(fieldNames(form, "3").contains(ApplicationForm.STEP_DOWN));
    }

    private static java.util.List<String> fieldNames(ApplicationForm form, String held) {
        return form
                .section(ApplicationForm.PAYMENT, Map.of(ApplicationForm.PAID_ROLES_HELD, held))
                .orElseThrow()
                .fields()
                .stream()
                .map(Field::name)
                .toList();
    }
}
