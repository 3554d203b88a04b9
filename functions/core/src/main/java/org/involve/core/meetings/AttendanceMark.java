package org.involve.core.meetings;

/** What staff record for one invited partner at one meeting. */
public enum AttendanceMark {
    ATTENDED,
    APOLOGIES,
    ABSENT;

    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AttendanceMark fromSlug(String s) {
        for (AttendanceMark m : values()) if (m.slug().equals(s)) return m;
        return null;
    }
}
