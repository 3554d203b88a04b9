package org.involve.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.involve.adapters.Settings;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.internal.RequestScopedMetricsProxy;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

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
        m.setNamespace(namespace());
        return m;
    }

    private static String namespace() {
        return Settings.optional("POWERTOOLS_METRICS_NAMESPACE", "Involve");
    }

    /**
     * SnapStart priming: counts a metric and flushes it as the handlers do (Powertools' request-scoped metrics over an
     * EMF logger, the embedded-metric JSON made by EMF's Jackson mapper), into an environment like the function's own
     * whose sink makes the log line and drops it: nothing reaches the log stream, so CloudWatch counts nothing.
     *
     * @return the embedded-metric lines made and dropped
     */
    public static List<String> prime() {
        List<String> dropped = new ArrayList<>();
        Metrics m =
                new RequestScopedMetricsProxy(
                        () -> new EmfMetricsLogger(new Dropping(dropped), new MetricsContext()));
        m.setNamespace(namespace());
        m.setDefaultDimensions(
                DimensionSet.of(
                        "Service", Settings.optional("POWERTOOLS_SERVICE_NAME", "involve")));
        m.addMetric("Priming", 1, MetricUnit.COUNT);
        m.flush();
        return dropped;
    }

    /**
     * The function's own metrics environment (Lambda's, or the local one), resolved as a flush resolves it, but with a
     * sink that serialises each metrics context as the console sink does and keeps the lines only in {@code dropped}.
     */
    private static final class Dropping extends EnvironmentProvider {
        private final List<String> dropped;

        Dropping(List<String> dropped) {
            this.dropped = dropped;
        }

        @Override
        public CompletableFuture<Environment> resolveEnvironment() {
            return super.resolveEnvironment().thenApply(this::dropping);
        }

        @Override
        public Environment getDefaultEnvironment() {
            return dropping(super.getDefaultEnvironment());
        }

        private Environment dropping(Environment real) {
            ISink sink =
                    new ISink() {
                        @Override
                        public void accept(MetricsContext context) {
                            try {
                                dropped.addAll(context.serialize());
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException(e);
                            }
                        }

                        @Override
                        public CompletableFuture<Void> shutdown() {
                            return CompletableFuture.completedFuture(null);
                        }
                    };
            return new Environment() {
                @Override
                public boolean probe() {
                    return real.probe();
                }

                @Override
                public String getName() {
                    return real.getName();
                }

                @Override
                public String getType() {
                    return real.getType();
                }

                @Override
                public String getLogGroupName() {
                    return real.getLogGroupName();
                }

                @Override
                public void configureContext(MetricsContext context) {
                    real.configureContext(context);
                }

                @Override
                public ISink getSink() {
                    return sink;
                }
            };
        }
    }

    /** Adds one to a count metric and writes it at once (an embedded-metric log line CloudWatch turns into a metric). */
    public static void count(String name) {
        Metrics m = metrics();
        m.addMetric(name, 1, software.amazon.lambda.powertools.metrics.model.MetricUnit.COUNT);
        m.flush();
    }
}
