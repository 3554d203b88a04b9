package org.involve.core.references;

import java.time.Instant;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Words;

/** A reference's state in the words staff read: requested when, reminded, received when, or overdue. */
public final class ReferenceStates {
    private ReferenceStates() {}

    public static String describe(ReferenceRequest r) {
        if (r.received()) return words("received", "date", date(r.receivedAt()));
        StringBuilder s =
                new StringBuilder(
                        words(
                                r.overdue() ? "overdueRequested" : "requested",
                                "date",
                                date(r.requestedAt())));
        if (r.remindersSent() > 0) {
            s.append(
                    words(
                            r.remindersSent() == 1 ? "reminded.one" : "reminded.many",
                            "count",
                            r.remindersSent(),
                            "date",
                            date(r.lastRemindedAt())));
        }
        if (r.overdue()) s.append(words("overdue", "date", date(r.overdueSince())));
        else if (r.nextReminderAt() != null)
            s.append(words("nextReminder", "date", date(r.nextReminderAt())));
        return s.toString();
    }

    /** The short tag for a table: "Received", "Overdue" or "Waiting". */
    public static String tag(ReferenceRequest r) {
        return words(r.received() ? "tag.received" : r.overdue() ? "tag.overdue" : "tag.waiting");
    }

    private static String words(String key, Object... namesAndValues) {
        return Words.of("references").format("page.referenceState." + key, namesAndValues);
    }

    static String date(Instant instant) {
        return ClosingTime.displayDate(instant.atZone(ClosingTime.UK).toLocalDate());
    }
}
