package org.involve.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.emulators.EmbeddedS3;
import org.involve.emulators.SiteDistribution;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Serves a GET as the template's CloudFront distribution would: a path whose behaviour sends it to the site bucket is
 * read from that bucket on the S3 emulator (the pages the SitePublisherFunction published), with the response
 * headers policy's headers. A page not (yet) published there is left to the functions, which draw the same page.
 * Responses say {@code X-Involve-Origin: SiteBucket}, so a test can tell a published page from a drawn one.
 */
final class SiteOrigin {
    static final String ORIGIN_HEADER = "X-Involve-Origin";
    private final SiteDistribution distribution;
    private final S3Client s3;

    SiteOrigin(SiteDistribution distribution, S3Client s3) {
        this.distribution = distribution;
        this.s3 = s3;
    }

    Optional<HttpApiResponses.Outgoing> serve(String method, String rawPath) {
        if (!method.equals("GET") && !method.equals("HEAD")) return Optional.empty();
        String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
        Optional<String> bucket = distribution.bucketFor(path);
        if (bucket.isEmpty() || path.contains("..")) return Optional.empty();
        String key = path.equals("/") ? distribution.rootObject() : path.substring(1);
        if (key == null || key.isEmpty()) return Optional.empty();
        ResponseBytes<GetObjectResponse> object;
        try {
            object =
                    s3.getObjectAsBytes(
                            b -> b.bucket(EmbeddedS3.bucketName(bucket.get())).key(key));
        } catch (NoSuchKeyException notPublished) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        GetObjectResponse meta = object.response();
        headers.put(
                "Content-Type",
                List.of(
                        meta.contentType() == null
                                ? "text/html; charset=utf-8"
                                : meta.contentType()));
        if (meta.cacheControl() != null) headers.put("Cache-Control", List.of(meta.cacheControl()));
        distribution.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        headers.put(ORIGIN_HEADER, List.of(bucket.get()));
        byte[] body = method.equals("HEAD") ? new byte[0] : object.asByteArray();
        return Optional.of(new HttpApiResponses.Outgoing(200, headers, body));
    }
}
