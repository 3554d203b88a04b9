package org.involve.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} evaluated in the schedule's time zone, so
 * {@code cron(0 9 * * ? *)} in Europe/London fires at 09:00 on both sides of the GMT/BST change. Day-of-week runs
 * 1-7 from Sunday, as in AWS. A time the clocks skip fires when they land; a time that occurs twice fires once.
 */
record CronSchedule(
        CronField minutes,
        CronField hours,
        CronField daysOfMonth,
        CronField months,
        CronField daysOfWeek,
        CronField years,
        ZoneId zone)
        implements ScheduleExpression {
    private static final int SEARCH_YEARS = 5;
    private static final List<String> MONTHS =
            List.of(
                    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                    "DEC");
    private static final List<String> DAYS =
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    static CronSchedule parse(String body, ZoneId zone) {
        String[] f = body.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException(
                    "Bad cron("
                            + body
                            + "): AWS cron has 6 fields (minutes hours day-of-month month day-of-week year)");
        }
        return new CronSchedule(
                CronField.of(f[0], 0, 59, "minutes"),
                CronField.of(f[1], 0, 23, "hours"),
                CronField.of(f[2], 1, 31, "day-of-month"),
                CronField.named(f[3], 1, 12, MONTHS, "month"),
                CronField.named(f[4], 1, 7, DAYS, "day-of-week"),
                CronField.of(f[5], 1970, 2199, "year"),
                zone);
    }

    @Override
    public Instant next(Instant after) {
        LocalDate day = LocalDateTime.ofInstant(after, zone).toLocalDate();
        LocalDate last = day.plusYears(SEARCH_YEARS);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!dayMatches(day)) continue;
            for (int h = 0; h < 24; h++) {
                if (!hours.matches(h)) continue;
                for (int m = 0; m < 60; m++) {
                    if (!minutes.matches(m)) continue;
                    // atZone moves a skipped local time forward by the gap and picks the earlier of
                    // a repeated one
                    Instant candidate = day.atTime(LocalTime.of(h, m)).atZone(zone).toInstant();
                    if (candidate.isAfter(after)) return candidate;
                }
            }
        }
        throw new IllegalStateException(
                "cron schedule never fires within " + SEARCH_YEARS + " years");
    }

    private boolean dayMatches(LocalDate day) {
        if (!years.matches(day.getYear()) || !months.matches(day.getMonthValue())) return false;
        int awsDayOfWeek = day.getDayOfWeek().getValue() % 7 + 1; // Sunday 1 ... Saturday 7
        boolean dom = daysOfMonth.matches(day.getDayOfMonth());
        boolean dow = daysOfWeek.matches(awsDayOfWeek);
        return dom && dow;
    }
}
