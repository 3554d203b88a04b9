package org.involve.adapters.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for fault tests: answers each call with the next scripted step (an answer, an I/O error, or the real
 * client's answer followed by an error, as when the answer is lost), then passes calls to {@code otherwise}. Keeps
 * every request it was given, signed as it would have been sent.
 */
public final class ScriptedHttp implements SdkHttpClient {
    /** One call's outcome: given the request and the real client, an answer or an I/O error. */
    public interface Step {
        HttpExecuteResponse take(HttpExecuteRequest request, SdkHttpClient real) throws IOException;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final SdkHttpClient otherwise;
    private final List<SdkHttpRequest> requests = new ArrayList<>();
    private final List<byte[]> bodies = new ArrayList<>();

    /** @param otherwise what answers once the script is done (a real client, or {@link #answering}) */
    public ScriptedHttp(SdkHttpClient otherwise) {
        this.otherwise = otherwise;
    }

    /** A client that answers every call with {@code status} and {@code body}. */
    public static ScriptedHttp answering(int status, String body) {
        return new ScriptedHttp(null).then(answer(status, Map.of(), body));
    }

    public ScriptedHttp then(Step step) {
        steps.add(step);
        return this;
    }

    public ScriptedHttp then(Step step, int times) {
        for (int i = 0; i < times; i++) steps.add(step);
        return this;
    }

    /** Drops what is left of the script. */
    public void reset() {
        steps.clear();
    }

    public List<SdkHttpRequest> requests() {
        return requests;
    }

    public List<byte[]> bodies() {
        return bodies;
    }

    public static Step answer(int status, Map<String, String> headers, String body) {
        return (request, real) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            SdkHttpResponse.Builder r = SdkHttpResponse.builder().statusCode(status);
            headers.forEach(r::putHeader);
            r.putHeader("Content-Length", String.valueOf(bytes.length));
            return HttpExecuteResponse.builder()
                    .response(r.build())
                    .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                    .build();
        };
    }

    public static Step fail(IOException e) {
        return (request, real) -> {
            throw e;
        };
    }

    /** The real client takes the call, and then its answer is lost (a read timeout after the request went). */
    public static Step sentThenLost(IOException e) {
        return (request, real) -> {
            HttpExecuteResponse r = real.prepareRequest(request).call();
            r.responseBody().ifPresent(ScriptedHttp::drain);
            throw e;
        };
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                requests.add(request.httpRequest());
                bodies.add(
                        request.contentStreamProvider()
                                .map(p -> readAll(p.newStream()))
                                .orElse(new byte[0]));
                Step step = steps.size() > 1 || otherwise != null ? steps.poll() : steps.peek();
                if (step != null) return step.take(request, otherwise);
                return otherwise.prepareRequest(request).call();
            }

            @Override
            public void abort() {}
        };
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(InputStream in) {
        readAll(in);
    }

    @Override
    public String clientName() {
        return "Scripted";
    }

    @Override
    public void close() {}
}
