package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** org.crac keeps its resources weakly: these references keep them alive until the checkpoint. */
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private final Runnable prime;

    private Priming(String function, Runnable prime) {
        this.function = function;
        this.prime = prime;
    }

    /** Registers {@code prime} to run before the checkpoint of this function's snapshot. */
    public static void register(String function, Runnable prime) {
        Priming p = new Priming(function, prime);
        REGISTERED.add(p);
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
        REGISTERED.forEach(Priming::prime);
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
