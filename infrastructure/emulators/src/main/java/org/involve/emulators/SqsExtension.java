package org.involve.emulators;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts ElasticMQ on a free port, once per test run, with every queue of template.yaml and its dead-letter queue.
 * Injects {@link EmbeddedSqs} (for {@code queueUrl("MailQueue")}) and {@link SqsClient} parameters, and sets the
 * system properties SQS_ENDPOINT, AWS_REGION/aws.region and dummy credentials. Queues are shared by all test
 * classes: call {@link EmbeddedSqs#purgeQueues()} for a clean slate. Use it through {@link LocalSqs}.
 */
public final class SqsExtension extends EmulatorParameters<EmbeddedSqs>
        implements BeforeAllCallback {
    public SqsExtension() {
        super(EmbeddedSqs.class, Map.of(SqsClient.class, EmbeddedSqs::client));
    }

    @Override
    EmbeddedSqs start() {
        return EmbeddedSqs.start(0).createQueues(SamTemplate.loadFromWorkingDirectory());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedSqs sqs = emulator(context);
        useDummyCredentials();
        System.setProperty("SQS_ENDPOINT", sqs.endpoint().toString());
    }
}
