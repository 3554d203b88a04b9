package org.involve.adapters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Makes the next transactions fail as real DynamoDB fails them and DynamoDB Local never does: cancelled with a
 * reason such as {@code TransactionConflict} (another transaction was writing one of the items at that moment) or
 * {@code ThrottlingError}, before the request is sent, so nothing is written. Registered on the test environment's
 * DynamoDB client ({@link AwsEnvironment#dynamoFaults()}); a test that uses it clears it when done.
 */
final class InjectedFaults implements ExecutionInterceptor {
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile String reason = "TransactionConflict";
    private volatile Runnable meanwhile;
    private volatile Runnable beforeWrite;

    /** The next {@code count} TransactWriteItems calls are cancelled with {@code reason} on their first write. */
    void failTransactions(int count, String reason) {
        failTransactions(count, reason, null);
    }

    /**
     * As {@link #failTransactions(int, String)}, and just before the first is refused, {@code meanwhile} runs (through
     * the same client, unrefused): what the other transaction that caused the conflict wrote.
     */
    void failTransactions(int count, String reason, Runnable meanwhile) {
        this.reason = reason;
        this.meanwhile = meanwhile;
        injected.set(0);
        remaining.set(count);
    }

    /**
     * Just before the next UpdateItem or TransactWriteItems call is sent, {@code meanwhile} runs (through the same
     * client): another writer getting in between a read and the write that follows it. The call is then sent as it
     * is, unrefused, for DynamoDB to judge its condition.
     */
    void beforeNextWrite(Runnable meanwhile) {
        this.beforeWrite = meanwhile;
    }

    private final AtomicInteger unprocessed = new AtomicInteger();

    /**
     * The next {@code count} BatchGetItem answers come back with nothing read, every key asked for left unprocessed:
     * what DynamoDB answers when throttled (DynamoDB Local never does).
     */
    void leaveBatchReadsUnprocessed(int count) {
        injected.set(0);
        unprocessed.set(count);
    }

    private volatile String laggingIndex;

    /**
     * Queries of {@code index} answer as an index that has not caught up with the latest writes yet: with nothing
     * found (a global secondary index is eventually consistent, DynamoDB Local's never lags). Until {@link #clear}.
     */
    void indexLagsBehind(String index) {
        laggingIndex = index;
    }

    @Override
    public SdkResponse modifyResponse(
            Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse
                && context.request() instanceof QueryRequest query
                && query.indexName() != null
                && query.indexName().equals(laggingIndex))
            return QueryResponse.builder().items(List.of()).count(0).scannedCount(0).build();
        if (!(context.response() instanceof BatchGetItemResponse)
                || !(context.request() instanceof BatchGetItemRequest asked)
                || unprocessed.getAndUpdate(n -> Math.max(0, n - 1)) <= 0)
            return context.response();
        injected.incrementAndGet();
        return BatchGetItemResponse.builder()
                .responses(Map.of())
                .unprocessedKeys(asked.requestItems())
                .build();
    }

    /** How many calls were refused since the last {@link #failTransactions} or {@link #leaveBatchReadsUnprocessed}. */
    int injected() {
        return injected.get();
    }

    void clear() {
        remaining.set(0);
        unprocessed.set(0);
        meanwhile = null;
        beforeWrite = null;
        laggingIndex = null;
    }

    @Override
    public void beforeTransmission(
            Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.request() instanceof UpdateItemRequest
                || context.request() instanceof TransactWriteItemsRequest) {
            Runnable other = beforeWrite;
            beforeWrite = null;
            if (other != null) other.run();
        }
        if (!(context.request() instanceof TransactWriteItemsRequest request)) return;
        if (remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) return;
        injected.incrementAndGet();
        Runnable first = meanwhile;
        meanwhile = null;
        if (first != null) first.run();
        throw cancelled(request.transactItems().size(), reason);
    }

    /** The exception DynamoDB's answer becomes: HTTP 400, one reason per write, "None" for those not at fault. */
    static TransactionCanceledException cancelled(int writes, String reason) {
        List<CancellationReason> reasons = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            String code = i == 0 ? reason : "None";
            codes.add(code);
            reasons.add(
                    CancellationReason.builder()
                            .code(code)
                            .message(i == 0 ? "Transaction is ongoing for the item" : null)
                            .build());
        }
        String message =
                "Transaction cancelled, please refer cancellation reasons for specific reasons "
                        + codes;
        return (TransactionCanceledException)
                TransactionCanceledException.builder()
                        .message(message)
                        .cancellationReasons(reasons)
                        .statusCode(400)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode("TransactionCanceledException")
                                        .errorMessage(message)
                                        .serviceName("DynamoDb")
                                        .sdkHttpResponse(
                                                SdkHttpResponse.builder().statusCode(400).build())
                                        .build())
                        .build();
    }
}
