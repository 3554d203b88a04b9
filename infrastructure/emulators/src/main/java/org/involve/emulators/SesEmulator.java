package org.involve.emulators;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code aws-ses-v2-local} SES emulator (npm), run as a child {@code node} process. Its web page lists every
 * e-mail sent; {@link #emails()} reads the same store. Requires {@code npm ci} in the repository root.
 */
public final class SesEmulator implements AutoCloseable {
    private static final String CLI = "node_modules/aws-ses-v2-local/dist/cli.js";
    private static final Pattern LISTENING =
            Pattern.compile("server running at https?://[^:]+:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SesEmulator(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the emulator from {@code repositoryRoot}'s node_modules; {@code port} 0 picks a free one. */
    public static SesEmulator start(Path repositoryRoot, int port) {
        Path cli = repositoryRoot.resolve(CLI);
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(
                    "The SES emulator is not installed ("
                            + cli
                            + " is missing). Run `npm ci` in the repository root first.");
        }
        Process process;
        try {
            process =
                    new ProcessBuilder(
                                    "node",
                                    cli.toString(),
                                    "--host",
                                    "127.0.0.1",
                                    "--port",
                                    String.valueOf(port))
                            .directory(repositoryRoot.toFile())
                            .redirectErrorStream(true)
                            .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot run `node` ("
                            + e.getMessage()
                            + "). Install Node.js, then run `npm ci` in the repository root first.",
                    e);
        }
        try {
            SesEmulator emulator = new SesEmulator(process, awaitListeningPort(process));
            emulator.awaitHealthy();
            return emulator;
        } catch (RuntimeException e) {
            destroy(process);
            throw e;
        }
    }

    /** Reads the child's output until it says where it listens (so port 0 works), then keeps draining it. */
    private static int awaitListeningPort(Process process) {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        StringBuilder early = new StringBuilder();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader out =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line; (line = out.readLine()) != null; ) {
                                    Matcher m = LISTENING.matcher(line);
                                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                                    else if (!port.isDone()) early.append(line).append('\n');
                                }
                            } catch (IOException ignored) {
                                // the process ended; the future below reports it
                            }
                            port.completeExceptionally(
                                    new IllegalStateException(
                                            "The SES emulator exited before listening:\n" + early));
                        },
                        "ses-emulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "The SES emulator did not start within "
                            + START_TIMEOUT.toSeconds()
                            + "s:\n"
                            + early);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (send(HttpRequest.newBuilder(endpoint().resolve("/health-check")).GET())
                                .statusCode()
                        == 200) return;
            } catch (UncheckedIOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException(
                "The SES emulator on port " + port + " never answered /health-check");
    }

    public int port() {
        return port;
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    /**
     * Every e-mail sent since the last {@link #clear()}, oldest first, as the emulator stores them: {@code messageId},
     * {@code from}, {@code replyTo}, {@code destination} ({@code to}, {@code cc}, {@code bcc}), {@code subject},
     * {@code body} ({@code html}, {@code text}), {@code attachments}, {@code at} (epoch seconds).
     */
    public List<Map<String, Object>> emails() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(endpoint().resolve("/store")).GET());
        try {
            Map<String, Object> store = JSON.readValue(response.body(), new TypeReference<>() {});
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> emails = (List<Map<String, Object>>) store.get("emails");
            return emails == null ? List.of() : emails;
        } catch (IOException e) {
            throw new UncheckedIOException("The SES emulator's /store is not JSON", e);
        }
    }

    /** Forgets every e-mail sent so far. */
    public void clear() {
        send(
                HttpRequest.newBuilder(endpoint().resolve("/clear-store"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    public void stop() {
        destroy(process);
    }

    @Override
    public void close() {
        stop();
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
