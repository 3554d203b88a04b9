package org.involve.adapters.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Which refusals are only of the moment (tried again) and which mean the state moved on (never tried again). */
class TransactionsTest {

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder()
                .cancellationReasons(
                        List.of(codes).stream()
                                .map(c -> CancellationReason.builder().code(c).build())
                                .toList())
                .build();
    }

    private static AwsServiceException coded(String code) {
        return DynamoDbException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .build();
    }

    @Test
    void conflictsAndThrottlingAreTriedAgain() {
        assertTrue(Transactions.worthRetrying(cancelled("TransactionConflict", "None")));
        assertTrue(Transactions.worthRetrying(cancelled("None", "ThrottlingError")));
        assertTrue(Transactions.worthRetrying(coded("ThrottlingException")));
        assertTrue(Transactions.worthRetrying(coded("RequestLimitExceeded")));
        assertTrue(
                Transactions.worthRetrying(
                        ProvisionedThroughputExceededException.builder()
                                .statusCode(400)
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorCode("ProvisionedThroughputExceededException")
                                                .build())
                                .build()));
        assertTrue(
                Transactions.worthRetrying(
                        RequestLimitExceededException.builder()
                                .statusCode(400)
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorCode("RequestLimitExceeded")
                                                .build())
                                .build()));
    }

    @Test
    void aFailedConditionOrAnyOtherFaultIsNot() {
        assertFalse(Transactions.worthRetrying(cancelled("ConditionalCheckFailed", "None")));
        assertFalse(
                Transactions.worthRetrying(
                        cancelled("TransactionConflict", "ConditionalCheckFailed")),
                "the state moved on: trying again cannot change that");
        assertFalse(Transactions.worthRetrying(cancelled("ValidationError")));
        assertFalse(Transactions.worthRetrying(TransactionCanceledException.builder().build()));
        assertFalse(Transactions.worthRetrying(coded("ValidationException")));
    }

    @Test
    void pausesGrowAndAreJitteredWithinABound() {
        for (int attempt = 1; attempt < Transactions.ATTEMPTS; attempt++) {
            long bound =
                    Math.min(
                            Transactions.MAX_PAUSE_MS,
                            Transactions.FIRST_PAUSE_MS << (attempt - 1));
            long smallest = Long.MAX_VALUE, largest = 0;
            for (int i = 0; i < 500; i++) {
                long p = Transactions.pauseMillis(attempt);
                assertTrue(p >= 0 && p <= bound, p + " > " + bound);
                smallest = Math.min(smallest, p);
                largest = Math.max(largest, p);
            }
            assertTrue(largest - smallest > bound / 2, "jittered, not one fixed pause");
        }
    }
}
