package org.involve.core.impact;

import java.time.Instant;
import java.time.LocalDate;
import org.involve.core.kit.Version;

/**
 * One "you said, we did" entry in a group's impact log: what partners said, what changed because of it, for one role's
 * group and optionally one of its meetings.
 *
 * @param day       the UK day it was recorded, which the report's year and the tenure thank-you count by
 * @param meetingId the meeting it came from, or "" when none
 * @param sentOn    the UK day it went to the group's partners in a digest, or null while not sent
 * @param revision  counts the changes to it (an edit, the sending), so two staff cannot overwrite each other
 */
public record ImpactEntry(
        String id,
        String roleId,
        String meetingId,
        LocalDate day,
        String youSaid,
        String weDid,
        String recordedBy,
        Instant recordedAt,
        LocalDate sentOn,
        long revision) {
    public ImpactEntry {
        if (id == null || roleId == null || day == null || recordedBy == null || recordedAt == null)
            throw new IllegalArgumentException("An impact entry is missing a required value");
        meetingId = meetingId == null ? "" : meetingId.strip();
        youSaid = youSaid == null ? "" : youSaid.strip();
        weDid = weDid == null ? "" : weDid.strip();
        if (youSaid.isEmpty() || weDid.isEmpty())
            throw new IllegalArgumentException(
                    "An impact entry says what was said and what was done");
        if (revision < 1)
            throw new IllegalArgumentException("A stored entry has a revision from 1");
    }

    public boolean sent() {
        return sentOn != null;
    }

    public boolean hasMeeting() {
        return !meetingId.isEmpty();
    }

    /** The version a staff form carries: any change to the entry gives another. */
    public String version() {
        return Version.of(id + "|" + revision + "|" + meetingId + "|" + youSaid + "|" + weDid);
    }

    /** The same entry with new words (and meeting), one revision on. */
    public ImpactEntry changed(String meetingId, String youSaid, String weDid) {
        return new ImpactEntry(
                id,
                roleId,
                meetingId,
                day,
                youSaid,
                weDid,
                recordedBy,
                recordedAt,
                sentOn,
                revision + 1);
    }

    /** The same entry sent to partners on {@code on}, one revision on: out of the unsent index. */
    public ImpactEntry sentOn(LocalDate on) {
        return new ImpactEntry(
                id,
                roleId,
                meetingId,
                day,
                youSaid,
                weDid,
                recordedBy,
                recordedAt,
                on,
                revision + 1);
    }

    public String auditRecord() {
        return "impact:" + id;
    }
}
