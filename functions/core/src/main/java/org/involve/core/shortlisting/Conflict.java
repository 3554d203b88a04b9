package org.involve.core.shortlisting;

import java.time.Instant;

/**
 * A panel member's declared conflict of interest with one applicant ("I know this person"), with an optional short
 * note for staff. It takes them out of that applicant's scoring: they cannot score them, and the applicant is fully
 * scored without them. Declared once; kept with the papers, so it names only the panel member and the anonymous id.
 */
public record Conflict(
        String roleId, String applicantId, String panelMemberId, String note, Instant declaredAt) {
    /** The longest note: a few words for staff, not an account of the applicant. */
    public static final int NOTE_LENGTH = 200;

    public Conflict {
        if (roleId == null || applicantId == null || panelMemberId == null || declaredAt == null)
            throw new IllegalArgumentException(
                    "A conflict needs the role, applicant, panel member and time");
        note = note == null ? "" : note.strip();
        if (note.length() > NOTE_LENGTH)
            throw new IllegalArgumentException("A conflict's note must be short");
    }

    public boolean hasNote() {
        return !note.isEmpty();
    }
}
