package org.involve.core.links;

/**
 * What a link lets its holder do. The purpose is signed into the link, so a referee's link can never be
 * used to book an interview or to act as a partner.
 */
public enum LinkPurpose {
    REFERENCE("ref"),
    INTERVIEW_BOOKING("book"),
    PARTNER("partner"),
    /** An applicant withdrawing their application (not one-use: withdrawing twice is harmless). */
    WITHDRAW("withdraw"),
    /** An applicant carrying on with their unsent application, in any browser (not one-use). */
    CONTINUE_APPLICATION("continue");

    private final String code;

    LinkPurpose(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static LinkPurpose fromCode(String code) {
        for (LinkPurpose p : values()) if (p.code.equals(code)) return p;
        return null;
    }
}
