package org.involve.local;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The local runtime's clock for rehearsals: INVOLVE_CLOCK starts the clock at a given time, which then runs on
 * (an instant such as 2026-12-08T23:58:00Z, or a UK local time such as 2026-12-08T23:58); INVOLVE_CLOCK_SHIFT moves
 * it by an ISO-8601 duration (P1D a day on, PT-2H two hours back). Each is a system property (-D) or an environment
 * variable of that name. Neither given: the real time.
 */
final class RehearsalTime {
    static final ZoneId UK = ZoneId.of("Europe/London");

    private RehearsalTime() {}

    /** The clock the settings ask for, or empty for the real time; a setting that does not parse says why. */
    static Optional<Clock> from(String start, String shift, Clock real) {
        Duration offset = Duration.ZERO;
        if (present(start))
            offset = offset.plus(Duration.between(real.instant(), instant(start.trim())));
        if (present(shift)) {
            try {
                offset = offset.plus(Duration.parse(shift.trim()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "INVOLVE_CLOCK_SHIFT must be an ISO-8601 duration such as P1D or PT-2H, not "
                                + shift);
            }
        }
        return offset.isZero() && !present(start)
                ? Optional.empty()
                : Optional.of(Clock.offset(real, offset));
    }

    static Optional<Clock> fromEnvironment() {
        return from(setting("INVOLVE_CLOCK"), setting("INVOLVE_CLOCK_SHIFT"), Clock.systemUTC());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException notAnInstant) {
            try {
                return LocalDateTime.parse(text).atZone(UK).toInstant();
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "INVOLVE_CLOCK must be a time such as 2026-12-08T23:58 (UK time) or 2026-12-08T23:58:00Z, not "
                                + text);
            }
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }
}
