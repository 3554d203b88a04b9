package org.involve.adapters;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.involve.adapters.internal.S3Rest;
import org.involve.core.publishing.StaticSite;

/**
 * The published pages in the site bucket, which CloudFront serves (locally, the S3-compatible server the local runtime
 * serves them from). Each page is stored as HTML that CloudFront may keep a minute (s-maxage) and browsers must check
 * again each time (max-age=0), so a changed page reaches readers within a minute and a reload never shows an older one.
 */
public final class S3StaticSite implements StaticSite {
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    static final String CACHE_CONTROL = "public, max-age=0, s-maxage=60";
    private final S3Rest s3;
    private final String bucket;

    public S3StaticSite(S3Rest s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String key, String html) {
        s3.put(
                bucket,
                key,
                html.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", CONTENT_TYPE, "Cache-Control", CACHE_CONTROL));
    }

    @Override
    public void delete(String key) {
        s3.delete(bucket, key);
    }

    @Override
    public Set<String> keys(String prefix) {
        return new HashSet<>(s3.keys(bucket, prefix));
    }
}
