package org.involve.emulators;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which authorizer guards each HttpApi route of the template, and which function implements each Lambda authorizer,
 * so the local runtime can call the authorizer before the route as API Gateway does. A route's authorizer is its
 * event's {@code Auth.Authorizer}, else the API's {@code Auth.DefaultAuthorizer}; "NONE" means none.
 */
public final class RouteAuthorizers {
    /** An authorizer of the HttpApi: a Lambda one names its function; a JWT one has none (not emulated locally). */
    public record Authorizer(String name, Optional<String> functionLogicalId) {}

    private final Map<String, String> byRoute = new LinkedHashMap<>();
    private final Map<String, Authorizer> authorizers = new LinkedHashMap<>();

    private RouteAuthorizers() {}

    public static RouteAuthorizers load(Path templateFile) {
        try (Reader reader = Files.newBufferedReader(templateFile)) {
            return of(YamlMaps.map(CloudFormationYaml.parser().load(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + templateFile, e);
        }
    }

    private static RouteAuthorizers of(Map<String, Object> root) {
        RouteAuthorizers r = new RouteAuthorizers();
        Map<String, Object> resources = YamlMaps.map(root.get("Resources"));
        Map<String, String> defaults = new LinkedHashMap<>();
        resources.forEach(
                (id, body) -> {
                    Map<String, Object> resource = YamlMaps.map(body);
                    if (!"AWS::Serverless::HttpApi".equals(resource.get("Type"))) return;
                    Map<String, Object> auth =
                            YamlMaps.map(YamlMaps.map(resource.get("Properties")).get("Auth"));
                    String fallback = YamlMaps.string(auth.get("DefaultAuthorizer"));
                    if (fallback != null) defaults.put(id, fallback);
                    YamlMaps.map(auth.get("Authorizers"))
                            .forEach(
                                    (name, definition) -> {
                                        Object arn = YamlMaps.map(definition).get("FunctionArn");
                                        r.authorizers.put(
                                                name,
                                                new Authorizer(
                                                        name,
                                                        arn == null
                                                                ? Optional.empty()
                                                                : Optional.ofNullable(
                                                                        YamlMaps
                                                                                .referencedLogicalId(
                                                                                        arn))));
                                    });
                });
        resources.forEach(
                (id, body) -> {
                    Map<String, Object> resource = YamlMaps.map(body);
                    if (!"AWS::Serverless::Function".equals(resource.get("Type"))) return;
                    YamlMaps.map(YamlMaps.map(resource.get("Properties")).get("Events"))
                            .forEach(
                                    (eventName, eventBody) -> {
                                        Map<String, Object> event = YamlMaps.map(eventBody);
                                        if (!"HttpApi".equals(event.get("Type"))) return;
                                        Map<String, Object> p =
                                                YamlMaps.map(event.get("Properties"));
                                        String api = YamlMaps.referencedLogicalId(p.get("ApiId"));
                                        String name =
                                                YamlMaps.string(
                                                        YamlMaps.map(p.get("Auth"))
                                                                .get("Authorizer"));
                                        if (name == null)
                                            name = api == null ? null : defaults.get(api);
                                        if (name == null || name.equals("NONE")) return;
                                        String method =
                                                YamlMaps.string(p.getOrDefault("Method", "ANY"))
                                                        .toUpperCase();
                                        String path =
                                                YamlMaps.string(
                                                        p.getOrDefault("Path", "/{proxy+}"));
                                        r.byRoute.put(key(id, method + " " + path), name);
                                    });
                });
        return r;
    }

    /** The authorizer guarding {@code routeKey} ("GET /staff/roles") of that function, if any. */
    public Optional<Authorizer> forRoute(String functionLogicalId, String routeKey) {
        return Optional.ofNullable(byRoute.get(key(functionLogicalId, routeKey)))
                .map(
                        name ->
                                authorizers.getOrDefault(
                                        name, new Authorizer(name, Optional.empty())));
    }

    /** No route has an authorizer: for tests that build a gateway by hand. */
    public static RouteAuthorizers none() {
        return new RouteAuthorizers();
    }

    private static String key(String functionId, String routeKey) {
        return functionId + " " + routeKey;
    }
}
