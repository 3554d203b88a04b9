package org.involve.core.references;

import org.involve.core.kit.ClosingTime;

import java.time.Instant;

/** A reference's state in the words staff read: requested when, reminded, received when, or overdue. */
public final class ReferenceStates {
    private ReferenceStates() {}

    public static String describe(ReferenceRequest r) {
        if (r.received()) return "Received " + date(r.receivedAt());
        StringBuilder s = new StringBuilder(r.overdue() ? "Overdue: requested " : "Requested ").append(date(r.requestedAt()));
        if (r.remindersSent() > 0) {
            s.append(", reminded ").append(r.remindersSent()).append(r.remindersSent() == 1 ? " time" : " times")
                    .append(" (last on ").append(date(r.lastRemindedAt())).append(")");
        }
        if (r.overdue()) s.append(". No answer yet: team told ").append(date(r.overdueSince()));
        else if (r.nextReminderAt() != null) s.append(". Next reminder ").append(date(r.nextReminderAt()));
        return s.toString();
    }

    /** The short tag for a table: "Received", "Overdue" or "Waiting". */
    public static String tag(ReferenceRequest r) {
        return r.received() ? "Received" : r.overdue() ? "Overdue" : "Waiting";
    }

    static String date(Instant instant) {
        return ClosingTime.displayDate(instant.atZone(ClosingTime.UK).toLocalDate());
    }
}
