package org.involve.core.kit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * How long each kind of record is kept, in one place: the privacy notice shows these periods, and the retention job
 * deletes by them. Each is a setting (the name in brackets, a template.yaml parameter) with a documented default and
 * the reason for it:
 *
 * <ul>
 *   <li>{@code drafts} (RETENTION_DRAFT_DAYS, 14 days from the start): an unfinished application is only useful while
 *       the person is filling it in.
 *   <li>{@code unsuccessful} (RETENTION_UNSUCCESSFUL_MONTHS, 12 months after the outcome): an application that was not
 *       successful, with its references, shortlisting papers, interview slots and monitoring answers; long enough to
 *       answer questions or a complaint about the decision, no longer.
 *   <li>{@code partners} (RETENTION_PARTNER_YEARS, 3 years after the involvement ends): a partner's record (and the
 *       application that led to it), so we can answer questions, give a reference and welcome them back.
 *   <li>{@code payments} (RETENTION_PAYMENT_YEARS, 6 years after the end of the UK tax year they were paid in, tax
 *       years running 6 April to 5 April; never fewer): payment records and the claims they paid, as long as tax law
 *       (HMRC) needs them. An erasure keeps them restricted until then.
 *   <li>{@code sentEmails} (RETENTION_SENT_EMAIL_DAYS, 30 days after sending): the text of an e-mail we sent; long
 *       enough to resend one that did not arrive. That it was sent is kept with the record it belongs to. An e-mail
 *       that could not be sent (failed, or not known to have gone) keeps its text as long after the day it was set
 *       aside for staff: long enough for them to send it again or pass it on another way.
 * </ul>
 */
public record Retention(
        int draftDays,
        int unsuccessfulMonths,
        int partnerYears,
        int paymentYears,
        int sentEmailDays) {

    /** Payment records are kept at least this long: tax law (HMRC) can ask for them for 6 years. */
    public static final int TAX_LAW_YEARS = 6;

    public static final Retention DEFAULTS = new Retention(14, 12, 3, TAX_LAW_YEARS, 30);

    public Retention {
        positive("RETENTION_DRAFT_DAYS", draftDays);
        positive("RETENTION_UNSUCCESSFUL_MONTHS", unsuccessfulMonths);
        positive("RETENTION_PARTNER_YEARS", partnerYears);
        positive("RETENTION_SENT_EMAIL_DAYS", sentEmailDays);
        if (paymentYears < TAX_LAW_YEARS)
            throw new IllegalArgumentException(
                    "RETENTION_PAYMENT_YEARS must be at least "
                            + TAX_LAW_YEARS
                            + ": tax law needs payment records kept that long");
    }

    private static void positive(String name, int value) {
        if (value < 1)
            throw new IllegalArgumentException(name + " must be a whole number of 1 or more");
    }

    /**
     * The UK day a record's retention clock starts: the day of the outcome, the end of the involvement or the sending,
     * in Europe/London (an outcome at 00:30 BST on 1 April starts on 1 April, although it is still 31 March in UTC).
     * Records are indexed by this day, not by the day they are due, so a changed setting applies to records already
     * stored.
     */
    public static LocalDate startDay(Instant event) {
        return event.atZone(ClosingTime.UK).toLocalDate();
    }

    /**
     * The first UK day on which a record of {@code kind} whose clock started on {@code startDay} may be deleted: the
     * period after its start day (a year after 1 April is 1 April; a month after 31 January is 28 or 29 February).
     */
    public LocalDate dueOn(Kind kind, LocalDate startDay) {
        return startDay.plus(period(kind));
    }

    /**
     * The last start day whose records of {@code kind} are due on UK day {@code today}: a record is due when its start
     * day is on or before this. The retention job queries each index up to this day.
     */
    public LocalDate lastStartDayDue(Kind kind, LocalDate today) {
        LocalDate last = today.minus(period(kind));
        // Taking a period away does not undo adding it at the ends of months (29, 30 and 31 January
        // plus a month are all
        // 28 February), so move on while the next start day is also due.
        while (!dueOn(kind, last.plusDays(1)).isAfter(today)) last = last.plusDays(1);
        return last;
    }

    /**
     * The start of a payment record's clock: the first day of the UK tax year after the one it was paid in (tax years
     * run 6 April to 5 April), because tax law counts its 6 years from the end of that tax year. A payment made on 5
     * April 2027 starts on 6 April 2027; one made on 6 April 2027 starts on 6 April 2028.
     */
    public static LocalDate afterTaxYearOf(LocalDate paidOn) {
        LocalDate sixthOfApril = LocalDate.of(paidOn.getYear(), 4, 6);
        return paidOn.isBefore(sixthOfApril) ? sixthOfApril : sixthOfApril.plusYears(1);
    }

    /**
     * The first UK day a payment record paid on {@code paidOn} (and its claim) may be deleted: the payments period
     * after the end of the tax year it was paid in. Until then it is kept, restricted if the person asked for erasure.
     */
    public LocalDate paymentMayGoOn(LocalDate paidOn) {
        return dueOn(Kind.PAYMENTS, afterTaxYearOf(paidOn));
    }

    /** The kinds of record, in the order the privacy notice lists them. */
    public enum Kind {
        DRAFTS,
        UNSUCCESSFUL,
        PARTNERS,
        PAYMENTS,
        SENT_EMAILS
    }

    /** How long one kind of record is kept. */
    public Period period(Kind kind) {
        return switch (kind) {
            case DRAFTS -> Period.ofDays(draftDays);
            case UNSUCCESSFUL -> Period.ofMonths(unsuccessfulMonths);
            case PARTNERS -> Period.ofYears(partnerYears);
            case PAYMENTS -> Period.ofYears(paymentYears);
            case SENT_EMAILS -> Period.ofDays(sentEmailDays);
        };
    }

    public List<Kind> kinds() {
        return List.of(Kind.values());
    }

    /** A period as people say it: "14 days", "1 year", "18 months". Each period is in days, months or years only. */
    public static String describe(Period period) {
        if (period.getYears() > 0 && period.getMonths() == 0 && period.getDays() == 0)
            return Counts.years(period.getYears());
        if (period.getMonths() > 0 && period.getYears() == 0 && period.getDays() == 0)
            return period.getMonths() % 12 == 0
                    ? Counts.years(period.getMonths() / 12)
                    : Counts.months(period.getMonths());
        if (period.getDays() > 0 && period.getYears() == 0 && period.getMonths() == 0)
            return Counts.days(period.getDays());
        throw new IllegalArgumentException("A period of days, months or years only: " + period);
    }
}
