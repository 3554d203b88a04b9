package org.involve.core.partners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** A role reviewed on a date: which day is due, the next review date, and the 4-year cap on it. */
class ReviewDatesTest {
    static final LocalDate START = LocalDate.of(2025, 1, 1), LIMIT = LocalDate.of(2029, 1, 1);
    // the monthly test role has no term: reviewed on 1 March 2025 (3 months after it closes), 4
    // years at most
    final Role reviewed = TestRoles.monthly(LocalDate.of(2024, 12, 1));
    final Instant now = Instant.parse("2025-02-01T10:00:00Z");

    static Appointment holding(
            Role role, LocalDate termEnds, LocalDate reviewDate, PartnerStatus status) {
        return new Appointment(
                "appointment-INV-AAAA-BBBB",
                role.id(),
                "INV-AAAA-BBBB",
                "person-key",
                Instant.parse("2024-12-20T10:00:00Z"),
                START,
                termEnds,
                reviewDate,
                LIMIT,
                0,
                PaymentChoice.ACCEPTED,
                false,
                status);
    }

    Appointment on(LocalDate reviewDate) {
        return holding(reviewed, null, reviewDate, PartnerStatus.ACTIVE);
    }

    @Test
    void theDueDayIsTheReviewDateWhileItComesBeforeTheEnd() {
        Appointment a = on(LocalDate.of(2025, 3, 1));
        assertTrue(a.reviewDateAhead());
        assertEquals(LocalDate.of(2025, 3, 1), a.nextReview());
        assertEquals(LIMIT, a.ends(), "a role reviewed instead of a term still ends at the limit");
        // a review date at the limit is no review date: what is due is the end itself
        Appointment atLimit = on(LIMIT);
        assertFalse(atLimit.reviewDateAhead());
        assertEquals(LIMIT, atLimit.nextReview());
        // a term without a review date: the end of the term
        Role term = TestRoles.dayRate(LocalDate.of(2024, 12, 1));
        Appointment t = holding(term, LocalDate.of(2027, 1, 1), null, PartnerStatus.ACTIVE);
        assertFalse(t.reviewDateAhead());
        assertEquals(LocalDate.of(2027, 1, 1), t.nextReview());
        // a term with a review date in it: the review date first
        Appointment both =
                holding(
                        term,
                        LocalDate.of(2027, 1, 1),
                        LocalDate.of(2026, 1, 1),
                        PartnerStatus.ACTIVE);
        assertEquals(LocalDate.of(2026, 1, 1), both.nextReview());
    }

    @Test
    void theNextReviewIsAYearLaterWhenTheRoleHasNoLength() {
        assertEquals(0, reviewed.tenure().initialYears());
        assertEquals(
                LocalDate.of(2026, 3, 1),
                ReviewDates.next(on(LocalDate.of(2025, 3, 1)), reviewed.tenure()));
        assertFalse(ReviewDates.isLast(on(LocalDate.of(2025, 3, 1)), reviewed.tenure()));
    }

    @Test
    void theNextReviewIsOneRoleLengthLaterWhenTheRoleHasOne() {
        Role twoYears =
                TestRoles.with(
                        reviewed.contact(),
                        new Tenure(2, 0, 0, 4, LocalDate.of(2025, 6, 1)),
                        reviewed.payment());
        Appointment a = holding(twoYears, LIMIT, LocalDate.of(2025, 6, 1), PartnerStatus.ACTIVE);
        assertEquals(LocalDate.of(2027, 6, 1), ReviewDates.next(a, twoYears.tenure()));
    }

    @Test
    void neverPastTheFourYearLimitAndTheLastReviewSaysSo() {
        Appointment third = on(LocalDate.of(2027, 3, 1));
        assertEquals(LocalDate.of(2028, 3, 1), ReviewDates.next(third, reviewed.tenure()));
        assertFalse(ReviewDates.isLast(third, reviewed.tenure()));
        // a year after 1 March 2028 would be 1 March 2029, past the limit of 1 January 2029
        Appointment last = on(LocalDate.of(2028, 3, 1));
        assertEquals(LIMIT, ReviewDates.next(last, reviewed.tenure()));
        assertTrue(ReviewDates.isLast(last, reviewed.tenure()));
        // a next date exactly on the limit is the limit too, and last
        Appointment exact = on(LocalDate.of(2028, 1, 1));
        assertEquals(LIMIT, ReviewDates.next(exact, reviewed.tenure()));
        assertTrue(ReviewDates.isLast(exact, reviewed.tenure()));
        assertThrows(
                IllegalArgumentException.class,
                () -> ReviewDates.next(on(LIMIT), reviewed.tenure()),
                "no review date ahead, no next one");
    }

    @Test
    void carryingOnMovesTheReviewDateWithAnAuditEntry() {
        var c =
                assertInstanceOf(
                        ReviewDates.Outcome.Continued.class,
                        ReviewDates.carryOn(
                                on(LocalDate.of(2025, 3, 1)), reviewed, TestStaff.STAFF, now));
        assertEquals(LocalDate.of(2026, 3, 1), c.appointment().reviewDate());
        assertEquals(LocalDate.of(2026, 3, 1), c.appointment().nextReview());
        assertEquals(LIMIT, c.appointment().ends());
        assertEquals("review date 2025-03-01", c.audit().fromState());
        assertEquals("review date 2026-03-01", c.audit().toState());
    }

    @Test
    void carryingOnAfterTheLastReviewLeavesOnlyTheEnd() {
        var c =
                assertInstanceOf(
                        ReviewDates.Outcome.Continued.class,
                        ReviewDates.carryOn(
                                on(LocalDate.of(2028, 3, 1)), reviewed, TestStaff.STAFF, now));
        assertFalse(c.appointment().reviewDateAhead());
        assertEquals(LIMIT, c.appointment().nextReview());
        assertEquals("no more reviews, ends 2029-01-01", c.audit().toState());
        // and then there is nothing to carry on from
        var again =
                assertInstanceOf(
                        ReviewDates.Outcome.Refused.class,
                        ReviewDates.carryOn(c.appointment(), reviewed, TestStaff.STAFF, now));
        assertTrue(again.reason().contains("no review date ahead"), again.reason());
    }

    @Test
    void refusedWhenEndedAndOnlyForStaffWhoAppoint() {
        var ended =
                assertInstanceOf(
                        ReviewDates.Outcome.Refused.class,
                        ReviewDates.carryOn(
                                holding(
                                        reviewed,
                                        null,
                                        LocalDate.of(2025, 3, 1),
                                        PartnerStatus.ENDED),
                                reviewed,
                                TestStaff.STAFF,
                                now));
        assertTrue(ended.reason().contains("has ended"), ended.reason());
        assertThrows(
                AccessDenied.class,
                () ->
                        ReviewDates.carryOn(
                                on(LocalDate.of(2025, 3, 1)), reviewed, TestStaff.PANEL_A, now));
    }
}
