package org.involve.adapters;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.core.payroll.ExportFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Payroll export files in the ExportsBucket: private (public access blocked, TLS only, by the template), each object
 * encrypted at rest. Finance read a file through the finance function, never by a public address.
 */
public final class S3ExportFiles implements ExportFiles {
    private final Supplier<S3Client> s3;
    private final String bucket;

    /** {@code s3} is asked for the client on the first use, so a function that never reads a file never builds it. */
    public S3ExportFiles(Supplier<S3Client> s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void store(String key, String csv) {
        s3.get()
                .putObject(
                        r ->
                                r.bucket(bucket)
                                        .key(key)
                                        .contentType("text/csv; charset=utf-8")
                                        .serverSideEncryption(ServerSideEncryption.AES256),
                        RequestBody.fromString(csv, StandardCharsets.UTF_8));
    }

    @Override
    public Optional<String> read(String key) {
        try {
            return Optional.of(
                    s3.get()
                            .getObjectAsBytes(r -> r.bucket(bucket).key(key))
                            .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException none) {
            return Optional.empty();
        }
    }
}
