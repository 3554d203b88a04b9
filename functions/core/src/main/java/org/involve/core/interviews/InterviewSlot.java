package org.involve.core.interviews;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One interview time for one person: when it starts (an instant, so GMT and BST are settled when it is set) and how
 * long it lasts. {@code bookedBy} is the application reference once someone has booked it, null while it is free.
 * The id is the slot's UK start time ("2024-12-17T10-30"), so setting the same time twice makes one slot.
 */
public record InterviewSlot(
        String roleId,
        String slotId,
        Instant startsAt,
        int minutes,
        String bookedBy,
        String applicantKey) {
    public static final int SHORTEST_MINUTES = 10, LONGEST_MINUTES = 240;

    public InterviewSlot {
        if (roleId == null || roleId.isBlank())
            throw new IllegalArgumentException("A slot belongs to a role");
        if (slotId == null || !slotId.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}"))
            throw new IllegalArgumentException("A slot id is its UK start time");
        if (startsAt == null) throw new IllegalArgumentException("A slot needs a start time");
        if (minutes < SHORTEST_MINUTES || minutes > LONGEST_MINUTES)
            throw new IllegalArgumentException("A slot lasts 10 to 240 minutes");
    }

    /** A free slot starting at {@code ukStart}, UK time. */
    public static InterviewSlot free(String roleId, LocalDateTime ukStart, int minutes) {
        return new InterviewSlot(
                roleId, idOf(ukStart), InterviewTime.instant(ukStart), minutes, null, null);
    }

    public static String idOf(LocalDateTime ukStart) {
        return String.format(
                "%04d-%02d-%02dT%02d-%02d",
                ukStart.getYear(),
                ukStart.getMonthValue(),
                ukStart.getDayOfMonth(),
                ukStart.getHour(),
                ukStart.getMinute());
    }

    public boolean free() {
        return bookedBy == null;
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(minutes));
    }

    public boolean overlaps(InterviewSlot other) {
        return startsAt.isBefore(other.endsAt()) && other.startsAt.isBefore(endsAt());
    }

    /** "Tuesday 17 December 2024 at 10:30am (45 minutes)". */
    public String describe() {
        return org.involve.core.kit.Words.of("interviews")
                .format(
                        "page.slot.describe",
                        "when",
                        InterviewTime.display(startsAt),
                        "minutes",
                        minutes);
    }

    public InterviewSlot bookedFor(String reference, String applicantKey) {
        return new InterviewSlot(roleId, slotId, startsAt, minutes, reference, applicantKey);
    }
}
