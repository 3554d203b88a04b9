package org.involve.adapters;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.involve.core.publishing.StaticSite;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The published pages in the site bucket, which CloudFront serves (locally, the S3-compatible server the local runtime
 * serves them from). Each page is stored as HTML that CloudFront may keep a minute (s-maxage) and browsers must check
 * again each time (max-age=0), so a changed page reaches readers within a minute and a reload never shows an older one.
 */
public final class S3StaticSite implements StaticSite {
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    static final String CACHE_CONTROL = "public, max-age=0, s-maxage=60";
    private final S3Client s3;
    private final String bucket;

    public S3StaticSite(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, String html) {
        s3.putObject(
                r ->
                        r.bucket(bucket)
                                .key(key)
                                .contentType(CONTENT_TYPE)
                                .cacheControl(CACHE_CONTROL),
                RequestBody.fromBytes(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public Set<String> keys(String prefix) {
        Set<String> keys = new HashSet<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .forEach(keys::add);
        return keys;
    }
}
