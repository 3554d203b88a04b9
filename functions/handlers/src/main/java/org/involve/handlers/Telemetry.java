package org.involve.handlers;

import org.involve.adapters.Settings;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** Powertools metrics with the namespace from settings, so they work the same in Lambda and in the local runtime. */
public final class Telemetry {
    private Telemetry() {}

    public static Metrics metrics() {
        Metrics m = MetricsFactory.getMetricsInstance();
        m.setNamespace(Settings.optional("POWERTOOLS_METRICS_NAMESPACE", "Involve"));
        return m;
    }
}
