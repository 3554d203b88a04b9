package org.involve.core.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.UkTime;

/**
 * One meeting of a role's group: when (a UK date and clock time, so it is right in GMT and BST), how long, where (a
 * place, a video link or both), its papers (a link or short text) and the partners invited (appointment ids).
 *
 * @param papersDue  the day the job sends the papers; null when there are no papers or once they are sent
 * @param papersSent the day they were sent, or null
 */
public record Meeting(
        String id,
        String roleId,
        LocalDate date,
        LocalTime time,
        int minutes,
        String place,
        String videoLink,
        String papers,
        LocalDate papersDue,
        LocalDate papersSent,
        List<String> invited,
        String plannedBy,
        Instant plannedAt) {
    public Meeting {
        if (id == null || roleId == null || date == null || time == null || plannedAt == null)
            throw new IllegalArgumentException("A meeting is missing a required value");
        if (minutes <= 0) throw new IllegalArgumentException("A meeting must last some time");
        place = place == null ? "" : place.strip();
        videoLink = videoLink == null ? "" : videoLink.strip();
        papers = papers == null ? "" : papers.strip();
        if (place.isEmpty() && videoLink.isEmpty())
            throw new IllegalArgumentException("A meeting needs a place or a video link");
        invited = List.copyOf(invited == null ? List.of() : invited);
    }

    /** When it starts, as an instant: the UK clock time on that day, in GMT or BST as the day needs. */
    public Instant startsAt() {
        return ZonedDateTime.of(date, time, ClosingTime.UK).toInstant();
    }

    /** "4 March 2027 at 6:30pm". */
    public String when() {
        return UkTime.display(startsAt());
    }

    public boolean papersAreLink() {
        return papers.matches("https?://\\S+");
    }

    public boolean isInvited(String appointmentId) {
        return invited.contains(appointmentId);
    }

    /** Held on or before {@code today} (so attendance can be recorded). */
    public boolean heldBy(LocalDate today) {
        return !date.isAfter(today);
    }

    /** The same meeting with its papers sent on {@code day}: out of the papers index. */
    public Meeting papersSentOn(LocalDate day) {
        return new Meeting(
                id, roleId, date, time, minutes, place, videoLink, papers, null, day, invited,
                plannedBy, plannedAt);
    }

    public String auditRecord() {
        return "meeting:" + id;
    }
}
