package org.involve.core.tenure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.PaymentModel;
import org.involve.core.tenure.TenureRules.Step;
import org.junit.jupiter.api.Test;

/** When the tenure job asks, chases and ends; and the summary of what a partner gave. */
class TenureRulesTest {
    static final LocalDate START = LocalDate.of(2025, 3, 1), ENDS = LocalDate.of(2027, 3, 1);

    static Appointment appointment(LocalDate termEnds, PartnerStatus status) {
        return new Appointment(
                "appointment-INV-1",
                "role-1",
                "INV-1",
                "person",
                Instant.parse("2025-02-01T10:00:00Z"),
                START,
                termEnds,
                null,
                START.plusYears(4),
                0,
                PaymentChoice.ACCEPTED,
                false,
                status);
    }

    static Step step(Appointment a, TenureReview r, LocalDate today) {
        return TenureRules.step(a, r, today, 90);
    }

    final Appointment active = appointment(ENDS, PartnerStatus.ACTIVE);

    @Test
    void theReviewIsAskedFromNinetyDaysBeforeTheEndAndNotBefore() {
        LocalDate first = ENDS.minusDays(90);
        assertEquals(LocalDate.of(2026, 12, 1), first);
        assertEquals(Step.NOTHING, step(active, null, first.minusDays(1)));
        assertEquals(Step.ASK, step(active, null, first));
        // a job that did not run on the first day asks on a later one
        assertEquals(Step.ASK, step(active, null, ENDS.minusDays(1)));
        assertEquals(first.plusDays(90), TenureRules.dueUpTo(first, 90));
    }

    @Test
    void theWindowIsTheSettingNotAFixedNinety() {
        assertEquals(Step.NOTHING, TenureRules.step(active, null, ENDS.minusDays(31), 30));
        assertEquals(Step.ASK, TenureRules.step(active, null, ENDS.minusDays(30), 30));
        assertThrows(
                IllegalArgumentException.class,
                () -> TenureRules.step(active, null, ENDS.minusDays(30), -1));
    }

    @Test
    void askedOnceThenChasedOnceFourteenDaysLaterWhileUnanswered() {
        LocalDate asked = LocalDate.of(2026, 12, 1);
        TenureReview r = TenureReview.asked(active.id(), active.roleId(), ENDS, asked);
        assertEquals(Step.NOTHING, step(active, r, asked));
        assertEquals(Step.NOTHING, step(active, r, asked.plusDays(13)));
        assertEquals(Step.CHASE, step(active, r, asked.plusDays(14)));
        TenureReview chased = r.chased(asked.plusDays(14));
        assertEquals(Step.NOTHING, step(active, chased, asked.plusDays(15)));
        assertEquals(Step.NOTHING, step(active, chased, ENDS.minusDays(1)));
    }

    @Test
    void aReviewWithOnlyOneAnswerIsStillChasedAndOneWithBothIsNot() {
        LocalDate asked = LocalDate.of(2026, 12, 1);
        TenureReview r = TenureReview.asked(active.id(), active.roleId(), ENDS, asked);
        LocalDate later = asked.plusDays(20);
        assertEquals(Step.CHASE, step(active, r.partnerSaid(TenureReview.Answer.YES), later));
        assertEquals(Step.CHASE, step(active, r.staffSaid(TenureReview.Answer.NO, "s"), later));
        assertEquals(
                Step.NOTHING,
                step(
                        active,
                        r.partnerSaid(TenureReview.Answer.YES)
                                .staffSaid(TenureReview.Answer.YES, "s"),
                        later));
    }

    @Test
    void onTheEndDateTheRoleEndsWhateverTheReviewSaid() {
        TenureReview r =
                TenureReview.asked(active.id(), active.roleId(), ENDS, ENDS.minusDays(90))
                        .partnerSaid(TenureReview.Answer.YES)
                        .staffSaid(TenureReview.Answer.YES, "s");
        assertEquals(Step.NOTHING, step(active, r, ENDS.minusDays(1)));
        assertEquals(Step.END, step(active, r, ENDS));
        assertEquals(Step.END, step(active, null, ENDS.plusDays(3)));
    }

    @Test
    void pausedPartnersAreReviewedAndEndedRetiredAndEndedOnesAreNot() {
        Appointment paused = appointment(ENDS, PartnerStatus.PAUSED);
        assertEquals(Step.ASK, step(paused, null, ENDS.minusDays(10)));
        assertEquals(Step.END, step(paused, null, ENDS));
        for (PartnerStatus s : List.of(PartnerStatus.RETIRED, PartnerStatus.ENDED)) {
            assertEquals(Step.NOTHING, step(appointment(ENDS, s), null, ENDS.minusDays(10)));
            assertEquals(Step.NOTHING, step(appointment(ENDS, s), null, ENDS));
        }
    }

    @Test
    void afterAnExtensionTheOldReviewDoesNotCountAndTheNewEndIsReviewedInItsTurn() {
        Appointment extended = appointment(ENDS.plusYears(2), PartnerStatus.ACTIVE);
        TenureReview old =
                TenureReview.asked(active.id(), active.roleId(), ENDS, ENDS.minusDays(90))
                        .closed(TenureReview.Outcome.EXTENDED, ENDS.minusDays(5));
        assertEquals(Step.NOTHING, step(extended, old, ENDS));
        assertEquals(Step.NOTHING, step(extended, old, ENDS.plusYears(2).minusDays(91)));
        assertEquals(Step.ASK, step(extended, old, ENDS.plusYears(2).minusDays(90)));
    }

    @Test
    void aRoleReviewedOnADateEndsAtItsFourYearLimit() {
        Appointment reviewed = appointment(null, PartnerStatus.ACTIVE);
        assertEquals(START.plusYears(4), reviewed.ends());
        assertEquals(Step.NOTHING, step(reviewed, null, START.plusYears(4).minusDays(91)));
        assertEquals(Step.ASK, step(reviewed, null, START.plusYears(4).minusDays(90)));
        assertEquals(Step.END, step(reviewed, null, START.plusYears(4)));
    }

    static final LocalDate REVIEW = LocalDate.of(2026, 3, 1);

    static Appointment reviewedOn(LocalDate reviewDate) {
        Appointment a = appointment(null, PartnerStatus.ACTIVE);
        return new Appointment(
                a.id(),
                a.roleId(),
                a.applicationReference(),
                a.personKey(),
                a.appointedAt(),
                a.start(),
                null,
                reviewDate,
                a.latestEnd(),
                0,
                a.payment(),
                false,
                a.status());
    }

    final Appointment onReview = reviewedOn(REVIEW);

    TenureReview askedForReview(LocalDate on) {
        return TenureReview.asked(onReview.id(), onReview.roleId(), REVIEW, on);
    }

    @Test
    void aReviewDateIsAskedFromTheSettingBeforeItAndNotBefore() {
        LocalDate first = REVIEW.minusDays(90);
        assertEquals(Step.NOTHING, step(onReview, null, first.minusDays(1)));
        assertEquals(Step.ASK, step(onReview, null, first));
        assertEquals(Step.ASK, step(onReview, null, REVIEW.minusDays(1)));
        // nothing ends by itself on a review date: a job that missed the window still asks
        assertEquals(Step.ASK, step(onReview, null, REVIEW.plusDays(2)));
        assertEquals(Step.NOTHING, TenureRules.step(onReview, null, REVIEW.minusDays(31), 30));
        assertEquals(Step.ASK, TenureRules.step(onReview, null, REVIEW.minusDays(30), 30));
        // a review of the 4-year end does not count for the review date, and the reverse
        TenureReview ofTheEnd =
                TenureReview.asked(onReview.id(), onReview.roleId(), onReview.ends(), first);
        assertEquals(Step.ASK, step(onReview, ofTheEnd, first));
    }

    @Test
    void aReviewDateIsChasedOnceWhileItIsAhead() {
        LocalDate asked = REVIEW.minusDays(90);
        TenureReview r = askedForReview(asked);
        assertEquals(Step.NOTHING, step(onReview, r, asked.plusDays(13)));
        assertEquals(Step.CHASE, step(onReview, r, asked.plusDays(14)));
        assertEquals(
                Step.NOTHING, step(onReview, r.chased(asked.plusDays(14)), REVIEW.minusDays(1)));
        // asked late, a chase would come after the date: not sent
        TenureReview late = askedForReview(REVIEW.minusDays(5));
        assertEquals(Step.NOTHING, step(onReview, late, REVIEW.plusDays(9)));
        assertEquals(
                Step.NOTHING,
                step(
                        onReview,
                        r.partnerSaid(TenureReview.Answer.YES)
                                .staffSaid(TenureReview.Answer.YES, "s"),
                        asked.plusDays(20)));
    }

    @Test
    void onTheReviewDateTheRoleEndsOnlyWhenThePartnerOrTheTeamChoseToStop() {
        TenureReview r = askedForReview(REVIEW.minusDays(90));
        TenureReview partnerStops = r.partnerSaid(TenureReview.Answer.NO);
        TenureReview teamStops = r.staffSaid(TenureReview.Answer.NO, "s");
        TenureReview bothCarryOn =
                r.partnerSaid(TenureReview.Answer.YES).staffSaid(TenureReview.Answer.YES, "s");
        assertEquals(Step.NOTHING, step(onReview, partnerStops, REVIEW.minusDays(1)));
        assertEquals(Step.END, step(onReview, partnerStops, REVIEW));
        assertEquals(Step.END, step(onReview, teamStops, REVIEW));
        assertEquals(Step.END, step(onReview, teamStops, REVIEW.plusDays(4)));
        // unanswered, or both for carrying on but not yet carried on: the role waits for staff
        assertEquals(Step.NOTHING, step(onReview, r, REVIEW));
        assertEquals(Step.NOTHING, step(onReview, r, REVIEW.plusDays(30)));
        assertEquals(Step.NOTHING, step(onReview, bothCarryOn, REVIEW));
        // a closed review (carried on) is done
        assertEquals(
                Step.NOTHING,
                step(onReview, partnerStops.closed(TenureReview.Outcome.EXTENDED, REVIEW), REVIEW));
        // the 4-year limit still ends the role, whatever the review date said
        Appointment lastReviewDone = reviewedOn(onReview.latestEnd());
        assertEquals(Step.END, step(lastReviewDone, null, onReview.latestEnd()));
    }

    @Test
    void aClosedReviewSaysHowItClosed() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new TenureReview(
                                "a", "r", ENDS, ENDS, null, null, null, null, ENDS, null, 1));
    }

    static Attendance mark(LocalDate day, AttendanceMark m, int minutes) {
        return new Attendance(
                "m-" + day,
                "appointment-INV-1",
                "role-1",
                day,
                m,
                minutes,
                "staff",
                Instant.parse("2026-01-01T00:00:00Z"),
                1);
    }

    @Test
    void theContributionCountsMeetingsAttendedHoursAndDaysInTheRoleOnly() {
        Contribution c =
                Contribution.of(
                        List.of(
                                mark(LocalDate.of(2025, 4, 1), AttendanceMark.ATTENDED, 150),
                                mark(LocalDate.of(2025, 5, 1), AttendanceMark.ATTENDED, 240),
                                mark(LocalDate.of(2025, 6, 1), AttendanceMark.APOLOGIES, 0),
                                mark(LocalDate.of(2025, 7, 1), AttendanceMark.ABSENT, 0),
                                mark(LocalDate.of(2024, 7, 1), AttendanceMark.ATTENDED, 60),
                                mark(LocalDate.of(2027, 3, 2), AttendanceMark.ATTENDED, 60)),
                        START,
                        ENDS,
                        PaymentModel.dayRate(15_000, 7_500),
                        OptionalInt.empty());
        assertEquals(2, c.meetings());
        assertEquals(390, c.minutes());
        assertEquals("6.5", c.hours());
        // 150 minutes is a half day, 240 a full day
        assertEquals("1.5", c.days());
        assertEquals(OptionalInt.empty(), c.impactEntries());
        Contribution none =
                Contribution.of(List.of(), START, ENDS, PaymentModel.unpaid(), OptionalInt.of(3));
        assertEquals("0", none.hours());
        assertEquals("0", none.days());
        assertEquals(3, none.impactEntries().getAsInt());
    }
}
