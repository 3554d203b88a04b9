package org.involve.emulators;

import java.util.Optional;
import java.util.OptionalInt;

/** An {@code AWS::SQS::Queue} of the template. */
public record QueueSpec(
        String logicalId,
        OptionalInt visibilityTimeoutSeconds,
        OptionalInt messageRetentionSeconds,
        Optional<Redrive> redrive) {

    /** Where messages go after {@code maxReceiveCount} failed receives. */
    public record Redrive(String deadLetterQueueLogicalId, int maxReceiveCount) {}
}
