package org.involve.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stand-in for API Gateway's HTTP API: routes each request to the function the template names for it,
 * as a payload 2.0 event. Also serves /assets/ and the /_local/ controls. Listens on localhost only.
 */
final class HttpGateway {
    /** API Gateway's own payload limit; the handlers enforce their much smaller one themselves. */
    static final int MAXIMUM_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16, Threads.named("http"));
    private final HttpRoutes routes;
    private final Map<String, LambdaFunction> functions;
    private final StaticAssets assets;
    private final LocalControls controls;
    private final LocalAuthorizers authorizers;
    private final Clock clock;
    private volatile SiteOrigin site;

    private HttpGateway(
            HttpServer server,
            HttpRoutes routes,
            Map<String, LambdaFunction> functions,
            StaticAssets assets,
            LocalControls controls,
            LocalAuthorizers authorizers,
            Clock clock) {
        this.server = server;
        this.authorizers = authorizers;
        this.routes = routes;
        this.functions = functions;
        this.assets = assets;
        this.controls = controls;
        this.clock = clock;
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    /** Binds the port now (so a clash is reported before anything else starts); serves once {@link #start()} is called. */
    static HttpServer bind(int port) {
        try {
            return HttpServer.create(new InetSocketAddress("localhost", port), 128);
        } catch (BindException e) {
            throw new PortInUse(port, "INVOLVE_PORT");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + port, e);
        }
    }

    static HttpGateway on(
            HttpServer server,
            HttpRoutes routes,
            Map<String, LambdaFunction> functions,
            StaticAssets assets,
            LocalControls controls,
            Clock clock) {
        return on(server, routes, functions, assets, controls, LocalAuthorizers.none(), clock);
    }

    /** As above, calling each route's authorizer first as API Gateway does. */
    static HttpGateway on(
            HttpServer server,
            HttpRoutes routes,
            Map<String, LambdaFunction> functions,
            StaticAssets assets,
            LocalControls controls,
            LocalAuthorizers authorizers,
            Clock clock) {
        return new HttpGateway(server, routes, functions, assets, controls, authorizers, clock);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** From now on, GETs CloudFront would send to the site bucket are served from it (see {@link SiteOrigin}). */
    HttpGateway serving(SiteOrigin site) {
        this.site = site;
        return this;
    }

    /** The route a path matches, for the log: never the path itself, which can carry a token. */
    private String routeOf(String path) {
        return routes.match("GET", path).map(HttpRoutes.Match::routeKey).orElse("(no route)");
    }

    void stop() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            write(exchange, respond(exchange));
        } catch (Exception e) {
            System.err.println(
                    "[http] "
                            + exchange.getRequestMethod()
                            + " "
                            + exchange.getRequestURI().getRawPath()
                            + " failed:");
            e.printStackTrace();
        }
    }

    private HttpApiResponses.Outgoing respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase();
        String path = exchange.getRequestURI().getRawPath();
        if (path.startsWith(LocalControls.PREFIX))
            return controls.handle(
                    method,
                    path,
                    exchange.getRequestURI().getRawQuery(),
                    readBody(exchange.getRequestBody()));
        if (path.startsWith(StaticAssets.PREFIX)) {
            return assets.serve(
                            method,
                            path,
                            exchange.getRequestHeaders().getFirst("If-Modified-Since"))
                    .orElseGet(() -> HttpApiResponses.plain(404, "Not Found"));
        }
        SiteOrigin published = site;
        if (published != null) {
            Optional<HttpApiResponses.Outgoing> page = published.serve(method, path);
            if (page.isPresent()) {
                System.out.printf("[http] %s -> SiteBucket 200%n", routeOf(path));
                return page.get();
            }
        }
        Optional<HttpRoutes.Match> match = routes.match(method, path);
        if (match.isEmpty())
            return HttpApiResponses.plain(
                    404, "Not Found: no route in template.yaml for " + method + " " + path);
        byte[] body = readBody(exchange.getRequestBody());
        if (body.length > MAXIMUM_BODY_BYTES)
            return HttpApiResponses.plain(413, "Request Entity Too Large");
        return invoke(functions.get(match.get().functionId()), match.get(), exchange, body);
    }

    /**
     * The client's address as API Gateway gives it in the event's sourceIp. Locally every request comes from this
     * machine, so a test may name its client with X-Forwarded-For (the first address), as the browser test of the
     * applications-per-client limit does; the deployed handlers never read that header.
     */
    static String sourceIp(HttpExchange exchange) {
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) return forwarded.split(",")[0].strip();
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    private HttpApiResponses.Outgoing invoke(
            LambdaFunction function, HttpRoutes.Match match, HttpExchange exchange, byte[] body) {
        IncomingRequest request =
                new IncomingRequest(
                        exchange.getRequestMethod().toUpperCase(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(),
                        body,
                        sourceIp(exchange),
                        exchange.getProtocol());
        long started = System.nanoTime();
        try {
            var event =
                    HttpApiEvents.from(
                            request, match, UUID.randomUUID().toString(), clock.instant());
            Optional<HttpApiResponses.Outgoing> refused =
                    authorizers.authorize(match.functionId(), event);
            if (refused.isPresent()) {
                log(match, function, refused.get().status(), started);
                return refused.get();
            }
            Object result = function.invoke(event);
            if (!(result instanceof APIGatewayV2HTTPResponse response)) {
                throw new IllegalStateException(
                        function.name()
                                + " returned "
                                + (result == null ? "null" : result.getClass().getName())
                                + " instead of an APIGatewayV2HTTPResponse");
            }
            HttpApiResponses.Outgoing out = HttpApiResponses.toHttp(response);
            log(match, function, out.status(), started);
            return out;
        } catch (Exception e) {
            // The person sees what API Gateway shows; the developer sees the stack trace here.
            System.err.println("[http] " + match.routeKey() + " -> " + function.name() + " threw:");
            e.printStackTrace();
            log(match, function, 500, started);
            return HttpApiResponses.plain(500, "Internal Server Error");
        }
    }

    private static void log(
            HttpRoutes.Match match, LambdaFunction function, int status, long started) {
        // The route key, never the raw path or query: those can carry tokens.
        System.out.printf(
                "[http] %s -> %s %d (%d ms)%n",
                match.routeKey(),
                function.name(),
                status,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        return in.readNBytes(MAXIMUM_BODY_BYTES + 1);
    }

    private static void write(HttpExchange exchange, HttpApiResponses.Outgoing out)
            throws IOException {
        out.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        boolean noBody =
                out.body().length == 0
                        || out.status() == 204
                        || out.status() == 304
                        || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        exchange.sendResponseHeaders(out.status(), noBody ? -1 : out.body().length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out.body());
            }
        }
    }
}
