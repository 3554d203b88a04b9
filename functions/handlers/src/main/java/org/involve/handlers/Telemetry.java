package org.involve.handlers;

import org.involve.adapters.Settings;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/** Powertools metrics with the namespace from settings, so they work the same in Lambda and in the local runtime. */
public final class Telemetry {
    private Telemetry() {}

    static {
        // Outside Lambda (the local runtime, tests) the metrics library would look for a CloudWatch
        // agent on a local
        // port; writing the lines to standard output instead shows them beside the logs, as Lambda
        // does.
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") == null)
            EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Local);
    }

    public static Metrics metrics() {
        Metrics m = MetricsFactory.getMetricsInstance();
        m.setNamespace(Settings.optional("POWERTOOLS_METRICS_NAMESPACE", "Involve"));
        return m;
    }

    /** Adds one to a count metric and writes it at once (an embedded-metric log line CloudWatch turns into a metric). */
    public static void count(String name) {
        Metrics m = metrics();
        m.addMetric(name, 1, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
        m.flush();
    }
}
