package org.involve.adapters;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.adapters.internal.S3Rest;
import org.involve.core.payroll.ExportFiles;

/**
 * Payroll export files in the ExportsBucket: private (public access blocked, TLS only, by the template), each object
 * encrypted at rest. Finance read a file through the finance function, never by a public address.
 */
public final class S3ExportFiles implements ExportFiles {
    private final Supplier<S3Rest> s3;
    private final String bucket;

    /** {@code s3} is asked for the client on the first use, so a function that never reads a file never builds it. */
    public S3ExportFiles(Supplier<S3Rest> s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void store(String key, String csv) {
        s3.get()
                .put(
                        bucket,
                        key,
                        csv.getBytes(StandardCharsets.UTF_8),
                        Map.of(
                                "Content-Type", "text/csv; charset=utf-8",
                                "x-amz-server-side-encryption", "AES256"));
    }

    @Override
    public Optional<String> read(String key) {
        return s3.get().get(bucket, key, null).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
