package org.involve.emulators;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The SAM template read as the local emulators need it: tables, queues, buckets, functions with their events,
 * parameters. Local and cloud both come from {@code template.yaml}, so they cannot drift.
 */
public final class SamTemplate {
    public static final String FILE_NAME = "template.yaml";

    private final Path file;
    private final Map<String, Object> resources;
    private final Map<String, Object> globalFunction;
    private final Map<String, Object> parameters;

    private SamTemplate(Path file, Map<String, Object> root) {
        this.file = file;
        this.resources = YamlMaps.map(root.get("Resources"));
        this.globalFunction = YamlMaps.map(YamlMaps.map(root.get("Globals")).get("Function"));
        this.parameters = YamlMaps.map(root.get("Parameters"));
    }

    public static SamTemplate load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new SamTemplate(file, YamlMaps.map(CloudFormationYaml.parser().load(reader)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Loads the template of the repository the working directory is in. */
    public static SamTemplate loadFromWorkingDirectory() {
        return load(findFile(Path.of("").toAbsolutePath()));
    }

    /** Walks up from {@code start} to the first folder holding template.yaml: the repository root. */
    public static Path findFile(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException(
                "No " + FILE_NAME + " in " + start.toAbsolutePath() + " or any folder above it");
    }

    public Path file() {
        return file;
    }

    /** The folder holding template.yaml, package.json and node_modules. */
    public Path repositoryRoot() {
        return file.toAbsolutePath().getParent();
    }

    /** The type of a resource, e.g. {@code AWS::DynamoDB::Table}; empty if there is no such resource. */
    public Optional<String> resourceType(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId))
                .map(r -> YamlMaps.string(YamlMaps.map(r).get("Type")));
    }

    /** Parameter name to its Default (absent when it has none). */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        parameters.forEach(
                (name, body) -> {
                    Object value = YamlMaps.map(body).get("Default");
                    if (value != null) defaults.put(name, String.valueOf(value));
                });
        return defaults;
    }

    public boolean isParameter(String name) {
        return parameters.containsKey(name);
    }

    public List<TableSpec> tables() {
        return propertiesOfType("AWS::DynamoDB::Table").entrySet().stream()
                .map(e -> table(e.getKey(), e.getValue()))
                .toList();
    }

    public List<QueueSpec> queues() {
        return propertiesOfType("AWS::SQS::Queue").entrySet().stream()
                .map(e -> queue(e.getKey(), e.getValue()))
                .toList();
    }

    /** The logical ids of the template's {@code AWS::S3::Bucket}s. */
    public List<String> buckets() {
        return List.copyOf(propertiesOfType("AWS::S3::Bucket").keySet());
    }

    /** The template's {@code AWS::SecretsManager::Secret}s: logical id to Properties. */
    public Map<String, Map<String, Object>> secrets() {
        return propertiesOfType("AWS::SecretsManager::Secret");
    }

    public List<FunctionSpec> functions() {
        return propertiesOfType("AWS::Serverless::Function").entrySet().stream()
                .map(e -> function(e.getKey(), e.getValue()))
                .toList();
    }

    public FunctionSpec function(String logicalId) {
        return functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "No function " + logicalId + " in " + file));
    }

    /** Each {@code AWS::Serverless::Function}'s Properties as written (intrinsics in their long form), by logical id. */
    public Map<String, Map<String, Object>> functionProperties() {
        return propertiesOfType("AWS::Serverless::Function");
    }

    private Map<String, Map<String, Object>> propertiesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources.forEach(
                (id, body) -> {
                    Map<String, Object> resource = YamlMaps.map(body);
                    if (type.equals(resource.get("Type")))
                        found.put(id, YamlMaps.map(resource.get("Properties")));
                });
        return found;
    }

    private static TableSpec table(String id, Map<String, Object> p) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Object a : YamlMaps.list(p.get("AttributeDefinitions"))) {
            types.put(
                    YamlMaps.string(YamlMaps.map(a).get("AttributeName")),
                    YamlMaps.string(YamlMaps.map(a).get("AttributeType")));
        }
        List<TableSpec.IndexSpec> indexes =
                YamlMaps.list(p.get("GlobalSecondaryIndexes")).stream()
                        .map(YamlMaps::map)
                        .map(
                                i -> {
                                    Map<String, Object> projection =
                                            YamlMaps.map(i.get("Projection"));
                                    return new TableSpec.IndexSpec(
                                            YamlMaps.string(i.get("IndexName")),
                                            keySchema(i.get("KeySchema")),
                                            Optional.ofNullable(
                                                            YamlMaps.string(
                                                                    projection.get(
                                                                            "ProjectionType")))
                                                    .orElse("ALL"),
                                            YamlMaps.list(projection.get("NonKeyAttributes"))
                                                    .stream()
                                                    .map(YamlMaps::string)
                                                    .toList());
                                })
                        .toList();
        Map<String, Object> ttl = YamlMaps.map(p.get("TimeToLiveSpecification"));
        Optional<String> ttlAttribute =
                Boolean.TRUE.equals(ttl.get("Enabled"))
                                || "true".equals(String.valueOf(ttl.get("Enabled")))
                        ? Optional.ofNullable(YamlMaps.string(ttl.get("AttributeName")))
                        : Optional.empty();
        return new TableSpec(id, types, keySchema(p.get("KeySchema")), indexes, ttlAttribute);
    }

    private static List<TableSpec.KeyElement> keySchema(Object raw) {
        return YamlMaps.list(raw).stream()
                .map(YamlMaps::map)
                .map(
                        k ->
                                new TableSpec.KeyElement(
                                        YamlMaps.string(k.get("AttributeName")),
                                        YamlMaps.string(k.get("KeyType"))))
                .toList();
    }

    private static QueueSpec queue(String id, Map<String, Object> p) {
        Map<String, Object> redrive = YamlMaps.map(p.get("RedrivePolicy"));
        Optional<QueueSpec.Redrive> dlq =
                redrive.isEmpty()
                        ? Optional.empty()
                        : Optional.of(
                                new QueueSpec.Redrive(
                                        YamlMaps.referencedLogicalId(
                                                redrive.get("deadLetterTargetArn")),
                                        YamlMaps.integer(redrive.get("maxReceiveCount"))
                                                .orElse(10)));
        return new QueueSpec(
                id,
                YamlMaps.integer(p.get("VisibilityTimeout")),
                YamlMaps.integer(p.get("MessageRetentionPeriod")),
                dlq);
    }

    private FunctionSpec function(String id, Map<String, Object> p) {
        Map<String, Object> environment = new LinkedHashMap<>(variables(globalFunction));
        environment.putAll(variables(p));
        OptionalInt timeout = YamlMaps.integer(p.get("Timeout"));
        int timeoutSeconds =
                timeout.isPresent()
                        ? timeout.getAsInt()
                        : YamlMaps.integer(globalFunction.get("Timeout")).orElse(3);
        String handler = YamlMaps.string(p.getOrDefault("Handler", globalFunction.get("Handler")));

        List<FunctionSpec.HttpApiEvent> routes = new ArrayList<>();
        List<FunctionSpec.SqsEventSource> queues = new ArrayList<>();
        List<FunctionSpec.ScheduleEvent> schedules = new ArrayList<>();
        YamlMaps.map(p.get("Events"))
                .forEach(
                        (eventName, body) -> {
                            Map<String, Object> event = YamlMaps.map(body);
                            Map<String, Object> e = YamlMaps.map(event.get("Properties"));
                            switch (String.valueOf(event.get("Type"))) {
                                case "HttpApi" ->
                                        routes.add(
                                                new FunctionSpec.HttpApiEvent(
                                                        eventName,
                                                        YamlMaps.string(
                                                                        e.getOrDefault(
                                                                                "Method", "ANY"))
                                                                .toUpperCase(),
                                                        YamlMaps.string(
                                                                e.getOrDefault(
                                                                        "Path", "/{proxy+}"))));
                                case "SQS" ->
                                        queues.add(
                                                new FunctionSpec.SqsEventSource(
                                                        eventName,
                                                        YamlMaps.referencedLogicalId(
                                                                e.get("Queue")),
                                                        YamlMaps.integer(e.get("BatchSize"))
                                                                .orElse(10),
                                                        YamlMaps.list(
                                                                        e.get(
                                                                                "FunctionResponseTypes"))
                                                                .contains(
                                                                        "ReportBatchItemFailures")));
                                case "ScheduleV2", "Schedule" ->
                                        schedules.add(
                                                new FunctionSpec.ScheduleEvent(
                                                        eventName,
                                                        YamlMaps.string(
                                                                e.get("ScheduleExpression")),
                                                        Optional.ofNullable(
                                                                        YamlMaps.string(
                                                                                e.get(
                                                                                        "ScheduleExpressionTimezone")))
                                                                .orElse("UTC")));
                                default -> {} // other event types are not emulated locally
                            }
                        });
        return new FunctionSpec(
                id, handler, timeoutSeconds, environment, routes, queues, schedules);
    }

    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        return YamlMaps.map(YamlMaps.map(functionProperties.get("Environment")).get("Variables"));
    }
}
