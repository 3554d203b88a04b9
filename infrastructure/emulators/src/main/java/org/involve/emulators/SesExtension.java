package org.involve.emulators;

import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the aws-ses-v2-local emulator (node) on a free port, once per test run. Injects {@link SesEmulator}
 * parameters ({@code emails()}, {@code clear()}) and sets the system properties SES_ENDPOINT, AWS_REGION/aws.region
 * and dummy credentials. Needs {@code npm ci} in the repository root. Use it through {@link LocalSes}.
 */
public final class SesExtension extends EmulatorParameters<SesEmulator>
        implements BeforeAllCallback {
    public SesExtension() {
        super(SesEmulator.class, Map.of());
    }

    @Override
    SesEmulator start() {
        return SesEmulator.start(SamTemplate.loadFromWorkingDirectory().repositoryRoot(), 0);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SesEmulator ses = emulator(context);
        useDummyCredentials();
        System.setProperty("SES_ENDPOINT", ses.endpoint().toString());
    }
}
