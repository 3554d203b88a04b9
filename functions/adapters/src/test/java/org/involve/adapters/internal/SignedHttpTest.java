package org.involve.adapters.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The signed REST calls that stand in for the SDK's S3 and SES clients: retried as AWS's standard mode retries (faults
 * injected under them by a scripted HTTP client), errors mapped to the SDK's exceptions, and requests signed as AWS
 * expects (checked against a Signature Version 4 worked out here by hand, and against the S3 client's own addressing).
 */
class SignedHttpTest {
    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    static final String KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final URI EMULATOR = URI.create("http://localhost:4566");
    private final List<Duration> waits = new ArrayList<>();

    private SignedHttp http(
            ScriptedHttp scripted, String name, SignedHttp.Protocol p, SignedHttp.Retries r) {
        return new SignedHttp(
                scripted,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)),
                "eu-west-2",
                name,
                p,
                r,
                EMULATOR,
                true,
                Clock.fixed(NOW, ZoneOffset.UTC),
                waits::add);
    }

    private S3Rest s3(ScriptedHttp scripted) {
        return new S3Rest(
                http(scripted, "s3", SignedHttp.Protocol.S3_XML, SignedHttp.Retries.standard()));
    }

    private static ScriptedHttp.Step s3Error(int status, String code) {
        return ScriptedHttp.answer(
                status,
                Map.of("x-amz-request-id", "R1"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                        + code
                        + "</Code><Message>Please reduce your request rate.</Message></Error>");
    }

    private static ScriptedHttp.Step ok(String body) {
        return ScriptedHttp.answer(200, Map.of(), body);
    }

    @Test
    void a503IsTriedAgainAndTheSecondAnswerTaken() {
        ScriptedHttp scripted =
                new ScriptedHttp(null).then(s3Error(503, "ServiceUnavailable")).then(ok("page"));
        assertArrayEquals(
                "page".getBytes(StandardCharsets.UTF_8),
                s3(scripted).get("site", "roles/a", null).orElseThrow());
        assertEquals(2, scripted.requests().size());
        scripted.requests()
                .forEach(r -> assertTrue(r.firstMatchingHeader("Authorization").isPresent()));
        assertEquals(1, waits.size());
        assertTrue(waits.get(0).compareTo(Duration.ofMillis(100)) <= 0, "first wait " + waits);
    }

    @Test
    void slowDownIsThrottlingAndWaitsLongerBeforeEachRetry() {
        ScriptedHttp scripted =
                new ScriptedHttp(null)
                        .then(s3Error(503, "SlowDown"), 2)
                        .then(ScriptedHttp.answer(200, Map.of(), ""));
        s3(scripted).put("site", "roles/a", new byte[] {1}, Map.of());
        assertEquals(3, scripted.requests().size());
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(1)) <= 0, waits.toString());
        assertTrue(waits.get(1).compareTo(Duration.ofSeconds(2)) <= 0, waits.toString());
    }

    @Test
    void aTimeoutIsTriedAgain() {
        ScriptedHttp scripted =
                new ScriptedHttp(null)
                        .then(ScriptedHttp.fail(new SocketTimeoutException("Read timed out")))
                        .then(ScriptedHttp.answer(204, Map.of(), ""));
        s3(scripted).delete("site", "roles/a");
        assertEquals(2, scripted.requests().size());
    }

    @Test
    void anErrorStillThereAfterTheLastAttemptIsTheSdksExceptionWithS3sCode() {
        ScriptedHttp scripted = new ScriptedHttp(null).then(s3Error(500, "InternalError"), 3);
        AwsServiceException e =
                assertThrows(
                        AwsServiceException.class,
                        () -> s3(scripted).put("site", "k", new byte[0], Map.of()));
        assertEquals(3, scripted.requests().size(), "AWS's standard mode makes 3 attempts");
        assertEquals(500, e.statusCode());
        assertEquals("InternalError", e.awsErrorDetails().errorCode());
        assertEquals("R1", e.requestId());
    }

    @Test
    void noAnswerAfterTheLastAttemptIsAClientExceptionWithTheCause() {
        ScriptedHttp scripted =
                new ScriptedHttp(null)
                        .then(ScriptedHttp.fail(new SocketTimeoutException("Read timed out")), 3);
        SdkClientException e =
                assertThrows(
                        SdkClientException.class, () -> s3(scripted).delete("site", "roles/a"));
        assertInstanceOf(SocketTimeoutException.class, e.getCause());
        assertEquals(3, scripted.requests().size());
    }

    @Test
    void aMissingObjectIsNotRetriedAndReadsAsNothing() {
        ScriptedHttp scripted = new ScriptedHttp(null).then(s3Error(404, "NoSuchKey"));
        assertEquals(Optional.empty(), s3(scripted).get("site", "none", null));
        assertEquals(1, scripted.requests().size());
        ScriptedHttp head = new ScriptedHttp(null).then(ScriptedHttp.answer(404, Map.of(), ""));
        assertEquals(Optional.empty(), s3(head).size("site", "none"));
        ScriptedHttp denied = new ScriptedHttp(null).then(s3Error(403, "AccessDenied"));
        AwsServiceException e =
                assertThrows(
                        AwsServiceException.class,
                        () -> s3(denied).put("site", "k", new byte[0], Map.of()));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals(1, denied.requests().size(), "a refusal is not retried");
        assertEquals(List.of(), waits);
    }

    /** S3 answers 301 for a bucket in another region: an error, not an empty success, and not followed. */
    @Test
    void aRedirectIsAnError() {
        ScriptedHttp scripted = new ScriptedHttp(null).then(s3Error(301, "PermanentRedirect"));
        AwsServiceException e =
                assertThrows(AwsServiceException.class, () -> s3(scripted).get("site", "k", null));
        assertEquals("PermanentRedirect", e.awsErrorDetails().errorCode());
        assertEquals(1, scripted.requests().size());
    }

    /** SES calls are made once: a retry after a lost answer could send an e-mail twice (the outbox retries later). */
    @Test
    void aThrottledSesAnswerIsNotRetriedHereAndKeepsItsCode() {
        ScriptedHttp scripted =
                new ScriptedHttp(null)
                        .then(
                                ScriptedHttp.answer(
                                        400,
                                        Map.of(
                                                "x-amzn-ErrorType",
                                                "TooManyRequestsException:http://internal.amazon.com/",
                                                "x-amzn-RequestId",
                                                "R2"),
                                        "{\"message\":\"Too many requests\"}"));
        SignedHttp ses =
                http(scripted, "ses", SignedHttp.Protocol.REST_JSON, SignedHttp.Retries.none());
        AwsServiceException e =
                assertThrows(
                        AwsServiceException.class,
                        () ->
                                ses.send(
                                        SdkHttpMethod.POST,
                                        URI.create(EMULATOR + "/v2/email/outbound-emails"),
                                        Map.of("Content-Type", "application/json"),
                                        "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, scripted.requests().size());
        assertEquals("TooManyRequestsException", e.awsErrorDetails().errorCode());
        assertTrue(e.isThrottlingException());
        assertEquals("R2", e.requestId());
        ScriptedHttp bodyCode =
                new ScriptedHttp(null)
                        .then(
                                ScriptedHttp.answer(
                                        400,
                                        Map.of(),
                                        "{\"__type\":\"com.amazon#MessageRejected\",\"message\":\"x\"}"));
        AwsServiceException rejected =
                assertThrows(
                        AwsServiceException.class,
                        () ->
                                http(
                                                bodyCode,
                                                "ses",
                                                SignedHttp.Protocol.REST_JSON,
                                                SignedHttp.Retries.none())
                                        .send(
                                                SdkHttpMethod.POST,
                                                URI.create(EMULATOR + "/v2/email/outbound-emails"),
                                                Map.of(),
                                                new byte[0]));
        assertEquals("MessageRejected", rejected.awsErrorDetails().errorCode());
    }

    /**
     * A PUT of a key with a space, a unicode letter, a plus and a tilde, signed at a fixed time with AWS's example key:
     * the Authorization header is the one Signature Version 4's rules give, worked out here step by step (canonical
     * request, string to sign, signing key) without the SDK.
     */
    @Test
    void aRequestIsSignedAsSignatureVersion4Requires() throws Exception {
        ScriptedHttp scripted = ScriptedHttp.answering(200, "");
        byte[] body = "<p>Café</p>".getBytes(StandardCharsets.UTF_8);
        s3(scripted)
                .put("site", "roles/a b/café+1~.html", body, Map.of("Content-Type", "text/html"));
        SdkHttpRequest sent = scripted.requests().get(0);

        String path = "/site/roles/a%20b/caf%C3%A9%2B1~.html";
        assertEquals(path, sent.encodedPath());
        String payload = hex(sha256(body));
        assertEquals(payload, sent.firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        String canonical =
                String.join(
                        "\n",
                        "PUT",
                        path,
                        "",
                        "content-length:" + body.length,
                        "content-type:text/html",
                        "host:localhost:4566",
                        "x-amz-content-sha256:" + payload,
                        "x-amz-date:20261202T090000Z",
                        "",
                        "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
                        payload);
        String toSign =
                String.join(
                        "\n",
                        "AWS4-HMAC-SHA256",
                        "20261202T090000Z",
                        "20261202/eu-west-2/s3/aws4_request",
                        hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), "20261202");
        key = hmac(hmac(hmac(key, "eu-west-2"), "s3"), "aws4_request");
        assertEquals(
                "AWS4-HMAC-SHA256 Credential="
                        + KEY_ID
                        + "/20261202/eu-west-2/s3/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature="
                        + hex(hmac(key, toSign)),
                sent.firstMatchingHeader("Authorization").orElseThrow());
    }

    /**
     * A pre-signed GET (a staff member's link to a receipt): the signature in the query, only the host signed, the
     * payload unsigned, as Signature Version 4's rules for a query-string signature give it.
     */
    @Test
    void aPresignedGetIsSignedInItsQuery() throws Exception {
        URI link =
                s3(ScriptedHttp.answering(200, ""))
                        .presignedGet(
                                "site",
                                "r/a b",
                                Map.of(
                                        "response-content-type", "image/png",
                                        "response-content-disposition", "inline"),
                                Duration.ofMinutes(5));
        String query =
                "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                        + "&X-Amz-Credential="
                        + KEY_ID
                        + "%2F20261202%2Feu-west-2%2Fs3%2Faws4_request"
                        + "&X-Amz-Date=20261202T090000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
                        + "&response-content-disposition=inline&response-content-type=image%2Fpng";
        String canonical =
                String.join(
                        "\n",
                        "GET",
                        "/site/r/a%20b",
                        query,
                        "host:localhost:4566",
                        "",
                        "host",
                        "UNSIGNED-PAYLOAD");
        String toSign =
                String.join(
                        "\n",
                        "AWS4-HMAC-SHA256",
                        "20261202T090000Z",
                        "20261202/eu-west-2/s3/aws4_request",
                        hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), "20261202");
        key = hmac(hmac(hmac(key, "eu-west-2"), "s3"), "aws4_request");
        assertEquals("/site/r/a%20b", link.getRawPath());
        java.util.Set<String> params =
                new java.util.TreeSet<>(List.of(link.getRawQuery().split("&")));
        java.util.Set<String> expected = new java.util.TreeSet<>(List.of(query.split("&")));
        expected.add("X-Amz-Signature=" + hex(hmac(key, toSign)));
        assertEquals(expected, params);
    }

    /** The key is addressed as the SDK's own S3 client addresses it (path-style on an emulator). */
    @Test
    void aKeyIsEncodedAsTheSdksS3ClientEncodesIt() {
        String key = "roles/a b/café+1~(x)&y=z;!*'.html";
        ScriptedHttp ours = ScriptedHttp.answering(200, "");
        s3(ours).put("site", key, new byte[] {1}, Map.of());
        ScriptedHttp sdks = ScriptedHttp.answering(200, "");
        try (S3Client client =
                S3Client.builder()
                        .httpClient(sdks)
                        .region(Region.EU_WEST_2)
                        .endpointOverride(EMULATOR)
                        .forcePathStyle(true)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(KEY_ID, SECRET)))
                        .build()) {
            client.putObject(b -> b.bucket("site").key(key), RequestBody.fromBytes(new byte[] {1}));
        }
        assertEquals(sdks.requests().get(0).encodedPath(), ours.requests().get(0).encodedPath());
        assertEquals(
                "https://site.s3.eu-west-2.amazonaws.com/",
                new S3Rest(
                                new SignedHttp(
                                        ours,
                                        StaticCredentialsProvider.create(
                                                AwsBasicCredentials.create(KEY_ID, SECRET)),
                                        "eu-west-2",
                                        "s3",
                                        SignedHttp.Protocol.S3_XML,
                                        SignedHttp.Retries.standard(),
                                        URI.create("https://s3.eu-west-2.amazonaws.com"),
                                        false,
                                        Clock.systemUTC(),
                                        waits::add))
                        .bucketAddress("site"),
                "virtual-hosted on AWS");
    }

    @Test
    void deletingManyKeysSendsTheirXmlWithItsMd5() throws Exception {
        ScriptedHttp scripted = ScriptedHttp.answering(200, "<DeleteResult/>");
        s3(scripted).deleteAll("site", List.of("a&b", "c"));
        SdkHttpRequest sent = scripted.requests().get(0);
        assertEquals(SdkHttpMethod.POST, sent.method());
        assertTrue(sent.rawQueryParameters().containsKey("delete"));
        byte[] body = scripted.bodies().get(0);
        String xml = new String(body, StandardCharsets.UTF_8);
        assertTrue(
                xml.contains("<Object><Key>a&amp;b</Key></Object><Object><Key>c</Key></Object>"),
                xml);
        assertTrue(xml.contains("<Quiet>true</Quiet>"), xml);
        assertEquals(
                java.util.Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("MD5").digest(body)),
                sent.firstMatchingHeader("Content-MD5").orElseThrow());
    }

    @Test
    void keysAreListedPageByPage() {
        ScriptedHttp scripted =
                new ScriptedHttp(null)
                        .then(
                                ok(
                                        "<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>r/a&amp;1</Key></Contents>"
                                                + "<NextContinuationToken>t+1=</NextContinuationToken></ListBucketResult>"))
                        .then(
                                ok(
                                        "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>r/b</Key></Contents></ListBucketResult>"));
        assertEquals(List.of("r/a&1", "r/b"), s3(scripted).keys("site", "r/"));
        assertEquals(
                List.of("t+1="),
                scripted.requests().get(1).rawQueryParameters().get("continuation-token"));
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
