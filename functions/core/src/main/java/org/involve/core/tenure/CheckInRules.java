package org.involve.core.tenure;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerStatus;

/**
 * When annual check-ins happen, on UK dates. The {@code n}th check-in is due on the {@code n}th anniversary of the
 * start ({@code start.plusYears(n)}: someone who started on 29 February is asked on 28 February in other years). The
 * daily job asks on the day, or on one of the {@link #CATCH_UP_DAYS} days after when it did not run; a check-in whose
 * team record is still missing {@link #CHASE_AFTER_DAYS} days after asking is chased, once.
 *
 * <p>The job's list comes from an index keyed by the start's day of the year ({@link #dayKey}), so it reads only the
 * partners whose anniversary fell in the last few days ({@link #dayKeyRanges}).
 */
public final class CheckInRules {
    /** Days after asking before a check-in with no team record is chased. */
    public static final int CHASE_AFTER_DAYS = 14;

    /** Days after an anniversary a job that did not run still asks. */
    public static final int CATCH_UP_DAYS = 7;

    private CheckInRules() {}

    /** The {@code year}th anniversary of {@code start}. */
    public static LocalDate anniversary(LocalDate start, int year) {
        if (year < 1) throw new IllegalArgumentException("Check-ins start after one year");
        return start.plusYears(year);
    }

    /** The latest check-in due on or before {@code today} (0 before the first anniversary). */
    public static int yearDue(LocalDate start, LocalDate today) {
        int n = Math.max(0, today.getYear() - start.getYear());
        while (n > 0 && anniversary(start, n).isAfter(today)) n--;
        return n;
    }

    /**
     * The check-in to ask today, or 0: a partner still in the role (active or paused), whose latest anniversary was at
     * most {@link #CATCH_UP_DAYS} days ago and before their time in the role ends.
     */
    public static int toAsk(Appointment a, LocalDate today) {
        if (a.status() != PartnerStatus.ACTIVE && a.status() != PartnerStatus.PAUSED) return 0;
        int n = yearDue(a.start(), today);
        if (n == 0) return 0;
        LocalDate due = anniversary(a.start(), n);
        if (!due.isBefore(a.ends())) return 0;
        return due.isAfter(today.minusDays(CATCH_UP_DAYS)) ? n : 0;
    }

    public static LocalDate chaseOn(CheckIn c) {
        return c.askedOn().plusDays(CHASE_AFTER_DAYS);
    }

    /** Still waits for its one reminder: not held, not chased. */
    public static boolean awaitsChase(CheckIn c) {
        return !c.held() && c.chasedOn() == null;
    }

    public static boolean chaseDue(CheckIn c, LocalDate today) {
        return awaitsChase(c) && !today.isBefore(chaseOn(c));
    }

    /** The index key of a start day: its month and day, "MM-dd" (29 February is "02-29"). */
    public static String dayKey(LocalDate start) {
        return MonthDay.from(start).toString().substring(2);
    }

    /** An inclusive range of day keys. */
    public record KeyRange(String from, String to) {}

    /**
     * The day keys whose anniversary fell within the catch-up days up to {@code today}: one range, or two across the
     * new year. In a year without 29 February, a range reaching 28 February also takes "02-29".
     */
    public static List<KeyRange> dayKeyRanges(LocalDate today) {
        LocalDate from = today.minusDays(CATCH_UP_DAYS - 1L);
        String f = dayKey(from), t = dayKey(today);
        if (!today.isLeapYear() && t.equals("02-28")) t = "02-29";
        List<KeyRange> out = new ArrayList<>();
        if (from.getYear() == today.getYear()) out.add(new KeyRange(f, t));
        else {
            out.add(new KeyRange(f, "12-31"));
            out.add(new KeyRange("01-01", t));
        }
        return out;
    }
}
