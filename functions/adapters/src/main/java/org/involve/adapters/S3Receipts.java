package org.involve.adapters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.involve.adapters.internal.S3Rest;
import org.involve.core.payments.ReceiptType;
import org.involve.core.payments.Receipts;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The receipts bucket. An upload is a pre-signed POST form (the SDK has no helper for one, so the policy is signed
 * here with Signature Version 4): the key we chose, 1 byte to 10 MB ({@code content-length-range}), the page S3 sends
 * the browser back to, valid for {@link #FORM_LIFETIME}. The file never passes through a function (Lambda takes at
 * most 6 MB). After an upload we HEAD the object for its size and read only its first bytes (a ranged GET). Staff see a
 * receipt through a pre-signed GET lasting {@link #VIEW_LIFETIME}, served as the type its first bytes show.
 *
 * <p>Against the local emulator (an endpoint override) addresses are path-style, {@code <endpoint>/<bucket>/<key>}.
 */
public final class S3Receipts implements Receipts {
    static final Duration FORM_LIFETIME = Duration.ofMinutes(30);
    static final Duration VIEW_LIFETIME = Duration.ofMinutes(5);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final S3Rest s3;
    private final String bucket;
    private final String siteUrl;
    private final Clock clock;

    /**
     * @param siteUrl the public site's address: the page S3 sends the browser back to is on it
     */
    public S3Receipts(S3Rest s3, String bucket, String siteUrl, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.siteUrl = siteUrl.replaceFirst("/+$", "");
        this.clock = clock;
    }

    @Override
    public UploadForm uploadForm(String key, String returnTo) {
        String region = s3.http().region();
        AwsCredentialsIdentity who = s3.http().identity();
        Instant now = clock.instant();
        String stamp = STAMP.format(now), day = stamp.substring(0, 8);
        String credential = who.accessKeyId() + "/" + day + "/" + region + "/s3/aws4_request";
        String redirect = returnTo.startsWith("/") ? siteUrl + returnTo : returnTo;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("success_action_redirect", redirect);
        fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", stamp);
        if (who instanceof AwsSessionCredentialsIdentity session)
            fields.put("x-amz-security-token", session.sessionToken());
        List<String> conditions = new ArrayList<>();
        conditions.add(exactly("bucket", bucket));
        fields.forEach((name, value) -> conditions.add(exactly(name, value)));
        conditions.add("[\"content-length-range\",1," + ReceiptType.MOST_BYTES + "]");
        String policy =
                "{\"expiration\":\""
                        + DateTimeFormatter.ISO_INSTANT.format(
                                now.plus(FORM_LIFETIME)
                                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                        + "\",\"conditions\":["
                        + String.join(",", conditions)
                        + "]}";
        String encoded =
                Base64.getEncoder().encodeToString(policy.getBytes(StandardCharsets.UTF_8));
        fields.put("policy", encoded);
        fields.put(
                "x-amz-signature",
                HexFormat.of()
                        .formatHex(
                                hmac(
                                        signingKey(who.secretAccessKey(), day, region, "s3"),
                                        encoded)));
        return new UploadForm(action(), fields);
    }

    /** Where the form posts: the bucket's own address, or the emulator's path-style one. */
    String action() {
        return s3.bucketAddress(bucket);
    }

    @Override
    public Optional<Stored> look(String key) {
        Optional<Long> size = s3.size(bucket, key);
        if (size.isEmpty()) return Optional.empty();
        if (size.get() == 0) return Optional.of(new Stored(0, new byte[0]));
        Optional<byte[]> read = s3.get(bucket, key, "bytes=0-" + (ReceiptType.FIRST_BYTES - 1));
        if (read.isEmpty()) return Optional.empty(); // deleted between the two calls
        byte[] first = read.get();
        if (first.length > ReceiptType.FIRST_BYTES)
            first = java.util.Arrays.copyOf(first, ReceiptType.FIRST_BYTES);
        return Optional.of(new Stored(size.get(), first));
    }

    @Override
    public void delete(String key) {
        s3.delete(bucket, key);
    }

    @Override
    public int deleteAll(String claimId) {
        List<String> keys = s3.keys(bucket, Receipts.prefix(claimId));
        for (int i = 0; i < keys.size(); i += S3Rest.MOST_PER_DELETE)
            s3.deleteAll(
                    bucket, keys.subList(i, Math.min(keys.size(), i + S3Rest.MOST_PER_DELETE)));
        return keys.size();
    }

    @Override
    public String viewLink(String key) {
        String type =
                look(key)
                        .flatMap(s -> ReceiptType.of(s.first()))
                        .map(ReceiptType::contentType)
                        .orElse("application/octet-stream");
        return s3.presignedGet(
                        bucket,
                        key,
                        Map.of(
                                "response-content-type",
                                type,
                                "response-content-disposition",
                                "inline"),
                        VIEW_LIFETIME)
                .toString();
    }

    private static String exactly(String name, String value) {
        return "{\"" + json(name) + "\":\"" + json(value) + "\"}";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray())
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        return b.toString();
    }

    /** Signature Version 4's signing key for one day, region and service. */
    static byte[] signingKey(String secret, String day, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
