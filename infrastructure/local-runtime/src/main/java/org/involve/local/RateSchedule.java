package org.involve.local;

import java.time.Duration;
import java.time.Instant;

/** {@code rate(5 minutes)}: a fixed interval from when the schedule was created, whatever the clocks do. */
record RateSchedule(Duration period, Instant anchor) implements ScheduleExpression {

    static RateSchedule parse(String body, Instant anchor) {
        String[] parts = body.trim().split("\\s+");
        if (parts.length != 2)
            throw new IllegalArgumentException(
                    "Bad rate(" + body + "): expected rate(N minutes|hours|days)");
        long n = Long.parseLong(parts[0]);
        if (n <= 0)
            throw new IllegalArgumentException(
                    "Bad rate(" + body + "): the value must be positive");
        Duration unit =
                switch (parts[1]) {
                    case "minute", "minutes" -> Duration.ofMinutes(1);
                    case "hour", "hours" -> Duration.ofHours(1);
                    case "day", "days" -> Duration.ofDays(1);
                    default ->
                            throw new IllegalArgumentException(
                                    "Bad rate(" + body + "): unit must be minutes, hours or days");
                };
        return new RateSchedule(unit.multipliedBy(n), anchor);
    }

    @Override
    public Instant next(Instant after) {
        if (after.isBefore(anchor)) return anchor.plus(period);
        long elapsed = Duration.between(anchor, after).toMillis();
        long periods = elapsed / period.toMillis() + 1;
        return anchor.plus(period.multipliedBy(periods));
    }
}
