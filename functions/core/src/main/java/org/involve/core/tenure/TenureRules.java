package org.involve.core.tenure;

import java.time.LocalDate;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerStatus;

/**
 * When the daily tenure job does what, on UK dates. For a partner still in the role (active or paused) whose time ends
 * on {@code ends} (the term's end, or the role's 4-year limit), or whose role is reviewed on a review date before that
 * (see {@link #step}'s review-date rules):
 *
 * <ul>
 *   <li>from {@code reviewDays} days before {@code ends}, with no review yet for that end date, they and staff are
 *       asked (a job that did not run on the first day asks on the next);
 *   <li>{@link #CHASE_AFTER_DAYS} days after asking, a review still missing an answer is chased, once, and only while
 *       the end date is still ahead;
 *   <li>on {@code ends} or after, the role ends (status ENDED), whatever the review said: staff who want them to stay
 *       extend before that day.
 * </ul>
 */
public final class TenureRules {
    /** Days after asking before an unanswered review is chased. */
    public static final int CHASE_AFTER_DAYS = 14;

    private TenureRules() {}

    public enum Step {
        NOTHING,
        ASK,
        CHASE,
        END
    }

    /** The first day the review of an end date is asked. */
    public static LocalDate askFrom(LocalDate ends, int reviewDays) {
        return ends.minusDays(reviewDays);
    }

    /** The last end date the job looks at on {@code today}: anything ending later is not due. */
    public static LocalDate dueUpTo(LocalDate today, int reviewDays) {
        return today.plusDays(reviewDays);
    }

    public static LocalDate chaseFrom(TenureReview r) {
        return r.askedOn().plusDays(CHASE_AFTER_DAYS);
    }

    /**
     * What is due for one appointment today.
     *
     * @param review the review of the appointment's next review day ({@link Appointment#nextReview()}), or null when
     *     none was asked
     */
    public static Step step(Appointment a, TenureReview review, LocalDate today, int reviewDays) {
        if (reviewDays < 0) throw new IllegalArgumentException("Review days cannot be negative");
        if (a.status() != PartnerStatus.ACTIVE && a.status() != PartnerStatus.PAUSED)
            return Step.NOTHING;
        LocalDate due = a.nextReview();
        if (review != null && !review.ends().equals(due)) review = null;
        if (a.reviewDateAhead()) return reviewDateStep(due, review, today, reviewDays);
        if (!today.isBefore(due)) return Step.END;
        if (today.isBefore(askFrom(due, reviewDays))) return Step.NOTHING;
        if (review == null) return Step.ASK;
        if (chaseDue(review, today)) return Step.CHASE;
        return Step.NOTHING;
    }

    /**
     * A review date: asked from {@code reviewDays} before it (late, if the job missed the window, since nothing ends by
     * itself); chased once while the date is ahead and nobody has chosen to stop (then it is settled); on the date or after, the role ends only when the partner or the
     * team chose to stop. Otherwise it waits for staff to carry it on ({@code ReviewDates.carryOn}).
     */
    private static Step reviewDateStep(
            LocalDate due, TenureReview review, LocalDate today, int reviewDays) {
        if (today.isBefore(askFrom(due, reviewDays))) return Step.NOTHING;
        if (review == null) return Step.ASK;
        if (!review.open()) return Step.NOTHING;
        if (!today.isBefore(due)) return chosenToStop(review) ? Step.END : Step.NOTHING;
        if (!chosenToStop(review) && chaseDue(review, today)) return Step.CHASE;
        return Step.NOTHING;
    }

    /** The partner or the team said no: the role ends on the review date. */
    public static boolean chosenToStop(TenureReview r) {
        return r.partnerAnswer() == TenureReview.Answer.NO
                || r.staffAnswer() == TenureReview.Answer.NO;
    }

    private static boolean chaseDue(TenureReview review, LocalDate today) {
        return review.open()
                && !review.answered()
                && review.chasedOn() == null
                && !today.isBefore(chaseFrom(review));
    }
}
