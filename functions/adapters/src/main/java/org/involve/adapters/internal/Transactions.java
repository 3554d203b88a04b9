package org.involve.adapters.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.involve.core.kit.Busy;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one way an adapter writes a DynamoDB transaction. DynamoDB cancels a transaction that meets another one writing
 * the same item at that moment ({@code TransactionConflict}), and refuses writes when throttled
 * ({@code ProvisionedThroughputExceeded}, {@code ThrottlingException}, {@code RequestLimitExceeded}, or a
 * {@code ThrottlingError} reason); in every case nothing was written. Such a write is tried again, after a pause that
 * grows exponentially with random jitter (so two writers do not meet again), at most {@link #ATTEMPTS} times in all;
 * then it gives up with {@link Busy}, which pages answer "try again". DynamoDB Local never conflicts, so the tests
 * inject these faults.
 * <p>
 * Any other cancellation (a failed condition: the state moved on) is thrown at once, as the SDK throws it, for the
 * caller to answer from the state as it is now. A retried transaction keeps its client token, so a retry of one that
 * did commit reports success.
 */
public final class Transactions {
    /** Tries in all, the first included. */
    public static final int ATTEMPTS = 5;

    /** The first pause is up to this long; each later one up to twice the one before, never above {@link #MAX_PAUSE_MS}. */
    static final long FIRST_PAUSE_MS = 25, MAX_PAUSE_MS = 400;

    private static final Set<String> THROTTLED =
            Set.of(
                    "ProvisionedThroughputExceededException",
                    "ThrottlingException",
                    "RequestLimitExceeded",
                    "TransactionInProgressException");
    private static final Set<String> TRANSIENT_REASONS =
            Set.of("TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded");

    private Transactions() {}

    /** Writes {@code writes} as one transaction, with {@code clientToken} if it is not null. */
    public static void write(
            DynamoDbClient dynamo, List<TransactWriteItem> writes, String clientToken) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (clientToken == null) dynamo.transactWriteItems(r -> r.transactItems(writes));
                else
                    dynamo.transactWriteItems(
                            r -> r.transactItems(writes).clientRequestToken(clientToken));
                return;
            } catch (AwsServiceException e) {
                if (!worthRetrying(e)) throw e;
                if (attempt >= ATTEMPTS)
                    throw new Busy(
                            "A transaction of "
                                    + writes.size()
                                    + " writes was still refused after "
                                    + ATTEMPTS
                                    + " tries: "
                                    + code(e),
                            e);
                pause(attempt);
            }
        }
    }

    /**
     * Whether nothing was written only because of the moment: a conflict with another transaction or throttling, and
     * no failed condition (a failed condition means the state moved on, which trying again cannot change).
     */
    static boolean worthRetrying(AwsServiceException e) {
        if (e instanceof TransactionCanceledException t) {
            if (!t.hasCancellationReasons()) return false;
            boolean transientReason = false;
            for (var reason : t.cancellationReasons()) {
                String code = reason.code();
                if (TRANSIENT_REASONS.contains(code)) transientReason = true;
                else if (code != null && !"None".equals(code)) return false;
            }
            return transientReason;
        }
        return THROTTLED.contains(code(e)) || e.isThrottlingException();
    }

    /** The pause before try {@code attempt + 1}: "full jitter", anywhere from 0 to the exponential bound. */
    static long pauseMillis(int attempt) {
        long bound = Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS << Math.min(attempt - 1, 10));
        return ThreadLocalRandom.current().nextLong(bound + 1);
    }

    /**
     * Waits before try {@code attempt + 1} of anything DynamoDB turned away for the moment: a refused transaction here,
     * or the keys a batch read left unprocessed.
     */
    public static void pause(int attempt) {
        try {
            Thread.sleep(pauseMillis(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("Interrupted while waiting to try a transaction again", e);
        }
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null
                ? e.getClass().getSimpleName()
                : e.awsErrorDetails().errorCode();
    }
}
