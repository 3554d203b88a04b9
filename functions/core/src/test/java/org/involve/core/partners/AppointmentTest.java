package org.involve.core.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationForm;
import org.involve.core.fakes.TestApplications;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class AppointmentTest {
    static final Instant APPLIED = Instant.parse("2025-01-10T10:00:00Z");
    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");
    static final LocalDate START = LocalDate.of(2025, 4, 1);
    private final Role twoYears = TestRoles.dayRate(LocalDate.of(2025, 1, 20));
    private final Role reviewed = TestRoles.monthly(LocalDate.of(2025, 1, 20));
    private final Role unpaid = TestRoles.unpaid(LocalDate.of(2025, 1, 20));

    private static Application applied(Role role, String reference, String paidRolesDeclared) {
        return TestApplications.submitted(
                role,
                reference,
                APPLIED,
                Map.of(ApplicationForm.PAID_ROLES_HELD, paidRolesDeclared));
    }

    private static Appointment appointed(Offer offer, List<Appointment> existing) {
        return assertInstanceOf(
                        Appointment.Outcome.Appointed.class,
                        Appointment.appoint(offer, existing, TestStaff.STAFF, NOW))
                .appointment();
    }

    private static String refused(Offer offer, List<Appointment> existing) {
        return assertInstanceOf(
                        Appointment.Outcome.Refused.class,
                        Appointment.appoint(offer, existing, TestStaff.STAFF, NOW))
                .reason();
    }

    /** A paid role the same person holds elsewhere in the system, appointed at {@code at}. */
    private static Appointment heldHere(
            String id, String personKey, Instant at, PaymentChoice payment, PartnerStatus status) {
        return new Appointment(
                id,
                "other-" + id,
                "INV-" + id,
                personKey,
                at,
                LocalDate.of(2024, 6, 1),
                LocalDate.of(2026, 6, 1),
                null,
                LocalDate.of(2028, 6, 1),
                0,
                payment,
                false,
                status);
    }

    @Test
    void aTwoYearTermEndsTwoYearsAfterTheStartAndNothingPassesFourYears() {
        Appointment a =
                appointed(
                        new Offer(
                                twoYears,
                                applied(twoYears, "INV-AAAA-BBBB", "0"),
                                START,
                                true,
                                false),
                        List.of());
        assertEquals(START, a.start());
        assertEquals(LocalDate.of(2027, 4, 1), a.termEnds());
        assertEquals(LocalDate.of(2029, 4, 1), a.latestEnd());
        assertEquals(0, a.extensionsUsed());
        assertEquals(PartnerStatus.ACTIVE, a.status());
        assertNull(a.reviewDate());
    }

    @Test
    void aRoleWithAReviewDateGivesThatReviewDateInsteadOfATerm() {
        Appointment a =
                appointed(
                        new Offer(
                                reviewed,
                                applied(reviewed, "INV-AAAA-BBBB", "0"),
                                LocalDate.of(2025, 2, 1),
                                true,
                                false),
                        List.of());
        assertEquals(reviewed.tenure().reviewDate(), a.reviewDate());
        assertNull(a.termEnds());
        assertEquals(LocalDate.of(2029, 2, 1), a.ends(), "the 4-year limit still applies");
    }

    @Test
    void aReviewDateThatHasAlreadyPassedIsRefusedInPlainWords() {
        String reason =
                refused(
                        new Offer(
                                reviewed,
                                applied(reviewed, "INV-AAAA-BBBB", "0"),
                                LocalDate.of(2025, 6, 1),
                                true,
                                false),
                        List.of());
        assertEquals(
                "This role's review date, 20 April 2025, is not after the start date, 1 June 2025. Set the role's next review date first.",
                reason);
    }

    @Test
    void aPaymentAcceptedOrDeclinedIsRecorded() {
        assertEquals(
                PaymentChoice.ACCEPTED,
                appointed(
                                new Offer(
                                        twoYears,
                                        applied(twoYears, "INV-AAAA-BBBB", "0"),
                                        START,
                                        true,
                                        false),
                                List.of())
                        .payment());
        assertEquals(
                PaymentChoice.DECLINED,
                appointed(
                                new Offer(
                                        twoYears,
                                        applied(twoYears, "INV-AAAA-BBBB", "0"),
                                        START,
                                        false,
                                        false),
                                List.of())
                        .payment());
        assertEquals(
                PaymentChoice.UNPAID_ROLE,
                appointed(
                                new Offer(
                                        unpaid,
                                        applied(unpaid, "INV-AAAA-BBBB", "0"),
                                        START,
                                        true,
                                        false),
                                List.of())
                        .payment());
    }

    @Test
    void aFourthPaidRoleIsRefusedWithBothWaysOut() {
        String reason =
                refused(
                        new Offer(
                                twoYears,
                                applied(twoYears, "INV-AAAA-BBBB", "3"),
                                START,
                                true,
                                false),
                        List.of());
        assertEquals(
                "They already hold 3 paid roles, and nobody can hold more than 3 at a time. To take up this role with its payment, "
                        + "they must step down from another paid role before they start. They can also take it up and decline the payment.",
                reason);
    }

    @Test
    void paidRolesHereSinceTheyAppliedCountWithThoseTheyDeclared() {
        Application app = applied(twoYears, "INV-AAAA-BBBB", "2");
        Appointment since =
                heldHere(
                        "x1",
                        app.applicantKey(),
                        APPLIED.plusSeconds(86_400),
                        PaymentChoice.ACCEPTED,
                        PartnerStatus.ACTIVE);
        assertTrue(
                refused(new Offer(twoYears, app, START, true, false), List.of(since))
                        .startsWith("They already hold 3 paid roles"));
    }

    @Test
    void paidRolesHereThatTheyDeclaredWhenApplyingAreNotCountedTwice() {
        Application app = applied(twoYears, "INV-AAAA-BBBB", "2");
        List<Appointment> before =
                List.of(
                        heldHere(
                                "x1",
                                app.applicantKey(),
                                APPLIED.minusSeconds(86_400 * 300),
                                PaymentChoice.ACCEPTED,
                                PartnerStatus.ACTIVE),
                        heldHere(
                                "x2",
                                app.applicantKey(),
                                APPLIED.minusSeconds(86_400 * 200),
                                PaymentChoice.ACCEPTED,
                                PartnerStatus.PAUSED));
        assertEquals(
                PaymentChoice.ACCEPTED,
                appointed(new Offer(twoYears, app, START, true, false), before).payment());
    }

    @Test
    void rolesHereWithPaymentDeclinedOrThatHaveEndedDoNotCount() {
        Application app = applied(twoYears, "INV-AAAA-BBBB", "2");
        Instant since = APPLIED.plusSeconds(86_400);
        List<Appointment> others =
                new ArrayList<>(
                        List.of(
                                heldHere(
                                        "x1",
                                        app.applicantKey(),
                                        since,
                                        PaymentChoice.DECLINED,
                                        PartnerStatus.ACTIVE),
                                heldHere(
                                        "x2",
                                        app.applicantKey(),
                                        since,
                                        PaymentChoice.ACCEPTED,
                                        PartnerStatus.RETIRED),
                                heldHere(
                                        "x3",
                                        app.applicantKey(),
                                        since,
                                        PaymentChoice.UNPAID_ROLE,
                                        PartnerStatus.ACTIVE)));
        assertEquals(
                PaymentChoice.ACCEPTED,
                appointed(new Offer(twoYears, app, START, true, false), others).payment());
        // A term that ends before the new role starts is not held alongside it.
        others.add(
                new Appointment(
                        "x4",
                        "other-x4",
                        "INV-x4",
                        app.applicantKey(),
                        since,
                        LocalDate.of(2023, 3, 1),
                        LocalDate.of(2025, 3, 1),
                        null,
                        LocalDate.of(2027, 3, 1),
                        0,
                        PaymentChoice.ACCEPTED,
                        false,
                        PartnerStatus.ACTIVE));
        assertEquals(
                PaymentChoice.ACCEPTED,
                appointed(new Offer(twoYears, app, START, true, false), others).payment());
    }

    @Test
    void aFourthPaidRoleIsPossibleByDecliningItsPayment() {
        assertEquals(
                PaymentChoice.DECLINED,
                appointed(
                                new Offer(
                                        twoYears,
                                        applied(twoYears, "INV-AAAA-BBBB", "3"),
                                        START,
                                        false,
                                        false),
                                List.of())
                        .payment());
    }

    @Test
    void aFourthPaidRoleIsPossibleBySteppingDownAndThatIsRecorded() {
        Appointment a =
                appointed(
                        new Offer(
                                twoYears,
                                applied(twoYears, "INV-AAAA-BBBB", "3"),
                                START,
                                true,
                                true),
                        List.of());
        assertEquals(PaymentChoice.ACCEPTED, a.payment());
        assertTrue(a.steppingDown());
        assertFalse(
                appointed(
                                new Offer(
                                        twoYears,
                                        applied(twoYears, "INV-AAAA-BBBB", "0"),
                                        START,
                                        true,
                                        true),
                                List.of())
                        .steppingDown());
    }

    @Test
    void anUnpaidRoleIsNeverHeldBackByTheLimit() {
        assertEquals(
                PaymentChoice.UNPAID_ROLE,
                appointed(
                                new Offer(
                                        unpaid,
                                        applied(unpaid, "INV-AAAA-BBBB", "5"),
                                        START,
                                        true,
                                        false),
                                List.of())
                        .payment());
    }

    @Test
    void theSameApplicationIsAppointedOnce() {
        Offer offer =
                new Offer(twoYears, applied(twoYears, "INV-AAAA-BBBB", "0"), START, true, false);
        Appointment first = appointed(offer, List.of());
        assertEquals("appointment-INV-AAAA-BBBB", first.id());
        assertEquals("They are already appointed to this role.", refused(offer, List.of(first)));
    }

    @Test
    void theAppointmentIsAuditedAndHoldsNoNameOrContactDetail() {
        var appointed =
                assertInstanceOf(
                        Appointment.Outcome.Appointed.class,
                        Appointment.appoint(
                                new Offer(
                                        twoYears,
                                        applied(twoYears, "INV-AAAA-BBBB", "0"),
                                        START,
                                        true,
                                        false),
                                List.of(),
                                TestStaff.STAFF,
                                NOW));
        assertEquals("staff-0001", appointed.audit().who());
        assertEquals("appointment:appointment-INV-AAAA-BBBB", appointed.audit().record());
        assertNull(appointed.audit().fromState());
        String all = appointed.appointment().toString() + appointed.audit();
        assertFalse(
                all.contains("Jo Testperson")
                        || all.contains("jo.testperson@example.org")
                        || all.contains("07700"),
                all);
    }

    @Test
    void onlyStaffAppoint() {
        Offer offer =
                new Offer(twoYears, applied(twoYears, "INV-AAAA-BBBB", "0"), START, true, false);
        assertThrows(
                AccessDenied.class,
                () -> Appointment.appoint(offer, List.of(), TestStaff.PANEL_A, NOW));
        assertThrows(
                AccessDenied.class,
                () -> Appointment.appoint(offer, List.of(), TestStaff.FINANCE, NOW));
    }

    @Test
    void anOfferNeedsAStartDateAndTheRightRole() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new Offer(
                                twoYears,
                                applied(twoYears, "INV-AAAA-BBBB", "0"),
                                null,
                                true,
                                false));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new Offer(
                                unpaid,
                                applied(twoYears, "INV-AAAA-BBBB", "0"),
                                START,
                                true,
                                false));
    }

    @Test
    void aRoleWhoseInitialTermIsTheWholeLimitCannotRunPastIt() {
        Role fourYears =
                new Role(
                        "four-years",
                        "Member",
                        null,
                        null,
                        null,
                        null,
                        null,
                        1,
                        null,
                        0,
                        null,
                        List.of(),
                        LocalDate.of(2025, 1, 20),
                        LocalDate.of(2025, 2, 1),
                        "video call",
                        2,
                        5,
                        twoYears.commitment(),
                        new Tenure(4, 2, 1, 4, null),
                        twoYears.payment(),
                        twoYears.eligibility(),
                        TestRoles.CONTACT,
                        twoYears.status());
        Appointment a =
                appointed(
                        new Offer(
                                fourYears,
                                applied(fourYears, "INV-AAAA-BBBB", "0"),
                                START,
                                true,
                                false),
                        List.of());
        assertEquals(a.latestEnd(), a.termEnds());
    }
}
