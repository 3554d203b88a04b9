package org.involve.emulators;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects an emulator, or something it offers (its client), into test constructors and methods. */
abstract class EmulatorParameters<T extends AutoCloseable> implements ParameterResolver {
    private final Class<T> type;
    private final Map<Class<?>, Function<T, ?>> offers;

    EmulatorParameters(Class<T> type, Map<Class<?>, Function<T, ?>> offers) {
        this.type = type;
        this.offers = offers;
    }

    /** Starts the emulator; called once per test run. */
    abstract T start();

    T emulator(ExtensionContext context) {
        return SharedEmulator.in(context, type, this::start);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> wanted = parameter.getParameter().getType();
        return wanted == type || offers.containsKey(wanted);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> wanted = parameter.getParameter().getType();
        T emulator = emulator(context);
        return wanted == type ? emulator : offers.get(wanted).apply(emulator);
    }

    /** What every SDK client built by the code under test needs to reach an emulator. */
    static void useDummyCredentials() {
        System.setProperty("aws.region", LocalAws.REGION.id());
        System.setProperty("AWS_REGION", LocalAws.REGION.id());
        System.setProperty("aws.accessKeyId", LocalAws.ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", LocalAws.SECRET_ACCESS_KEY);
    }
}
