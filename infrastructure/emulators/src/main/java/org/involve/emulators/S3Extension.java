package org.involve.emulators;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Starts the S3 emulator on a free port, once per test run, with every bucket of template.yaml. Injects {@link
 * EmbeddedS3} and {@link S3Client} parameters, and sets the system properties S3_ENDPOINT, AWS_REGION/aws.region
 * and dummy credentials. Buckets are shared by all test classes: call {@link EmbeddedS3#emptyBucket(String)} for a
 * clean slate. Use it through {@link LocalS3}.
 */
public final class S3Extension extends EmulatorParameters<EmbeddedS3> implements BeforeAllCallback {
    public S3Extension() {
        super(EmbeddedS3.class, Map.of(S3Client.class, EmbeddedS3::client));
    }

    @Override
    EmbeddedS3 start() {
        return EmbeddedS3.start(0, null).createBuckets(SamTemplate.loadFromWorkingDirectory());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedS3 s3 = emulator(context);
        useDummyCredentials();
        System.setProperty("S3_ENDPOINT", s3.endpoint().toString());
    }
}
