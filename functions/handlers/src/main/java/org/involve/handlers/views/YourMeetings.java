package org.involve.handlers.views;

import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Words;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.meetings.PartnerMeetings;

/**
 * The words for a partner's meetings on their "your involvement" page (partners/meetings.jte): how long, the papers
 * (sent, to be sent on a day, or none) and what staff recorded for them. Nothing staff-only: who planned it stays out.
 */
public final class YourMeetings {
    private static final Words W = Words.of("meetings");

    private YourMeetings() {}

    public static String length(Meeting m) {
        return MeetingLetters.length(m.minutes());
    }

    public static String papers(Meeting m) {
        if (m.papers().isEmpty()) return W.get("page.you.meetings.papers.none");
        if (m.papersSent() != null)
            return W.format(
                    "page.you.meetings.papers.sent",
                    "date",
                    ClosingTime.displayDate(m.papersSent()));
        if (m.papersDue() != null)
            return W.format(
                    "page.you.meetings.papers.due", "date", ClosingTime.displayDate(m.papersDue()));
        return W.get("page.you.meetings.papers.notYet");
    }

    /** "You came (2 hours)", "You sent apologies", "You did not come" or "Not recorded yet". */
    public static String recorded(PartnerMeetings.Item item) {
        var a = item.attendance();
        if (a == null) return W.get("page.you.meetings.notRecorded");
        return switch (a.mark()) {
            case ATTENDED ->
                    W.format(
                            "page.you.meetings.attended",
                            "length",
                            MeetingLetters.length(a.minutes()));
            case APOLOGIES -> W.get("page.you.meetings.apologies");
            case ABSENT -> W.get("page.you.meetings.absent");
        };
    }
}
