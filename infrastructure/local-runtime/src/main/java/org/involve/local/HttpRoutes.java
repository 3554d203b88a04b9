package org.involve.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.emulators.FunctionSpec;

/**
 * The template's HttpApi routes, matched as API Gateway does: a literal segment beats a {@code {variable}}, which
 * beats a greedy {@code {proxy+}}; a named method beats ANY.
 */
final class HttpRoutes {
    private final List<Route> routes = new ArrayList<>();

    HttpRoutes(List<FunctionSpec> functions) {
        for (FunctionSpec f : functions) {
            for (FunctionSpec.HttpApiEvent e : f.httpApiEvents())
                routes.add(new Route(f.logicalId(), e.method(), e.path()));
        }
    }

    /** A request matched to a route: the function to call, its route key and the path's variables. */
    record Match(String functionId, String routeKey, Map<String, String> pathParameters) {}

    Optional<Match> match(String method, String rawPath) {
        String[] segments = segments(rawPath);
        return routes.stream()
                .filter(r -> r.method.equals("ANY") || r.method.equalsIgnoreCase(method))
                .map(r -> r.match(segments).map(params -> new Scored(r, params)))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(Scored::specificity))
                .map(
                        s ->
                                new Match(
                                        s.route.functionId,
                                        s.route.method + " " + s.route.path,
                                        s.params));
    }

    List<String> routeKeys() {
        return routes.stream().map(r -> r.method + " " + r.path + "  ->  " + r.functionId).toList();
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private record Scored(Route route, Map<String, String> params) {
        /** Compared segment by segment (literal 2, variable 1, greedy 0), then a named method over ANY. */
        String specificity() {
            StringBuilder s = new StringBuilder();
            for (String seg : route.templateSegments)
                s.append(seg.endsWith("+}") ? '0' : seg.startsWith("{") ? '1' : '2');
            return s.append(route.method.equals("ANY") ? '0' : '1').toString();
        }
    }

    private static final class Route {
        final String functionId;
        final String method;
        final String path;
        final String[] templateSegments;

        Route(String functionId, String method, String path) {
            this.functionId = functionId;
            this.method = method;
            this.path = path;
            this.templateSegments = segments(path);
        }

        Optional<Map<String, String>> match(String[] request) {
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < templateSegments.length; i++) {
                String t = templateSegments[i];
                if (t.startsWith("{") && t.endsWith("+}")) {
                    if (i >= request.length) return Optional.empty();
                    params.put(
                            t.substring(1, t.length() - 2),
                            decode(
                                    String.join(
                                            "/", Arrays.copyOfRange(request, i, request.length))));
                    return Optional.of(params);
                }
                if (i >= request.length) return Optional.empty();
                if (t.startsWith("{") && t.endsWith("}")) {
                    if (request[i].isEmpty()) return Optional.empty();
                    params.put(t.substring(1, t.length() - 1), decode(request[i]));
                } else if (!t.equals(request[i])) {
                    return Optional.empty();
                }
            }
            return request.length == templateSegments.length
                    ? Optional.of(params)
                    : Optional.empty();
        }

        /** Percent-decoding of a path segment: unlike a query string, "+" stays "+". */
        private static String decode(String segment) {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
