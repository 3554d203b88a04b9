package org.involve.core.application;

import java.util.Map;

/**
 * What the team records on an application as they handle it, read from and written to its facts here only (stored in
 * its {@code progress} map under {@code applications.*}; the names and values must not change, stored applications
 * use them). Each is null until recorded.
 *
 * @param channel       how an application staff entered reached them: "telephone", "voice-recording" or "post"
 * @param enteredByName the name of the member of staff who entered it (the audit trail keeps their sign-in id)
 * @param acknowledged  how, when and by whom staff acknowledged it themselves, in plain words
 * @param talkFirst     the result of the talk-to-us-first conversation, in plain words, with the reason when it does not go ahead
 * @param talkFirstBy   who recorded that conversation, and on what day
 * @param supportDone   who marked the applicant's request for support or another format done, and on what day
 */
public record HandlingFacts(
        String channel,
        String enteredByName,
        String acknowledged,
        String talkFirst,
        String talkFirstBy,
        String supportDone) {
    private static final String CHANNEL = "applications.channel",
            ENTERED_BY_NAME = "applications.enteredByName",
            ACKNOWLEDGED = "applications.acknowledged",
            TALK_FIRST = "applications.talkFirst",
            TALK_FIRST_BY = "applications.talkFirstBy",
            SUPPORT_DONE = "applications.supportDone";

    public static HandlingFacts of(Application a) {
        return new HandlingFacts(
                Facts.text(a, CHANNEL),
                Facts.text(a, ENTERED_BY_NAME),
                Facts.text(a, ACKNOWLEDGED),
                Facts.text(a, TALK_FIRST),
                Facts.text(a, TALK_FIRST_BY),
                Facts.text(a, SUPPORT_DONE));
    }

    /** Entered by staff rather than online. */
    public boolean enteredByStaff() {
        return channel != null;
    }

    static Map<String, String> entered(String channel, String enteredByName) {
        return Facts.written().put(CHANNEL, channel).put(ENTERED_BY_NAME, enteredByName).map();
    }

    static Map<String, String> acknowledged(String how) {
        return Facts.written().put(ACKNOWLEDGED, how).map();
    }

    /** The facts of marking a request for support or another format done ({@code by}: who, and on what day). */
    public static Map<String, String> supportDone(String by) {
        return Facts.written().put(SUPPORT_DONE, by).map();
    }

    static Map<String, String> talkedFirst(String result, String by) {
        return Facts.written().put(TALK_FIRST, result).put(TALK_FIRST_BY, by).map();
    }
}
