package org.involve.handlers;

import io.micronaut.context.BeanContext;

/**
 * One Micronaut bean context per JVM, started in Lambda's init phase (a static field) so its work is
 * done before the first request and captured by SnapStart. Bean definitions are generated at compile
 * time, so starting it reads no classpath and reflects on nothing. Its one given bean is the function's
 * {@link InvolveSettings}, read from the environment as the context starts; every other bean is lazy.
 */
public final class Beans {
    private static volatile BeanContext context = start(InvolveSettings.fromEnvironment());

    private Beans() {}

    public static <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    /** A context whose beans read {@code settings} and nothing else. */
    static BeanContext start(InvolveSettings settings) {
        BeanContext beans = BeanContext.build();
        beans.registerSingleton(InvolveSettings.class, settings);
        return beans.start();
    }

    /**
     * For tests that build handlers as Lambda does (their no-argument constructors): from now on beans come from
     * {@code next}. Returns the context it replaced, for the test to put back.
     */
    static synchronized BeanContext use(BeanContext next) {
        BeanContext previous = context;
        context = next;
        return previous;
    }
}
