package org.involve.emulators;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator for the whole test run: kept in the root extension store, so every test class shares it and JUnit
 * stops it when the run ends.
 */
@SuppressWarnings(
        "deprecation") // CloseableResource: still what JUnit before 5.13 closes; 5.13+ closes
// AutoCloseable too
final class SharedEmulator<T extends AutoCloseable>
        implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedEmulator.class);

    private final T emulator;
    private boolean closed;

    private SharedEmulator(T emulator) {
        this.emulator = emulator;
    }

    @SuppressWarnings("unchecked")
    static <T extends AutoCloseable> T in(
            ExtensionContext context, Class<T> type, Supplier<T> start) {
        return ((SharedEmulator<T>)
                        context.getRoot()
                                .getStore(NAMESPACE)
                                .getOrComputeIfAbsent(
                                        type,
                                        k -> new SharedEmulator<>(start.get()),
                                        SharedEmulator.class))
                .emulator;
    }

    @Override
    public synchronized void close() throws Exception {
        if (closed) return;
        closed = true;
        emulator.close();
    }
}
