package org.involve.benchmark.launcher;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The main of one fresh JVM, run beside a function's jar: does what Lambda's Java runtime does for a new execution
 * environment (load the handler class, call its no-argument constructor, pass it the first event), then keeps
 * calling it for the warm requests.
 *
 * <pre>java -cp FUNCTION:launcher.jar org.involve.benchmark.launcher.ColdStart HANDLER_CLASS EVENT.json WARM_REQUESTS</pre>
 * (FUNCTION: the function's jar unzipped into a folder, as Lambda's /var/task, or the jar itself)
 *
 * Writes lines starting with {@value #MARK} on standard output, which the runner reads:
 * {@code first} the moment the first response is back (the runner times the process from outside up to this line),
 * then {@code phases} (milliseconds since the JVM started: main entered, event read, handler constructed, first
 * response; and the CPU milliseconds all the JVM's threads had used by the first response), {@code warm} (each warm request's nanoseconds) and {@code done}. Anything else on standard output is
 * the function's own logging. Uses only the JDK and the Lambda event types, so it costs every function the same.
 */
public final class ColdStart {
    public static final String MARK = "@@bench";

    private ColdStart() {}

    /** Where Involve's handlers live, with Beans, which starts a function's bean context. */
    private static final String INVOLVE_HANDLERS = "org.involve.handlers.";

    public static void main(String[] args) throws Exception {
        long mainNanos = System.nanoTime();
        long mainMillis = System.currentTimeMillis();
        if (args.length != 3) {
            System.err.println("usage: ColdStart HANDLER_CLASS EVENT_JSON_FILE WARM_REQUESTS");
            System.exit(2);
        }
        String handlerClass = args[0];
        Map<String, Object> eventJson = Json.object(Files.readString(Path.of(args[1])));
        int warmRequests = Integer.parseInt(args[2]);
        PrintStream out = System.out;

        // A function whose handler takes the event as a plain map (scheduled jobs, the authorizer)
        // gets the file's JSON as one; an SQS batch (the payments queue) gets Lambda's SQS event;
        // an HTTP function gets API Gateway's event class.
        // Loaded, not initialised: its static fields are made in the init phase below, as Lambda
        // counts them (a static made when the class loads is part of the cold start's init).
        Class<?> type = Class.forName(handlerClass, false, ColdStart.class.getClassLoader());
        boolean mapEvent = takesMap(type);
        boolean batch = !mapEvent && SqsBatch.is(eventJson);
        String run = Long.toString(ProcessHandle.current().pid());
        Object firstEvent = event(eventJson, mapEvent, batch, run, 0);
        long eventNanos = System.nanoTime();

        // Init phase: Lambda loads the class and calls the no-argument constructor. An Involve
        // handler's constructor first starts the function's bean context (Beans: its settings,
        // logging and Micronaut's context); it is started here just before, on a clock of its own,
        // so the report can say what it costs. The same work in the same phase, in another order.
        long contextNanos = eventNanos;
        if (handlerClass.startsWith(INVOLVE_HANDLERS)) {
            Class.forName(INVOLVE_HANDLERS + "Beans", true, ColdStart.class.getClassLoader());
            contextNanos = System.nanoTime();
        }
        Object instance = type.getDeclaredConstructor().newInstance();
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> any = (RequestHandler<Object, Object>) instance;
        RequestHandler<Object, Object> handler =
                mapEvent
                        ? (event, context) -> {
                            any.handleRequest(event, context);
                            return null; // it returned: a map handler has no status of its own
                        }
                        : any;
        long initNanos = System.nanoTime();

        // A primed scenario: what the function's CRaC beforeCheckpoint hook runs before SnapStart
        // takes its snapshot (a JVM without CRaC never calls the hook, so the launcher calls the
        // function's priming itself).
        long primedNanos = initNanos;
        boolean primed = Boolean.getBoolean("involve.benchmark.primed");
        if (primed) {
            Class.forName("org.involve.handlers.Priming").getMethod("primeAll").invoke(null);
            primedNanos = System.nanoTime();
        }

        // First invocation.
        int firstStatus = status(handler.handleRequest(firstEvent, new BenchContext("cold-0")));
        long firstNanos = System.nanoTime();
        // CPU of every thread (JIT compilers and GC included) so far: unlike wall time, barely
        // moved by other load on the machine.
        double cpuMillis =
                ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .map(d -> d.toNanos() / 1e6)
                        .orElse(Double.NaN);
        out.println(MARK + " first status=" + firstStatus);
        out.flush();

        // Only now, when nothing it loads can be counted: when the JVM started, by its own clock.
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        double toMain = mainMillis - jvmStartMillis;
        out.println(
                MARK
                        + " phases"
                        + " main="
                        + toMain
                        + " event="
                        + (toMain + ms(eventNanos - mainNanos))
                        + (contextNanos > eventNanos
                                ? " context=" + (toMain + ms(contextNanos - mainNanos))
                                : "")
                        + " init="
                        + (toMain + ms(initNanos - mainNanos))
                        + (primed ? " primed=" + (toMain + ms(primedNanos - mainNanos)) : "")
                        + " first="
                        + (toMain + ms(firstNanos - mainNanos))
                        + " cpu="
                        + cpuMillis);
        out.flush();

        StringBuilder warm = new StringBuilder(MARK).append(" warm");
        for (int i = 1; i <= warmRequests; i++) {
            Object event = event(eventJson, mapEvent, batch, run, i);
            long start = System.nanoTime();
            int status = status(handler.handleRequest(event, new BenchContext("warm-" + i)));
            long took = System.nanoTime() - start;
            if (status != firstStatus) {
                throw new IllegalStateException(
                        "Warm request "
                                + i
                                + " answered "
                                + status
                                + " where the first answered "
                                + firstStatus);
            }
            warm.append(i == 1 ? ' ' : ',').append(took);
        }
        out.println(warm);
        out.println(MARK + " done");
        out.flush();
        System.exit(0); // a function's non-daemon threads must not keep the JVM alive
    }

    private static boolean takesMap(Class<?> type) {
        for (java.lang.reflect.Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest")
                    && m.getParameterCount() == 2
                    && !m.isBridge()
                    && Map.class.isAssignableFrom(m.getParameterTypes()[0])) return true;
        }
        return false;
    }

    /** A fresh event each time, as Lambda deserialises one. */
    private static Object event(
            Map<String, Object> json, boolean mapEvent, boolean batch, String run, int i) {
        if (mapEvent) return new java.util.LinkedHashMap<>(json);
        if (batch) return SqsBatch.from(json, run + "-" + i);
        APIGatewayV2HTTPEvent http = HttpApiEvent.from(json);
        if (i > 0) http.getRequestContext().setRequestId("warm-" + i);
        return http;
    }

    /**
     * An HTTP response's status; for an SQS batch, 200 when no message failed and 500 when any did; a map handler
     * (a job, the authorizer) that returned, 200.
     */
    private static int status(Object response) {
        if (response == null || response instanceof Map<?, ?>) return 200;
        if (response instanceof APIGatewayV2HTTPResponse http) return http.getStatusCode();
        if (response instanceof SQSBatchResponse b)
            return b.getBatchItemFailures() == null || b.getBatchItemFailures().isEmpty()
                    ? 200
                    : 500;
        throw new IllegalStateException("Unexpected response " + response.getClass());
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
