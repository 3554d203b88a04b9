package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialised function (CRaC's {@code beforeCheckpoint}),
 * the function answers a few requests that change nothing (reading pages, looking up what is not there), so the SDK
 * client, Jackson and the page templates are loaded and warmed in the snapshot and a restored function's first
 * request costs what a warm one does. A priming that fails is logged and skipped: it never stops the snapshot.
 */
public final class Priming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

    /**
     * org.crac keeps its resources weakly: these references keep them alive until the checkpoint. One per function
     * (Lambda starts one handler per JVM; a test that builds a function again replaces its hook).
     */
    private static final Map<String, Priming> REGISTERED = new ConcurrentHashMap<>();

    /** What a priming request asks for where an id goes: a record that is never there. */
    public static final String NOT_THERE = "priming0not0there";

    /**
     * The time a scheduled job primes at: before any record was made, so nothing is due and the job reads what it
     * reads on every run, then finds nothing to do.
     */
    public static final Instant BEFORE_ANY_RECORD = Instant.parse("2000-01-01T00:00:00Z");

    /** The groups of the staff member priming requests come from, so every staff page's checks pass. */
    private static final String ALL_GROUPS = "staff,panel,finance";

    private final String function;
    private final Runnable prime;

    private Priming(String function, Runnable prime) {
        this.function = function;
        this.prime = prime;
    }

    /** Registers {@code prime} to run before the checkpoint of this function's snapshot. */
    public static void register(String function, Runnable prime) {
        Priming p = new Priming(function, prime);
        REGISTERED.put(function, p);
        Core.getGlobalContext().register(p);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {}

    private void prime() {
        try {
            prime.run();
        } catch (RuntimeException e) {
            LOG.warn("Priming {} failed: {}", function, e.getClass().getName());
        } finally {
            MDC.clear();
        }
    }

    /**
     * What a checkpoint would run, for a JVM without CRaC: the benchmark calls it after init to measure the first
     * request a restored function answers.
     */
    public static void primeAll() {
        REGISTERED.values().forEach(Priming::prime);
    }

    /** The functions whose hooks are registered in this JVM. */
    static Set<String> registered() {
        return Set.copyOf(REGISTERED.keySet());
    }

    /**
     * For tests: runs {@code function}'s hook as a checkpoint would, but lets a failure through rather than logging it.
     */
    static void primeForTest(String function) {
        Priming p = REGISTERED.get(function);
        if (p == null) throw new IllegalStateException("No priming registered for " + function);
        p.prime.run();
    }

    /**
     * Every GET of a route table (keys such as {@code "GET /staff/roles/{roleId}"}), each path parameter filled with
     * {@link #NOT_THERE}: the page's reads and its rendering, or its "not found" page.
     */
    public static List<APIGatewayV2HTTPEvent> gets(Set<String> routeKeys) {
        return routeKeys.stream()
                .filter(k -> k.startsWith("GET "))
                .sorted()
                .map(
                        k -> {
                            String template = k.substring("GET ".length());
                            Map<String, String> parameters = new LinkedHashMap<>();
                            var m =
                                    java.util.regex.Pattern.compile("\\{([^}+]+)\\+?}")
                                            .matcher(template);
                            while (m.find()) parameters.put(m.group(1), NOT_THERE);
                            String path = template.replaceAll("\\{[^}]+}", NOT_THERE);
                            return get(k, path, parameters);
                        })
                .toList();
    }

    /**
     * {@code event} as from a signed-in staff member in every group (what the staff authorizer puts in the event),
     * so the page's own reads and rendering run rather than the "sign in" page. Only ever handed to the handler
     * directly by its priming hook: it never comes through API Gateway.
     */
    public static APIGatewayV2HTTPEvent asStaff(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
                new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setLambda(
                Map.of(
                        "sub", "priming",
                        "name", "Priming",
                        "email", "priming@priming.invalid",
                        "groups", ALL_GROUPS));
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** A GET as API Gateway sends it, from the function's own site (for a priming request). */
    public static APIGatewayV2HTTPEvent get(
            String routeKey, String path, Map<String, String> pathParameters) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(routeKey);
        event.setRawPath(path);
        event.setPathParameters(pathParameters);
        event.setHeaders(Map.of("host", "priming.invalid"));
        APIGatewayV2HTTPEvent.RequestContext rc = new APIGatewayV2HTTPEvent.RequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http =
                new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath(path);
        rc.setHttp(http);
        rc.setRequestId("priming");
        event.setRequestContext(rc);
        return event;
    }
}
