package org.involve.adapters.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client for SnapStart priming that never opens a connection: it reads the request it is given (as a real
 * client would send it) and answers every call itself with one fixed JSON answer. A client of a service built over it
 * marshals, signs and unmarshals a call as for real, so the first real call after a restore finds that code loaded and
 * compiled, and the call itself reaches nobody: nothing is written, sent or counted anywhere.
 */
public final class OfflineHttp implements SdkHttpClient {
    private final int status;
    private final byte[] answer;
    private final AtomicInteger calls = new AtomicInteger();

    /** Answers every call with {@code status} and the JSON {@code answer}. */
    public OfflineHttp(int status, String answer) {
        this.status = status;
        this.answer = answer.getBytes(StandardCharsets.UTF_8);
    }

    /** How many calls it answered (none of them left the JVM). */
    public int calls() {
        return calls.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(body -> drain(body.newStream()));
                calls.incrementAndGet();
                return HttpExecuteResponse.builder()
                        .response(
                                SdkHttpResponse.builder()
                                        .statusCode(status)
                                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                                        .putHeader("Content-Length", String.valueOf(answer.length))
                                        .putHeader("x-amzn-RequestId", "priming")
                                        .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    private static void drain(InputStream body) {
        try (body) {
            body.transferTo(OutputStreamNowhere.INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where a request's body goes: read as a real client reads it, and kept nowhere. */
    private static final class OutputStreamNowhere extends java.io.OutputStream {
        static final OutputStreamNowhere INSTANCE = new OutputStreamNowhere();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }

    @Override
    public String clientName() {
        return "Offline";
    }

    @Override
    public void close() {}
}
