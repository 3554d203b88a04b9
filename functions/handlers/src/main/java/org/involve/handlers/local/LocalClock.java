package org.involve.handlers.local;

import java.time.Clock;
import java.util.Optional;

/**
 * The clock the local runtime may give the functions, so that people can rehearse a closing day and black-box tests
 * can cross midnight (INVOLVE_CLOCK / INVOLVE_CLOCK_SHIFT, read by the local runtime). Only the local runtime sets it,
 * before any function starts; nothing deployed to AWS does, so there every function uses the system clock.
 */
public final class LocalClock {
    private static volatile Clock chosen;

    private LocalClock() {}

    /** Called by the local runtime only (an architecture test says so). */
    public static void use(Clock clock) {
        chosen = clock;
    }

    public static Optional<Clock> chosen() {
        return Optional.ofNullable(chosen);
    }
}
