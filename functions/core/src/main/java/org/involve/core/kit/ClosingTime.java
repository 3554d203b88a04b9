package org.involve.core.kit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Applications close "at 11:59pm" UK time on the closing date, and the whole of that minute counts: a submission at
 * 23:59:30 is in time, one at midnight is not. UK time means Europe/London, so the instant moves by an hour between
 * GMT and BST; computing it through the zone keeps both right. Every "is the role still open" check (submitting,
 * the public pages, the closing job and its index) asks this one rule.
 */
public record ClosingTime(LocalDate closingDate) {
    public static final ZoneId UK = ZoneId.of("Europe/London");

    public ClosingTime {
        if (closingDate == null) throw new IllegalArgumentException("A role needs a closing date");
    }

    /**
     * The first instant at which applications are refused: the end of the minute 23:59 UK time, which is midnight
     * starting the next day (the clocks never change at midnight in the UK).
     */
    public Instant instant() {
        return closingDate.plusDays(1).atStartOfDay(UK).toInstant();
    }

    /** Accepted up to the last second of 23:59 UK time on the closing date. */
    public boolean isOpenAt(Instant now) {
        return now.isBefore(instant());
    }

    /**
     * UK calendar days from the closing date to {@code now}'s UK date: 1 all through the day after it, whatever the
     * hour and whether the clocks changed between (negative before the closing date).
     */
    public long daysSinceClosingDate(Instant now) {
        return ChronoUnit.DAYS.between(closingDate, now.atZone(UK).toLocalDate());
    }

    /** As the site and e-mails show it: "8 December 2024 at 11:59pm". */
    public String display() {
        return displayDate(closingDate) + " at 11:59pm";
    }

    public static String displayDate(LocalDate date) {
        return date.getDayOfMonth() + " " + monthAndYear(date);
    }

    /** "March 2025". English month names are spelled out here: loading the JDK's locale data for them slows a cold start. */
    public static String monthAndYear(LocalDate date) {
        return MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    private static final String[] MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December"
    };
}
