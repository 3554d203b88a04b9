package org.involve.core.tenure;

import java.time.LocalDate;

/**
 * The review of one partner's time in a role ahead of one end date: when the partner and staff were asked, whether it
 * was chased, what each said, and when it closed (extended, or ended on the day). A new end date (after an extension)
 * is a new review.
 *
 * @param ends           the end date under review (the appointment's {@code ends()} when it was asked)
 * @param askedOn        the UK day the partner and staff were asked
 * @param chasedOn       the UK day an unanswered review was chased (once), or null
 * @param partnerAnswer  whether the partner would like to continue, or null while unanswered
 * @param staffAnswer    whether staff recommend it, or null while unanswered
 * @param closedOn       the day it was settled (extended, or the role ended), or null while open
 * @param version        counts the changes, so two answers at once cannot overwrite each other
 */
public record TenureReview(
        String appointmentId,
        String roleId,
        LocalDate ends,
        LocalDate askedOn,
        LocalDate chasedOn,
        Answer partnerAnswer,
        Answer staffAnswer,
        String staffBy,
        LocalDate closedOn,
        Outcome outcome,
        long version) {

    /** Yes (continue / recommend) or no. */
    public enum Answer {
        YES,
        NO;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Answer fromSlug(String s) {
            for (Answer a : values()) if (a.slug().equals(s)) return a;
            return null;
        }
    }

    /** How a closed review ended. */
    public enum Outcome {
        EXTENDED,
        ENDED
    }

    public TenureReview {
        if (appointmentId == null || roleId == null || ends == null || askedOn == null)
            throw new IllegalArgumentException("A tenure review is missing a required value");
        if ((closedOn == null) != (outcome == null))
            throw new IllegalArgumentException("A closed review says how it closed");
    }

    /** A new review, asked on {@code today}. */
    public static TenureReview asked(
            String appointmentId, String roleId, LocalDate ends, LocalDate today) {
        return new TenureReview(
                appointmentId, roleId, ends, today, null, null, null, null, null, null, 1);
    }

    public boolean open() {
        return closedOn == null;
    }

    /** Both the partner and staff have answered. */
    public boolean answered() {
        return partnerAnswer != null && staffAnswer != null;
    }

    public TenureReview chased(LocalDate day) {
        return new TenureReview(
                appointmentId,
                roleId,
                ends,
                askedOn,
                day,
                partnerAnswer,
                staffAnswer,
                staffBy,
                closedOn,
                outcome,
                version + 1);
    }

    public TenureReview partnerSaid(Answer a) {
        return new TenureReview(
                appointmentId,
                roleId,
                ends,
                askedOn,
                chasedOn,
                a,
                staffAnswer,
                staffBy,
                closedOn,
                outcome,
                version + 1);
    }

    public TenureReview staffSaid(Answer a, String by) {
        return new TenureReview(
                appointmentId,
                roleId,
                ends,
                askedOn,
                chasedOn,
                partnerAnswer,
                a,
                by,
                closedOn,
                outcome,
                version + 1);
    }

    public TenureReview closed(Outcome how, LocalDate day) {
        return new TenureReview(
                appointmentId,
                roleId,
                ends,
                askedOn,
                chasedOn,
                partnerAnswer,
                staffAnswer,
                staffBy,
                day,
                how,
                version + 1);
    }

    public String auditRecord() {
        return "appointment:" + appointmentId;
    }
}
