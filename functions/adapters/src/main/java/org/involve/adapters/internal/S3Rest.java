package org.involve.adapters.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * The S3 operations our adapters use, over S3's REST API through {@link SignedHttp}: put, get (whole or a range), head,
 * delete, delete many, list keys, and a pre-signed GET. A bucket is addressed as AWS advises, virtual-hosted ({@code
 * https://BUCKET.s3.REGION.amazonaws.com/KEY}), or by path when the endpoint is an emulator's ({@code
 * ENDPOINT/BUCKET/KEY}); a key is URI-encoded segment by segment, its slashes kept. An error answer is an {@link
 * AwsServiceException} with S3's code ({@code NoSuchKey}, {@code NotFound} for a HEAD, {@code SlowDown}, ...).
 */
public final class S3Rest {
    /** S3's limit on one DeleteObjects request. */
    public static final int MOST_PER_DELETE = 1000;

    private final SignedHttp http;

    public S3Rest(SignedHttp http) {
        this.http = http;
    }

    /** The signed-HTTP piece: its region, credentials and clock sign pre-signed forms too. */
    public SignedHttp http() {
        return http;
    }

    /** The bucket's own address, ending in "/" on AWS; the emulator's {@code ENDPOINT/BUCKET} otherwise. */
    public String bucketAddress(String bucket) {
        if (http.overridden())
            return http.endpoint().toString().replaceFirst("/+$", "") + "/" + bucket;
        return "https://" + bucket + ".s3." + http.region() + ".amazonaws.com/";
    }

    /** An object's address: {@code query} is already encoded ("" for none). */
    URI objectUri(String bucket, String key, String query) {
        String base = bucketAddress(bucket);
        if (!base.endsWith("/")) base += "/";
        return URI.create(base + SdkHttpUtils.urlEncodeIgnoreSlashes(key) + query);
    }

    private URI bucketUri(String bucket, String query) {
        String base = bucketAddress(bucket);
        if (http.overridden()) base += "/";
        return URI.create(base + query);
    }

    /**
     * Stores {@code body} under {@code key}, replacing what was there.
     *
     * @param headers e.g. Content-Type, Cache-Control, x-amz-server-side-encryption
     */
    public void put(String bucket, String key, byte[] body, Map<String, String> headers) {
        http.send(SdkHttpMethod.PUT, objectUri(bucket, key, ""), headers, body);
    }

    /** The object's bytes ({@code range} e.g. "bytes=0-511", or null for all); empty if there is no such object. */
    public Optional<byte[]> get(String bucket, String key, String range) {
        try {
            return Optional.of(
                    http.send(
                                    SdkHttpMethod.GET,
                                    objectUri(bucket, key, ""),
                                    range == null ? Map.of() : Map.of("Range", range),
                                    null)
                            .body());
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** The object's size in bytes (a HEAD); empty if there is no such object. */
    public Optional<Long> size(String bucket, String key) {
        try {
            var answer = http.send(SdkHttpMethod.HEAD, objectUri(bucket, key, ""), Map.of(), null);
            return Optional.of(Long.parseLong(answer.header("Content-Length").orElse("0")));
        } catch (AwsServiceException e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Deletes the object; deleting what is not there is fine (S3 answers 204 either way). */
    public void delete(String bucket, String key) {
        http.send(SdkHttpMethod.DELETE, objectUri(bucket, key, ""), Map.of(), null);
    }

    /**
     * Deletes up to {@value #MOST_PER_DELETE} objects in one DeleteObjects request (quiet: S3 lists only failures,
     * which, as with the SDK's client, are not read: a key left behind is deleted with the next attempt).
     */
    public void deleteAll(String bucket, List<String> keys) {
        if (keys.isEmpty()) return;
        if (keys.size() > MOST_PER_DELETE)
            throw new IllegalArgumentException("At most 1000 keys per request");
        StringBuilder xml =
                new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                + "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (String key : keys)
            xml.append("<Object><Key>").append(escape(key)).append("</Key></Object>");
        xml.append("<Quiet>true</Quiet></Delete>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        headers.put("Content-MD5", Base64.getEncoder().encodeToString(md5(body)));
        http.send(SdkHttpMethod.POST, bucketUri(bucket, "?delete"), headers, body);
    }

    /** Every key that starts with {@code prefix}, page by page (ListObjectsV2, 1,000 a page). */
    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            StringJoiner query = new StringJoiner("&", "?", "");
            if (token != null) query.add("continuation-token=" + SdkHttpUtils.urlEncode(token));
            query.add("list-type=2");
            query.add("prefix=" + SdkHttpUtils.urlEncode(prefix));
            String xml =
                    http.send(
                                    SdkHttpMethod.GET,
                                    bucketUri(bucket, query.toString()),
                                    Map.of(),
                                    null)
                            .text();
            for (int at = xml.indexOf("<Key>"); at >= 0; at = xml.indexOf("<Key>", at + 1))
                keys.add(SignedHttp.element(xml, "Key", at));
            token =
                    "true".equals(SignedHttp.element(xml, "IsTruncated"))
                            ? SignedHttp.element(xml, "NextContinuationToken")
                            : null;
        } while (token != null);
        return keys;
    }

    /**
     * A GET of the object that anyone holding the address may make for {@code lifetime}, S3 answering with the
     * headers {@code overrides} names (e.g. response-content-type), as the SDK's presigner signs one.
     */
    public URI presignedGet(
            String bucket, String key, Map<String, String> overrides, Duration lifetime) {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.setEmptyValue("");
        overrides.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(
                        e ->
                                query.add(
                                        SdkHttpUtils.urlEncode(e.getKey())
                                                + "="
                                                + SdkHttpUtils.urlEncode(e.getValue())));
        return http.presign(SdkHttpMethod.GET, objectUri(bucket, key, query.toString()), lifetime);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
