package org.involve.handlers.jarprobe;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Method;

/**
 * Runs inside a function's own jar: ShrunkJarRequestsJarTest loads this one class into a class loader over the jar
 * (whose parent is the JDK's), so everything it touches, the handler, Lambda's event classes and the Jackson that
 * reads the sample event, comes from the jar. It uses only JDK types in its signature, so the test calls it by
 * reflection, and has no nested classes or lambdas, so its one class file is all it needs.
 */
public final class JarInvoker {
    private JarInvoker() {}

    /**
     * Builds the handler as Lambda does (no-argument constructor), reads the event into the type its handleRequest
     * takes (a plain map for jobs and the authorizer, Lambda's event class otherwise), calls it, and returns the
     * response as JSON ({@code null} for a handler that returns nothing).
     */
    public static String invoke(String handlerClass, String eventJson) throws Exception {
        ClassLoader own = JarInvoker.class.getClassLoader();
        Class<?> type = Class.forName(handlerClass, true, own);
        if (type.getClassLoader() != own)
            throw new IllegalStateException(handlerClass + " came from outside the jar");
        Object handler = type.getConstructor().newInstance();
        Method handle = null;
        for (Method m : type.getMethods())
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge())
                handle = m;
        if (handle == null) throw new IllegalStateException(handlerClass + " has no handleRequest");
        ObjectMapper json =
                JsonMapper.builder()
                        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build();
        Object event = json.readValue(eventJson, handle.getParameterTypes()[0]);
        Object response = handle.invoke(handler, event, null);
        return json.writeValueAsString(response);
    }
}
