package org.involve.adapters;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests an {@link AwsEnvironment}, started once for the whole run and closed at its end. LocalStack is
 * loaded by name, so Testcontainers is needed on the class path only under the {@code localstack} profile.
 */
final class AwsEnvironmentExtension implements ParameterResolver {
    private static final String LOCALSTACK = "org.involve.adapters.LocalStackEnvironment";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AwsEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(AwsEnvironmentExtension.class))
                .getOrComputeIfAbsent(
                        AwsEnvironment.class, k -> new Started(start()), Started.class)
                .environment();
    }

    private static AwsEnvironment start() {
        if (!"localstack".equals(System.getProperty(AwsEnvironment.SELECTOR)))
            return EmulatorEnvironment.start();
        try {
            return (AwsEnvironment) Class.forName(LOCALSTACK).getMethod("start").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("LocalStack environment could not start", e);
        }
    }

    /** Closes the environment when JUnit closes the root store, after the last test (older JUnits look for CloseableResource). */
    @SuppressWarnings("deprecation")
    private record Started(AwsEnvironment environment)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            environment.close();
        }
    }
}
