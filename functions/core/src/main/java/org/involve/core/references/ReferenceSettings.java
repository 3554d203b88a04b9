package org.involve.core.references;

import java.time.Duration;

/**
 * How references are chased: the first reminder after {@code reminderAfterDays} UK days, then again every as many days,
 * at most {@code maximumReminders} times, after which the team is told; a link works for {@code linkLifetime} from
 * when it was sent. Addresses are those of the public site (the referee's form) and the staff site.
 */
public record ReferenceSettings(
        int reminderAfterDays,
        int maximumReminders,
        Duration linkLifetime,
        String siteUrl,
        String staffSiteUrl) {
    public ReferenceSettings {
        if (reminderAfterDays < 1)
            throw new IllegalArgumentException("Reminders need at least a day between them");
        if (maximumReminders < 0)
            throw new IllegalArgumentException("The number of reminders cannot be negative");
        if (linkLifetime == null || linkLifetime.toDays() < reminderAfterDays)
            throw new IllegalArgumentException("A link must outlive the wait for its reminder");
        siteUrl = address(siteUrl, "site");
        staffSiteUrl = address(staffSiteUrl, "staff site");
    }

    /**
     * When a request sent (or last reminded) at {@code from} is next due a reminder: the start of the UK day
     * {@code reminderAfterDays} after the UK date of {@code from}, so it is the same whichever side of a GMT/BST change.
     */
    public java.time.Instant nextReminderAfter(java.time.Instant from) {
        return from.atZone(org.involve.core.kit.ClosingTime.UK)
                .toLocalDate()
                .plusDays(reminderAfterDays)
                .atStartOfDay(org.involve.core.kit.ClosingTime.UK)
                .toInstant();
    }

    private static String address(String url, String what) {
        if (url == null || !url.matches("https?://\\S+"))
            throw new IllegalArgumentException(
                    "The " + what + " address must be an http(s) address");
        return url.replaceAll("/+$", "");
    }
}
