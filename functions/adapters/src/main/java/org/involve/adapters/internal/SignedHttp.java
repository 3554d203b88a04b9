package org.involve.adapters.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * One AWS service called over its REST API, without the SDK's service client (whose generated model, every operation's
 * request and response class, is megabytes in every jar that holds it). The SDK still does the hard parts: the request
 * is signed by its Signature Version 4 signer, sent by the same {@link SdkHttpClient} and signed with the same
 * credentials as the SDK clients'. What the service client did besides, this class does: it retries as AWS's standard
 * retry mode does ({@link Retries}), and turns an error answer into the SDK's own exceptions, an {@link
 * AwsServiceException} with the service's error code (so callers classify failures as they did) or, when no answer
 * came, an {@link SdkClientException} whose cause is the I/O error.
 */
public final class SignedHttp {
    /** How a service's requests are signed and its errors read. */
    public enum Protocol {
        /**
         * S3: the payload's SHA-256 in {@code x-amz-content-sha256} (signed), paths encoded once and never normalised
         * (a key may hold "//" or "./"), errors as {@code <Error><Code>} XML.
         */
        S3_XML,
        /** A REST-JSON service (SES v2): paths encoded twice when signed, errors in {@code x-amzn-ErrorType} or JSON. */
        REST_JSON
    }

    /**
     * When to try a call again: as AWS's standard retry mode, a 5xx, a 429, a throttling or transient error code, or
     * an I/O error (no connection, no answer in time), at most {@code attempts} times in all, waiting a random time up
     * to 100 ms × 2^(retry - 1) (1 s × 2^(retry - 1) after throttling), never more than 20 s.
     */
    public record Retries(int attempts) {
        static final Duration BASE = Duration.ofMillis(100);
        static final Duration THROTTLED_BASE = Duration.ofSeconds(1);
        static final Duration MOST = Duration.ofSeconds(20);

        /** AWS's standard mode: 3 attempts. */
        public static Retries standard() {
            return new Retries(3);
        }

        /** One attempt: for a call that must not be repeated when its answer is lost (an e-mail sent twice). */
        public static Retries none() {
            return new Retries(1);
        }

        /** The longest wait before retry {@code retry} (1 for the first): the jitter picks up to this. */
        static Duration mostBefore(int retry, boolean throttled) {
            Duration d =
                    (throttled ? THROTTLED_BASE : BASE).multipliedBy(1L << Math.min(retry - 1, 20));
            return d.compareTo(MOST) > 0 ? MOST : d;
        }
    }

    /** An answer: the status, its headers (names in lower case) and the whole body. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty()
                    ? Optional.empty()
                    : Optional.of(values.get(0));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What waits between attempts (a test's takes no time). */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The error codes AWS's standard retry mode treats as throttling. */
    static final Set<String> THROTTLING =
            Set.of(
                    "Throttling",
                    "ThrottlingException",
                    "ThrottledException",
                    "RequestThrottledException",
                    "TooManyRequestsException",
                    "ProvisionedThroughputExceededException",
                    "TransactionInProgressException",
                    "RequestLimitExceeded",
                    "BandwidthLimitExceeded",
                    "LimitExceededException",
                    "RequestThrottled",
                    "SlowDown",
                    "PriorRequestNotComplete",
                    "EC2ThrottledException");

    /** The error codes it treats as transient, whatever their status. */
    static final Set<String> TRANSIENT =
            Set.of("RequestTimeout", "RequestTimeoutException", "InternalError");

    private final SdkHttpClient http;
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;
    private final String signingName;
    private final Protocol protocol;
    private final Retries retries;
    private final URI endpoint;
    private final boolean overridden;
    private final Clock clock;
    private final Sleeper sleeper;
    private static final JsonFactory JSON = new JsonFactory();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /**
     * @param endpoint the service's address: AWS's own, or an emulator's ({@code overridden})
     * @param clock what signatures are dated by
     */
    public SignedHttp(
            SdkHttpClient http,
            IdentityProvider<? extends AwsCredentialsIdentity> credentials,
            String region,
            String signingName,
            Protocol protocol,
            Retries retries,
            URI endpoint,
            boolean overridden,
            Clock clock,
            Sleeper sleeper) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.signingName = signingName;
        this.protocol = protocol;
        this.retries = retries;
        this.endpoint = endpoint;
        this.overridden = overridden;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public String region() {
        return region;
    }

    /** The service's address, AWS's own unless {@link #overridden()}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Whether {@link #endpoint()} is an emulator's (S3 then addresses buckets by path). */
    public boolean overridden() {
        return overridden;
    }

    /** The credentials a call is signed with now (the provider keeps them until they expire). */
    public AwsCredentialsIdentity identity() {
        return credentials.resolveIdentity().join();
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Sends a signed request and returns a 2xx answer, retrying what {@link Retries} retries. Redirects are not
     * followed (S3 answers 301 for a bucket in another region): they are errors too.
     *
     * @param uri the whole address, its path and query already URI-encoded
     * @param headers besides those the signer adds (Host, X-Amz-Date, the security token, Authorization)
     * @param body the payload, or null for none
     * @throws AwsServiceException the service's error answer, after the last attempt
     * @throws SdkClientException no answer: no connection, a timeout, a broken connection
     */
    public Answer send(SdkHttpMethod method, URI uri, Map<String, String> headers, byte[] body) {
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            boolean throttled = false;
            try {
                Answer answer = once(method, uri, headers, body);
                if (answer.status() < 300) return answer;
                AwsServiceException error = error(answer);
                failure = error;
                throttled = error.isThrottlingException();
                if (!retryable(error)) throw error;
            } catch (IOException e) {
                failure =
                        SdkClientException.builder()
                                .message(
                                        "No answer from "
                                                + signingName
                                                + ": "
                                                + e.getClass().getSimpleName())
                                .cause(e)
                                .build();
            }
            if (attempt >= retries.attempts()) throw failure;
            pause(Retries.mostBefore(attempt, throttled));
        }
    }

    /** Whether AWS's standard retry mode tries an error answer again. */
    static boolean retryable(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() >= 500
                || e.statusCode() == 429
                || (code != null && (THROTTLING.contains(code) || TRANSIENT.contains(code)));
    }

    private void pause(Duration most) {
        long millis = ThreadLocalRandom.current().nextLong(most.toMillis() + 1);
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("Interrupted while waiting to retry", e);
        }
    }

    private Answer once(SdkHttpMethod method, URI uri, Map<String, String> headers, byte[] body)
            throws IOException {
        SdkHttpRequest signed = sign(request(method, uri, headers, body), body, null);
        HttpExecuteRequest.Builder execute = HttpExecuteRequest.builder().request(signed);
        if (body != null) execute.contentStreamProvider(content(body));
        HttpExecuteResponse response = http.prepareRequest(execute.build()).call();
        byte[] bytes;
        try (InputStream in = response.responseBody().map(InputStream.class::cast).orElse(null)) {
            bytes = in == null ? new byte[0] : in.readAllBytes();
        }
        SdkHttpResponse r = response.httpResponse();
        Map<String, List<String>> lower = new HashMap<>();
        r.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new Answer(r.statusCode(), lower, bytes);
    }

    /**
     * A pre-signed address for a GET (or HEAD) that lasts {@code lifetime}: the signature in its query, the payload
     * unsigned, as the SDK's presigner makes one.
     */
    public URI presign(SdkHttpMethod method, URI uri, Duration lifetime) {
        SdkHttpRequest signed = sign(request(method, uri, Map.of(), null), null, lifetime);
        return signed.getUri();
    }

    /** The request as signed now: for tests that compare it with AWS's rules. */
    SdkHttpRequest signed(SdkHttpMethod method, URI uri, Map<String, String> headers, byte[] body) {
        return sign(request(method, uri, headers, body), body, null);
    }

    private SdkHttpRequest request(
            SdkHttpMethod method, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(method).uri(uri);
        headers.forEach(b::putHeader);
        if (body != null) b.putHeader("Content-Length", String.valueOf(body.length));
        return b.build();
    }

    private SdkHttpRequest sign(SdkHttpRequest request, byte[] body, Duration presignedFor) {
        AwsCredentialsIdentity who = identity();
        boolean s3 = protocol == Protocol.S3_XML;
        SignRequest.Builder<AwsCredentialsIdentity> b =
                SignRequest.builder(who)
                        .request(
                                // The signer puts the payload's hash where a request asks for it.
                                s3 && presignedFor == null
                                        ? request.toBuilder()
                                                .putHeader("x-amz-content-sha256", "required")
                                                .build()
                                        : request)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, signingName)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, !s3)
                        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, !s3)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock);
        if (body != null) b.payload(content(body));
        if (presignedFor != null)
            b.putProperty(
                            AwsV4FamilyHttpSigner.AUTH_LOCATION,
                            AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, presignedFor)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false);
        return signer.sign(b.build()).request();
    }

    private static ContentStreamProvider content(byte[] body) {
        return () -> new ByteArrayInputStream(body);
    }

    /** The service's error answer as the SDK's exception: its code, status and request id, never its body. */
    AwsServiceException error(Answer answer) {
        String[] codeAndMessage =
                protocol == Protocol.S3_XML ? xmlError(answer) : jsonError(answer);
        String code = codeAndMessage[0];
        if (code == null || code.isEmpty()) code = defaultCode(answer.status());
        String requestId =
                answer.header("x-amz-request-id")
                        .or(() -> answer.header("x-amzn-requestid"))
                        .orElse(null);
        return AwsServiceException.builder()
                .statusCode(answer.status())
                .requestId(requestId)
                .message(code)
                .awsErrorDetails(
                        AwsErrorDetails.builder()
                                .errorCode(code)
                                .errorMessage(codeAndMessage[1])
                                .serviceName(signingName)
                                .build())
                .build();
    }

    /** What S3 calls an error whose answer has no body (a HEAD's). */
    private static String defaultCode(int status) {
        return switch (status) {
            case 404 -> "NotFound";
            case 403 -> "Forbidden";
            case 400 -> "BadRequest";
            case 429 -> "TooManyRequestsException";
            case 503 -> "ServiceUnavailable";
            default -> "HTTP" + status;
        };
    }

    /** S3's {@code <Error><Code>NoSuchKey</Code><Message>…</Message></Error>}. */
    private static String[] xmlError(Answer answer) {
        String text = answer.text();
        return new String[] {element(text, "Code"), element(text, "Message")};
    }

    /** The text of the first {@code <name>} element (S3's error bodies hold no nested markup in these). */
    static String element(String xml, String name) {
        return element(xml, name, 0);
    }

    /** The text of the first {@code <name>} element at or after {@code from}, unescaped. */
    static String element(String xml, String name, int from) {
        int start = xml.indexOf("<" + name + ">", from);
        if (start < 0) return null;
        start += name.length() + 2;
        int end = xml.indexOf("</" + name + ">", start);
        return end < 0 ? null : unescape(xml.substring(start, end));
    }

    /**
     * A REST-JSON error: the code in {@code x-amzn-ErrorType} ({@code Code:http://…}), else the body's {@code __type}
     * or {@code code} ({@code namespace#Code}); the message from {@code message} or {@code Message}.
     */
    private static String[] jsonError(Answer answer) {
        Map<String, String> body = topLevelStrings(answer.body());
        String code =
                answer.header("x-amzn-errortype")
                        .orElseGet(
                                () ->
                                        Optional.ofNullable(body.get("__type"))
                                                .or(() -> Optional.ofNullable(body.get("code")))
                                                .or(() -> Optional.ofNullable(body.get("Code")))
                                                .orElse(null));
        if (code != null) {
            code = code.split(":", 2)[0];
            code = code.substring(code.lastIndexOf('#') + 1);
        }
        String message = Optional.ofNullable(body.get("message")).orElse(body.get("Message"));
        return new String[] {code, message};
    }

    /** The string members at the top of a JSON object (an error answer's); empty if it is not one. */
    static Map<String, String> topLevelStrings(byte[] json) {
        Map<String, String> strings = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return strings;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING) strings.put(name, p.getText());
                else p.skipChildren();
            }
        } catch (IOException e) {
            // Not JSON (a proxy's page, say): no code from the body.
        }
        return strings;
    }

    /** S3's error bodies escape only XML's five predefined entities. */
    static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
