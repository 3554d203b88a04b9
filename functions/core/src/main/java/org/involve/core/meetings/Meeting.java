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
 * @param version     1 when planned, one more at each change or the cancelling; staff forms carry it
 * @param cancelledAt when staff cancelled it, or null: a cancelled meeting takes no attendance and counts nowhere
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
        Instant plannedAt,
        int version,
        Instant cancelledAt) {
    /** A meeting as planned: version 1, not cancelled. */
    public Meeting(
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
        this(
                id,
                roleId,
                date,
                time,
                minutes,
                place,
                videoLink,
                papers,
                papersDue,
                papersSent,
                invited,
                plannedBy,
                plannedAt,
                1,
                null);
    }

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
        if (version <= 0) version = 1; // stored before meetings had versions
    }

    public boolean cancelled() {
        return cancelledAt != null;
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

    /** Held on or before {@code today} (so attendance can be recorded); a cancelled meeting is never held. */
    public boolean heldBy(LocalDate today) {
        return !cancelled() && !date.isAfter(today);
    }

    /** The same meeting with its papers sent on {@code day}: out of the papers index. */
    public Meeting papersSentOn(LocalDate day) {
        return new Meeting(
                id,
                roleId,
                date,
                time,
                minutes,
                place,
                videoLink,
                papers,
                null,
                day,
                invited,
                plannedBy,
                plannedAt,
                version,
                cancelledAt);
    }

    /**
     * The same meeting with new details, one version on. Its papers go (again) on {@code papersDue} when they changed
     * or were not sent yet; otherwise the day they were sent stands.
     */
    public Meeting changedTo(
            LocalDate date,
            LocalTime time,
            int minutes,
            String place,
            String videoLink,
            String papers,
            LocalDate papersDue) {
        boolean papersChanged = !this.papers.equals(papers == null ? "" : papers.strip());
        boolean resend = papersChanged || papersSent == null;
        return new Meeting(
                id,
                roleId,
                date,
                time,
                minutes,
                place,
                videoLink,
                papers,
                resend ? papersDue : null,
                resend ? null : papersSent,
                invited,
                plannedBy,
                plannedAt,
                version + 1,
                null);
    }

    /** The same meeting cancelled at {@code now}, one version on, out of the papers index. */
    public Meeting cancelledAt(Instant now) {
        return new Meeting(
                id,
                roleId,
                date,
                time,
                minutes,
                place,
                videoLink,
                papers,
                null,
                papersSent,
                invited,
                plannedBy,
                plannedAt,
                version + 1,
                now);
    }

    public String auditRecord() {
        return "meeting:" + id;
    }
}
