package org.involve.core.kit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Applications close at 23:59 UK time on the closing date. UK time means Europe/London,
 * so the instant moves by an hour between GMT and BST; computing it through the zone keeps both right.
 */
public record ClosingTime(LocalDate closingDate) {
    public static final ZoneId UK = ZoneId.of("Europe/London");
    static final LocalTime CLOSES_AT = LocalTime.of(23, 59);

    public ClosingTime {
        if (closingDate == null) throw new IllegalArgumentException("A role needs a closing date");
    }

    public Instant instant() {
        return ZonedDateTime.of(closingDate, CLOSES_AT, UK).toInstant();
    }

    /** Accepted strictly before 23:59 UK time on the closing date. */
    public boolean isOpenAt(Instant now) {
        return now.isBefore(instant());
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
