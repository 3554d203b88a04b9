package org.involve.local;

import java.time.Instant;
import java.time.ZoneId;

/** When a schedule of the template fires: EventBridge Scheduler's {@code rate(...)} or {@code cron(...)}. */
interface ScheduleExpression {

    /** The first firing strictly after {@code after}. */
    Instant next(Instant after);

    /**
     * @param anchor when the schedule was created: rates count from it, as EventBridge Scheduler's do
     */
    static ScheduleExpression parse(String expression, ZoneId zone, Instant anchor) {
        String e = expression.trim();
        if (e.startsWith("rate(") && e.endsWith(")"))
            return RateSchedule.parse(e.substring(5, e.length() - 1), anchor);
        if (e.startsWith("cron(") && e.endsWith(")"))
            return CronSchedule.parse(e.substring(5, e.length() - 1), zone);
        throw new IllegalArgumentException(
                "Unsupported schedule expression "
                        + expression
                        + ": expected rate(...) or cron(...)");
    }
}
