package org.involve.local;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.involve.emulators.FunctionSpec;

/**
 * One function of the template: its handler class instantiated once with its public no-argument constructor, as
 * Lambda does, then invoked with {@code handleRequest(event, context)} for each event.
 */
final class LambdaFunction {
    private final FunctionSpec spec;
    private final Object handler;
    private final Map<Class<?>, Optional<Method>> methods = new ConcurrentHashMap<>();

    private LambdaFunction(FunctionSpec spec, Object handler) {
        this.spec = spec;
        this.handler = handler;
    }

    static LambdaFunction instantiate(FunctionSpec spec) {
        Class<?> type;
        try {
            type = Class.forName(spec.handlerClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Function "
                            + spec.logicalId()
                            + ": handler class "
                            + spec.handlerClass()
                            + " is not on the classpath. Build functions/handlers (mvn install -DskipTests).",
                    e);
        }
        try {
            var constructor = type.getConstructor();
            return new LambdaFunction(
                    spec, IamAsInAws.as(spec.logicalId(), constructor::newInstance));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    "Function "
                            + spec.logicalId()
                            + ": "
                            + type.getName()
                            + " needs a public no-argument constructor, as Lambda does",
                    e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "Function "
                            + spec.logicalId()
                            + ": "
                            + type.getName()
                            + " failed while starting (its init phase)",
                    e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Function " + spec.logicalId() + ": cannot create " + type.getName(), e);
        }
    }

    FunctionSpec spec() {
        return spec;
    }

    String name() {
        return spec.logicalId();
    }

    /** Calls the handler; whatever it throws is rethrown as is, so callers can tell a failed invocation. */
    Object invoke(Object event) throws Exception {
        Method method =
                methods.computeIfAbsent(event.getClass(), this::handlerMethod)
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "Function "
                                                        + name()
                                                        + ": "
                                                        + handler.getClass().getName()
                                                        + " has no public "
                                                        + spec.handlerMethod()
                                                        + "("
                                                        + event.getClass().getSimpleName()
                                                        + ", Context)"));
        Context context =
                new LocalContext(UUID.randomUUID().toString(), name(), spec.timeoutSeconds());
        try {
            return IamAsInAws.as(name(), () -> method.invoke(handler, event, context));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The most specific {@code method(EventType, Context)}: a generic RequestHandler also has an (Object, Context) bridge. */
    private Optional<Method> handlerMethod(Class<?> eventType) {
        return Arrays.stream(handler.getClass().getMethods())
                .filter(
                        m ->
                                m.getName().equals(spec.handlerMethod())
                                        && !Modifier.isStatic(m.getModifiers()))
                .filter(
                        m ->
                                m.getParameterCount() == 2
                                        && m.getParameterTypes()[1] == Context.class)
                .filter(m -> m.getParameterTypes()[0].isAssignableFrom(eventType))
                .min(
                        (a, b) ->
                                a.isBridge() != b.isBridge()
                                        ? (a.isBridge() ? 1 : -1)
                                        : a.getParameterTypes()[0].isAssignableFrom(
                                                        b.getParameterTypes()[0])
                                                ? 1
                                                : -1);
    }
}
