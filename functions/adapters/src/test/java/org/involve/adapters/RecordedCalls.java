package org.involve.adapters;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Records which DynamoDB operations an adapter made, so tests can check the code path itself
 * (a query on an index, never a scan; a put and nothing else) rather than infer it from timing.
 */
final class RecordedCalls implements ExecutionInterceptor {
    /** One call: its operation, the index a query used, and how many items it evaluated. */
    record Call(String operation, String index, Integer scannedCount) {}

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Integer scanned = context.response() instanceof QueryResponse r ? r.scannedCount() : null;
        record(context.request(), attributes, scanned);
    }

    /** Refused calls count too: a conditional put that fails is still a call the policy must allow. */
    @Override
    public void onExecutionFailure(
            Context.FailedExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes, null);
    }

    private void record(Object request, ExecutionAttributes attributes, Integer scanned) {
        String index = request instanceof QueryRequest q ? q.indexName() : null;
        calls.add(
                new Call(
                        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                        index,
                        scanned));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    void clear() {
        calls.clear();
    }
}
