package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.involve.adapters.AwsClients;
import org.involve.adapters.SecretsManagerKeyRotation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets Manager's rotation function for the link purposes' keys (their RotationSchedules in template.yaml): one call
 * per step of the four-step contract, {@link SecretsManagerKeyRotation} doing the work. Keys are kept
 * LINK_KEYS_KEPT_DAYS after they stop being current (the longest a link lives). Nothing is built until a step comes.
 */
public class KeyRotationHandler implements RequestHandler<Map<String, Object>, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRotationHandler.class);
    private final InvolveSettings settings;
    private SecretsManagerKeyRotation rotation;

    public KeyRotationHandler() {
        this(Beans.get(InvolveSettings.class), null);
    }

    KeyRotationHandler(InvolveSettings settings, SecretsManagerKeyRotation rotation) {
        this.settings = settings;
        settings.linkKeysKept(); // read now: a bad value fails at start, not at the first rotation
        this.rotation = rotation;
        Priming.register("KeyRotationFunction", this::prime);
    }

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        LogContext.begin(context, null);
        String secret = String.valueOf(event.get("SecretId"));
        String token = String.valueOf(event.get("ClientRequestToken"));
        String step = String.valueOf(event.get("Step"));
        // The secret's ARN and the step only: never a key.
        LOG.info("Key rotation {} of {}", step, secret);
        rotation().step(secret, token, step);
        return null;
    }

    private SecretsManagerKeyRotation rotation() {
        if (rotation == null)
            rotation =
                    new SecretsManagerKeyRotation(
                            AwsClients.secretsManager(),
                            Clock.systemUTC(),
                            settings.linkKeysKept());
        return rotation;
    }

    /**
     * Builds the client and reads and writes a first deploy's keys in memory: no call to Secrets Manager, since any
     * step there would start or change a rotation.
     */
    public void prime() {
        rotation();
        SecretsManagerKeyRotation.write(
                SecretsManagerKeyRotation.read(Priming.NOT_THERE.repeat(2)));
    }

    /** For tests: how long keys are kept. */
    Duration kept() {
        return settings.linkKeysKept();
    }
}
