package org.involve.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.kit.Path;

/**
 * One function's route table: each route template.yaml sends it (method and path, as API Gateway's route key
 * {@code "GET /staff/roles/{roleId}"}) and what answers it. A handler declares its table once, as a constant, and
 * dispatches on it; RouteTableTest checks every table against template.yaml both ways.
 *
 * @param <H> the handler whose methods answer, so the table can be a constant ({@code StaffRolesHandler::edit})
 * @param <R> what those methods are given: a {@link WebRequest}, or a staff request with the signed-in person
 */
public final class Routes<H, R> {
    /** Answers one route: a call on core, and its result as a response. */
    @FunctionalInterface
    public interface Action<H, R> {
        APIGatewayV2HTTPResponse answer(H handler, R request);
    }

    private final Map<String, Action<H, R>> byKey;

    private Routes(Map<String, Action<H, R>> byKey) {
        this.byKey = Collections.unmodifiableMap(byKey);
    }

    /** An empty table, to add routes to: {@code Routes.<MyHandler, WebRequest>table().get(PATH, MyHandler::show)}. */
    public static <H, R> Routes<H, R> table() {
        return new Routes<>(new LinkedHashMap<>());
    }

    public Routes<H, R> get(Path path, Action<H, R> action) {
        return with("GET", path, action);
    }

    public Routes<H, R> post(Path path, Action<H, R> action) {
        return with("POST", path, action);
    }

    /** Every method, as template.yaml's {@code Method: ANY} (the catch-all routes). */
    public Routes<H, R> any(Path path, Action<H, R> action) {
        return with("ANY", path, action);
    }

    private Routes<H, R> with(String method, Path path, Action<H, R> action) {
        Map<String, Action<H, R>> more = new LinkedHashMap<>(byKey);
        if (more.putIfAbsent(method + " " + path.template(), action) != null) {
            throw new IllegalStateException("Route declared twice: " + method + " " + path);
        }
        return new Routes<>(more);
    }

    /** What answers API Gateway's route key, if this table has it. */
    public Optional<Action<H, R>> find(String routeKey) {
        return Optional.ofNullable(byKey.get(routeKey));
    }

    /** Every route key in the table, as "METHOD /path/{template}". */
    public Set<String> keys() {
        return byKey.keySet();
    }
}
