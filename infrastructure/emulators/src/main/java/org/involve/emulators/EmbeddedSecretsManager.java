package org.involve.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A small Secrets Manager for tests and the local runtime (there is no official emulator): an in-process HTTP server
 * speaking the AWS JSON 1.1 protocol for what the functions and a rotation need: CreateSecret, GetSecretValue,
 * PutSecretValue, DescribeSecret and UpdateSecretVersionStage. A secret is found by its name or its ARN. Versions
 * carry stages as in AWS (AWSCURRENT, AWSPREVIOUS, AWSPENDING). Secrets are kept in {@code secrets.json} in a folder
 * when given (the local runtime's data folder, readable by its owner only), so keys outlive a restart.
 *
 * <p>Faults as AWS gives them, for tests: {@link #failNext} answers the next calls with throttling, an internal
 * error or a reply slower than a client waits.
 */
public final class EmbeddedSecretsManager implements AutoCloseable {
    public static final String CURRENT = "AWSCURRENT",
            PREVIOUS = "AWSPREVIOUS",
            PENDING = "AWSPENDING";

    /** What the next calls get instead of an answer. */
    public enum Fault {
        /** HTTP 400 ThrottlingException (the SDK retries it, then gives up). */
        THROTTLING,
        /** HTTP 500 InternalServiceError. */
        INTERNAL_ERROR,
        /** No answer for 15 seconds: longer than the functions' client waits. */
        SLOW
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Path file;
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private int calls;

    private static final class Secret {
        final String name, arn;
        final Map<String, Version> versions = new LinkedHashMap<>();

        Secret(String name, String arn) {
            this.name = name;
            this.arn = arn;
        }

        Version staged(String stage) {
            for (Version v : versions.values()) if (v.stages.contains(stage)) return v;
            return null;
        }
    }

    private record Version(String id, String value, List<String> stages, long created) {}

    private EmbeddedSecretsManager(HttpServer server, Path file) {
        this.server = server;
        this.file = file;
    }

    /** Listens on 127.0.0.1; {@code port} 0 picks a free one. {@code folder} null keeps secrets in memory only. */
    public static EmbeddedSecretsManager start(int port, Path folder) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            EmbeddedSecretsManager sm =
                    new EmbeddedSecretsManager(
                            server, folder == null ? null : folder.resolve("secrets.json"));
            sm.load();
            server.createContext("/", sm::handle);
            server.setExecutor(Executors.newCachedThreadPool(r -> daemon(r)));
            server.start();
            return sm;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The Secrets Manager emulator could not start on port " + port, e);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "secrets-manager-emulator");
        t.setDaemon(true);
        return t;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A client of this emulator (for tests and seeding). */
    public SecretsManagerClient client() {
        return SecretsManagerClient.builder()
                .endpointOverride(endpoint())
                .region(LocalAws.REGION)
                .credentialsProvider(LocalAws.credentials())
                .httpClientBuilder(LocalAws.http())
                .build();
    }

    /** The ARN a secret of this name has here. */
    public static String arnOf(String name) {
        return "arn:aws:secretsmanager:"
                + LocalAws.REGION.id()
                + ":000000000000:secret:"
                + name
                + "-local0";
    }

    /** Creates the secret with this value as its AWSCURRENT version, unless one of that name exists. */
    public synchronized boolean createIfAbsent(String name, String value) {
        if (secrets.containsKey(name)) return false;
        Secret s = new Secret(name, arnOf(name));
        String id = UUID.randomUUID().toString();
        s.versions.put(
                id,
                new Version(
                        id,
                        value,
                        new ArrayList<>(List.of(CURRENT)),
                        System.currentTimeMillis() / 1000));
        secrets.put(name, s);
        save();
        return true;
    }

    /**
     * What RotateSecret does before it calls the rotation function: a version {@code token} marked AWSPENDING, with no
     * value until step 1 puts one. Returns what the function is called with.
     */
    public synchronized Map<String, String> startRotation(String name, String token) {
        Secret s = secrets.get(name);
        for (Version v : s.versions.values()) v.stages().remove(PENDING);
        s.versions.put(token, new Version(token, null, new ArrayList<>(List.of(PENDING)), 0));
        return Map.of("SecretId", s.arn, "ClientRequestToken", token);
    }

    /** The AWSCURRENT value of a secret, if there is one. */
    public synchronized String current(String name) {
        Secret s = secrets.get(name);
        Version v = s == null ? null : s.staged(CURRENT);
        return v == null ? null : v.value();
    }

    /** The next {@code times} calls get {@code fault} instead of an answer. */
    public synchronized void failNext(int times, Fault fault) {
        for (int i = 0; i < times; i++) faults.add(fault);
    }

    /** How many calls came (faulted ones included): a warm cache makes none. */
    public synchronized int calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---------- the protocol ----------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            Fault fault;
            synchronized (this) {
                calls++;
                fault = faults.poll();
            }
            if (fault == Fault.SLOW) {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (fault == Fault.THROTTLING) {
                error(exchange, 400, "ThrottlingException", "Rate exceeded");
                return;
            }
            if (fault == Fault.INTERNAL_ERROR) {
                error(exchange, 500, "InternalServiceError", "An internal error happened");
                return;
            }
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = target.substring(target.indexOf('.') + 1);
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (request == null || request.isMissingNode()) request = JSON.createObjectNode();
            ObjectNode reply;
            synchronized (this) {
                reply =
                        switch (operation) {
                            case "CreateSecret" -> create(request);
                            case "GetSecretValue" -> get(request);
                            case "PutSecretValue" -> put(request);
                            case "DescribeSecret" -> describe(request);
                            case "UpdateSecretVersionStage" -> updateStage(request);
                            default ->
                                    throw new Refusal(
                                            "InvalidRequestException",
                                            operation + " is not emulated");
                        };
            }
            send(exchange, 200, reply);
        } catch (Refusal r) {
            error(exchange, 400, r.type, r.getMessage());
        } catch (RuntimeException e) {
            error(exchange, 500, "InternalServiceError", String.valueOf(e.getMessage()));
        }
    }

    private static final class Refusal extends RuntimeException {
        final String type;

        Refusal(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    private Secret find(JsonNode request) {
        String id = request.path("SecretId").asText("");
        for (Secret s : secrets.values()) if (s.name.equals(id) || s.arn.equals(id)) return s;
        throw new Refusal(
                "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    private ObjectNode create(JsonNode request) {
        String name = request.path("Name").asText("");
        if (name.isEmpty()) throw new Refusal("InvalidParameterException", "A secret needs a name");
        if (!createIfAbsent(name, request.path("SecretString").asText("")))
            throw new Refusal("ResourceExistsException", "The secret " + name + " exists");
        Secret s = secrets.get(name);
        ObjectNode out = JSON.createObjectNode().put("ARN", s.arn).put("Name", s.name);
        out.put("VersionId", s.staged(CURRENT).id());
        return out;
    }

    private ObjectNode get(JsonNode request) {
        Secret s = find(request);
        Version v;
        if (request.hasNonNull("VersionId")) {
            v = s.versions.get(request.get("VersionId").asText());
        } else v = s.staged(request.path("VersionStage").asText(CURRENT));
        if (v == null || v.value() == null)
            throw new Refusal(
                    "ResourceNotFoundException",
                    "Secrets Manager can't find the specified secret value for that version.");
        ObjectNode out = JSON.createObjectNode().put("ARN", s.arn).put("Name", s.name);
        out.put("VersionId", v.id()).put("SecretString", v.value()).put("CreatedDate", v.created());
        ArrayNode stages = out.putArray("VersionStages");
        v.stages().forEach(stages::add);
        return out;
    }

    /** A new version: AWSCURRENT unless stages are given (a rotation puts AWSPENDING). */
    private ObjectNode put(JsonNode request) {
        Secret s = find(request);
        String id = request.path("ClientRequestToken").asText(UUID.randomUUID().toString());
        List<String> stages = new ArrayList<>();
        request.path("VersionStages").forEach(n -> stages.add(n.asText()));
        if (stages.isEmpty()) stages.add(CURRENT);
        Version earlier = s.versions.get(id);
        if (earlier != null && earlier.value() == null) {
            s.versions.remove(id); // the rotation's placeholder: this is its value
            earlier = null;
        }
        if (earlier != null) {
            if (!earlier.value().equals(request.path("SecretString").asText()))
                throw new Refusal(
                        "ResourceExistsException", "A version with this token has another value");
        } else {
            for (String stage : stages) {
                if (stage.equals(CURRENT)) {
                    Version was = currentOf(s);
                    for (Version v : s.versions.values()) v.stages().remove(PREVIOUS);
                    if (was != null) {
                        was.stages().remove(CURRENT);
                        was.stages().add(PREVIOUS);
                    }
                } else for (Version v : s.versions.values()) v.stages().remove(stage);
            }
            s.versions.put(
                    id,
                    new Version(
                            id,
                            request.path("SecretString").asText(),
                            new ArrayList<>(stages),
                            System.currentTimeMillis() / 1000));
            save();
        }
        ObjectNode out = JSON.createObjectNode().put("ARN", s.arn).put("Name", s.name);
        out.put("VersionId", id);
        ArrayNode st = out.putArray("VersionStages");
        s.versions.get(id).stages().forEach(st::add);
        return out;
    }

    private static Version currentOf(Secret s) {
        for (Version v : s.versions.values()) if (v.stages().contains(CURRENT)) return v;
        return null;
    }

    private ObjectNode describe(JsonNode request) {
        Secret s = find(request);
        ObjectNode out = JSON.createObjectNode().put("ARN", s.arn).put("Name", s.name);
        ObjectNode versions = out.putObject("VersionIdsToStages");
        for (Version v : s.versions.values()) {
            if (v.stages().isEmpty()) continue;
            ArrayNode st = versions.putArray(v.id());
            v.stages().forEach(st::add);
        }
        out.put("RotationEnabled", false);
        return out;
    }

    /** Moves a stage to a version; moving AWSCURRENT puts AWSPREVIOUS on the version that had it, as AWS does. */
    private ObjectNode updateStage(JsonNode request) {
        Secret s = find(request);
        String stage = request.path("VersionStage").asText("");
        String to = request.path("MoveToVersionId").asText(null);
        String from = request.path("RemoveFromVersionId").asText(null);
        Version holder = null;
        for (Version v : s.versions.values()) if (v.stages().contains(stage)) holder = v;
        if (holder != null && to != null && !holder.id().equals(from) && !holder.id().equals(to))
            throw new Refusal(
                    "InvalidParameterException",
                    "The stage is on another version: name it in RemoveFromVersionId");
        if (to != null && !s.versions.containsKey(to))
            throw new Refusal("ResourceNotFoundException", "No version " + to);
        if (from != null && s.versions.containsKey(from))
            s.versions.get(from).stages().remove(stage);
        if (to != null) {
            if (stage.equals(CURRENT) && holder != null && !holder.id().equals(to)) {
                for (Version v : s.versions.values()) v.stages().remove(PREVIOUS);
                holder.stages().add(PREVIOUS);
            }
            s.versions.get(to).stages().remove(stage);
            s.versions.get(to).stages().add(stage);
        }
        save();
        return JSON.createObjectNode().put("ARN", s.arn).put("Name", s.name);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange exchange, int status, String type, String message)
            throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    // ---------- keeping ----------

    private void load() {
        if (file == null || !Files.isRegularFile(file)) return;
        try {
            JsonNode root = JSON.readTree(file.toFile());
            root.fields()
                    .forEachRemaining(
                            e -> {
                                Secret s =
                                        new Secret(e.getKey(), e.getValue().path("arn").asText());
                                e.getValue()
                                        .path("versions")
                                        .forEach(
                                                v -> {
                                                    List<String> stages = new ArrayList<>();
                                                    v.path("stages")
                                                            .forEach(n -> stages.add(n.asText()));
                                                    s.versions.put(
                                                            v.path("id").asText(),
                                                            new Version(
                                                                    v.path("id").asText(),
                                                                    v.path("value").isNull()
                                                                            ? null
                                                                            : v.path("value")
                                                                                    .asText(),
                                                                    stages,
                                                                    v.path("created").asLong()));
                                                });
                                secrets.put(s.name, s);
                            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private void save() {
        if (file == null) return;
        ObjectNode root = JSON.createObjectNode();
        for (Secret s : secrets.values()) {
            ObjectNode n = root.putObject(s.name).put("arn", s.arn);
            ArrayNode versions = n.putArray("versions");
            for (Version v : s.versions.values()) {
                ObjectNode vn =
                        versions.addObject()
                                .put("id", v.id())
                                .put("value", v.value())
                                .put("created", v.created());
                ArrayNode st = vn.putArray("stages");
                v.stages().forEach(st::add);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("secrets.json.new");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.setPosixFilePermissions(
                        temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
