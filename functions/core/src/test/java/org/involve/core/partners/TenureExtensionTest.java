package org.involve.core.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

class TenureExtensionTest {
    private final Role role = TestRoles.dayRate(LocalDate.of(2025, 1, 20));
    private final Instant beforeTheTermEnds = Instant.parse("2027-02-01T10:00:00Z");

    private static Appointment holding(
            Role role,
            LocalDate start,
            LocalDate termEnds,
            int extensionsUsed,
            PartnerStatus status) {
        return new Appointment(
                "appointment-INV-AAAA-BBBB",
                role.id(),
                "INV-AAAA-BBBB",
                "person-key",
                Instant.parse("2025-03-03T10:00:00Z"),
                start,
                termEnds,
                null,
                start.plusYears(role.tenure().maximumYears()),
                extensionsUsed,
                PaymentChoice.ACCEPTED,
                false,
                status);
    }

    private final Appointment twoYears =
            holding(
                    role,
                    LocalDate.of(2025, 4, 1),
                    LocalDate.of(2027, 4, 1),
                    0,
                    PartnerStatus.ACTIVE);

    private static String refused(TenureExtension.Outcome o) {
        return assertInstanceOf(TenureExtension.Outcome.Refused.class, o).reason();
    }

    @Test
    void oneExtensionOfTwoYearsTakesTheTermToTheFourYearLimit() {
        var extended =
                assertInstanceOf(
                        TenureExtension.Outcome.Extended.class,
                        TenureExtension.extend(twoYears, role, TestStaff.STAFF, beforeTheTermEnds));
        assertEquals(LocalDate.of(2029, 4, 1), extended.appointment().termEnds());
        assertEquals(1, extended.appointment().extensionsUsed());
        assertEquals("term ends 2027-04-01", extended.audit().fromState());
        assertEquals("term ends 2029-04-01", extended.audit().toState());
    }

    @Test
    void aSecondExtensionIsRefused() {
        var once =
                ((TenureExtension.Outcome.Extended)
                                TenureExtension.extend(
                                        twoYears, role, TestStaff.STAFF, beforeTheTermEnds))
                        .appointment();
        assertEquals(
                "Their term has already been extended once, which is as many times as this role allows.",
                refused(
                        TenureExtension.extend(
                                once,
                                role,
                                TestStaff.STAFF,
                                Instant.parse("2029-01-01T10:00:00Z"))));
    }

    @Test
    void anExtensionThatWouldPassFourYearsIsRefused() {
        Role threeYears = withTenure(new Tenure(3, 2, 1, 4, null));
        Appointment a =
                holding(
                        threeYears,
                        LocalDate.of(2025, 4, 1),
                        LocalDate.of(2028, 4, 1),
                        0,
                        PartnerStatus.ACTIVE);
        assertEquals(
                "Extending by 2 years would take them to 1 April 2030, past the limit of 4 years in one role, which they reach on 1 April 2029.",
                refused(
                        TenureExtension.extend(
                                a,
                                threeYears,
                                TestStaff.STAFF,
                                Instant.parse("2028-01-01T10:00:00Z"))));
    }

    @Test
    void aTermStartingOnALeapDayStillFitsTheLimitWhenExtended() {
        Appointment leap =
                holding(
                        role,
                        LocalDate.of(2028, 2, 29),
                        LocalDate.of(2030, 2, 28),
                        0,
                        PartnerStatus.ACTIVE);
        var extended =
                assertInstanceOf(
                        TenureExtension.Outcome.Extended.class,
                        TenureExtension.extend(
                                leap,
                                role,
                                TestStaff.STAFF,
                                Instant.parse("2030-01-01T10:00:00Z")));
        assertEquals(LocalDate.of(2032, 2, 28), extended.appointment().termEnds());
    }

    @Test
    void aTermIsExtendedOnlyBeforeItEndsInUkTime() {
        // 1 April 2027 00:30 BST is still 31 March in UTC, but the term has ended in the UK.
        assertEquals(
                "Their term ended on 1 April 2027. A term can be extended only before it ends.",
                refused(
                        TenureExtension.extend(
                                twoYears,
                                role,
                                TestStaff.STAFF,
                                Instant.parse("2027-03-31T23:30:00Z"))));
    }

    @Test
    void aRoleReviewedRatherThanTermedHasNoTermToExtend() {
        Role reviewed = TestRoles.monthly(LocalDate.of(2025, 1, 20));
        Appointment a =
                new Appointment(
                        "appointment-x",
                        reviewed.id(),
                        "INV-x",
                        "person-key",
                        Instant.parse("2025-02-01T10:00:00Z"),
                        LocalDate.of(2025, 2, 1),
                        null,
                        reviewed.tenure().reviewDate(),
                        LocalDate.of(2029, 2, 1),
                        0,
                        PaymentChoice.ACCEPTED,
                        false,
                        PartnerStatus.ACTIVE);
        assertEquals(
                "This role has a review date rather than a fixed term, so there is no term to extend. Set the next review date instead.",
                refused(TenureExtension.extend(a, reviewed, TestStaff.STAFF, beforeTheTermEnds)));
    }

    @Test
    void aRoleWithoutExtensionsCannotBeExtended() {
        Role fixed = withTenure(new Tenure(2, 0, 0, 4, null));
        assertEquals(
                "This role's term cannot be extended.",
                refused(
                        TenureExtension.extend(
                                holding(
                                        fixed,
                                        LocalDate.of(2025, 4, 1),
                                        LocalDate.of(2027, 4, 1),
                                        0,
                                        PartnerStatus.ACTIVE),
                                fixed,
                                TestStaff.STAFF,
                                beforeTheTermEnds)));
    }

    @Test
    void aPartnerWhoHasRetiredIsNotExtended() {
        assertEquals(
                "Their time in this role has ended, so it cannot be extended.",
                refused(
                        TenureExtension.extend(
                                holding(
                                        role,
                                        LocalDate.of(2025, 4, 1),
                                        LocalDate.of(2027, 4, 1),
                                        0,
                                        PartnerStatus.RETIRED),
                                role,
                                TestStaff.STAFF,
                                beforeTheTermEnds)));
    }

    @Test
    void aPausedPartnerCanBeExtended() {
        assertInstanceOf(
                TenureExtension.Outcome.Extended.class,
                TenureExtension.extend(
                        holding(
                                role,
                                LocalDate.of(2025, 4, 1),
                                LocalDate.of(2027, 4, 1),
                                0,
                                PartnerStatus.PAUSED),
                        role,
                        TestStaff.STAFF,
                        beforeTheTermEnds));
    }

    @Test
    void onlyStaffExtendATerm() {
        assertThrows(
                AccessDenied.class,
                () -> TenureExtension.extend(twoYears, role, TestStaff.PANEL_A, beforeTheTermEnds));
    }

    private Role withTenure(Tenure t) {
        return new Role(
                role.id(),
                role.title(),
                role.programme(),
                role.organisation(),
                role.summary(),
                List.of(),
                List.of(),
                role.places(),
                null,
                0,
                List.of(),
                role.criteria(),
                role.closingDate(),
                role.interviewWeekCommencing(),
                role.interviewFormat(),
                role.referencesRequired(),
                role.acknowledgementDays(),
                role.commitment(),
                t,
                role.payment(),
                role.eligibility(),
                role.contact(),
                role.status());
    }
}
