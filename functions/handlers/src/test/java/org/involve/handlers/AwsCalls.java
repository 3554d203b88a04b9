package org.involve.handlers;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * For {@link PublicSitePostCallsTest}: every AWS call (any service, any client) made while recording is on, in order,
 * as {@code "Operation Table"} for DynamoDB (a transaction names each of its writes' tables, in order) and {@code
 * "Service Operation"} for the others. The SDK finds it through {@code
 * software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath, so the handlers are traced as
 * Lambda would build them, with no change to production code; off, it does nothing.
 */
public final class AwsCalls implements ExecutionInterceptor {
    private static volatile boolean recording;
    private static final List<String> CALLS = new ArrayList<>();

    static synchronized void start() {
        CALLS.clear();
        recording = true;
    }

    static synchronized List<String> stop() {
        recording = false;
        return List.copyOf(CALLS);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!recording) return;
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String call =
                "DynamoDb".equals(service)
                        ? operation + " " + tables(context.request())
                        : service + " " + operation;
        synchronized (AwsCalls.class) {
            CALLS.add(call);
        }
    }

    private static String tables(SdkRequest r) {
        if (r instanceof GetItemRequest q) return q.tableName();
        if (r instanceof PutItemRequest q) return q.tableName();
        if (r instanceof UpdateItemRequest q) return q.tableName();
        if (r instanceof DeleteItemRequest q) return q.tableName();
        if (r instanceof QueryRequest q)
            return q.tableName() + (q.indexName() == null ? "" : "/" + q.indexName());
        if (r instanceof ScanRequest q) return q.tableName();
        if (r instanceof TransactWriteItemsRequest q) {
            List<String> tables = new ArrayList<>();
            for (TransactWriteItem w : q.transactItems()) {
                if (w.put() != null) tables.add("Put " + w.put().tableName());
                if (w.update() != null) tables.add("Update " + w.update().tableName());
                if (w.delete() != null) tables.add("Delete " + w.delete().tableName());
                if (w.conditionCheck() != null)
                    tables.add("Check " + w.conditionCheck().tableName());
            }
            return String.join(", ", tables);
        }
        return "?";
    }
}
