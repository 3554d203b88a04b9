package org.involve.handlers;

import io.micronaut.context.BeanContext;

/**
 * One Micronaut bean context per JVM, started in Lambda's init phase (a static field) so its work is
 * done before the first request and captured by SnapStart. Bean definitions are generated at compile
 * time, so starting it reads no classpath and reflects on nothing.
 */
public final class Beans {
    private static final BeanContext CONTEXT = BeanContext.run();

    private Beans() {}

    public static <T> T get(Class<T> type) {
        return CONTEXT.getBean(type);
    }
}
