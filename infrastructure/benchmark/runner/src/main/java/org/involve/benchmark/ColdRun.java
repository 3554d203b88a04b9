package org.involve.benchmark;

import java.util.Map;

/**
 * What one fresh JVM measured.
 *
 * @param outsideMillis process start (as the runner launched it) to the first response, timed by the runner
 * @param phases        milliseconds since the JVM started, by its own clock: main, event, context (Involve's handlers),
 *                      init, primed (primed rows), first; and cpu, the
 *                      CPU milliseconds of all its threads up to the first response
 * @param warmNanos     each warm request's duration
 */
record ColdRun(
        Scenario scenario, double outsideMillis, Map<String, Double> phases, long[] warmNanos) {
    double phase(String name) {
        return phases.getOrDefault(name, Double.NaN);
    }

    /** JVM start to the launcher's main: the JVM's own boot. */
    double jvmBoot() {
        return phase("main");
    }

    /** Lambda's init phase: loading the handler class and its no-argument constructor (and the priming, when primed). */
    double init() {
        return phases.getOrDefault("primed", phase("init")) - phase("event");
    }

    /**
     * Of init, the start of an Involve function's bean context (its settings, logging and Micronaut's context), which
     * the launcher times on its own just before the constructor; NaN for a handler without one (the baseline).
     */
    double beanContext() {
        return phases.containsKey("context") ? phase("context") - phase("event") : Double.NaN;
    }

    /** CPU time of all the JVM's threads (JIT and GC included) up to the first response. */
    double cpu() {
        return phase("cpu");
    }

    /** The first handleRequest (after the priming, when the scenario is primed). */
    double firstInvoke() {
        return phase("first") - phases.getOrDefault("primed", phase("init"));
    }

    /** The priming between init and the first request, which a SnapStart snapshot holds; 0 when not primed. */
    double priming() {
        return phases.containsKey("primed") ? phase("primed") - phase("init") : 0;
    }
}
