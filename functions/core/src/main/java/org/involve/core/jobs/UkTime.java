package org.involve.core.jobs;

import org.involve.core.role.ClosingTime;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants shown as people in the UK read them: "27 October 2025 at 10:00am", in GMT or BST as the date needs. */
public final class UkTime {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private UkTime() {}

    public static String display(Instant instant) {
        ZonedDateTime t = instant.atZone(ClosingTime.UK);
        return ClosingTime.displayDate(t.toLocalDate()) + " at " + TIME.format(t).toLowerCase(Locale.UK);
    }
}
