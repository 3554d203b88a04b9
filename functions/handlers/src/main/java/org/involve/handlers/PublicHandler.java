package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.involve.core.kit.NotFound;
import org.involve.handlers.http.Routes;
import org.involve.handlers.http.WebRequest;

/**
 * The shape of every handler of pages the public reach without signing in (the site, the monitoring form, one-use
 * links): refuse a form posted from another website ({@link WebRequest#requireOwnSite}), find the route in the
 * function's table and answer it; every refusal becomes a public page in
 * {@link WebErrors}. A function gives its name (for logs) and its route table.
 *
 * @param <H> the handler itself, whose methods the route table names
 */
public abstract class PublicHandler<H extends PublicHandler<H>>
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final String function;
    private final Routes<H, WebRequest> routes;

    protected PublicHandler(String function, Routes<H, WebRequest> routes) {
        this.function = function;
        this.routes = routes;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(
            APIGatewayV2HTTPEvent event, Context context) {
        LogContext.begin(event, context);
        WebRequest req = new WebRequest(event);
        return LogContext.answered(
                event,
                WebErrors.guard(
                        req,
                        function,
                        () -> {
                            req.requireOwnSite();
                            return routes.find(req.routeKey())
                                    .orElseThrow(() -> new NotFound("route"))
                                    .answer(self(), req);
                        }));
    }

    /**
     * SnapStart priming (see {@link Priming}): every GET of the function, each id or link one that is not there: the
     * SDK's reads, Jackson, the pages and the "not found" or "link not valid" pages. Pages only read: nothing is
     * written.
     */
    public void prime() {
        for (APIGatewayV2HTTPEvent get : Priming.gets(routes.keys())) handleRequest(get, null);
    }

    @SuppressWarnings("unchecked")
    private H self() {
        return (H) this;
    }
}
