package org.involve.handlers;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * For the job-scaling run ({@link JobScalingRun}): counts what the code under test asks of DynamoDB while recording
 * is on: calls by operation, items evaluated (a query's or scan's ScannedCount, the items a get returned) and the
 * read and write capacity units DynamoDB reports, asking for them (ReturnConsumedCapacity TOTAL) on every call. The
 * SDK finds it through {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the test classpath,
 * so every client the handlers build is counted with no change to production code; off, it changes nothing.
 */
public final class JobCalls implements ExecutionInterceptor {
    /** What one job asked of DynamoDB in one run. */
    public record Counts(
            Map<String, Integer> calls, long itemsEvaluated, double readUnits, double writeUnits) {
        int totalCalls() {
            return calls.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static volatile boolean recording;
    private static final Map<String, Integer> CALLS = new TreeMap<>();
    private static long items;
    private static double reads;
    private static double writes;

    static synchronized void start() {
        CALLS.clear();
        items = 0;
        reads = 0;
        writes = 0;
        recording = true;
    }

    static synchronized Counts stop() {
        recording = false;
        return new Counts(Map.copyOf(CALLS), items, reads, writes);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!recording) return context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        SdkRequest r = context.request();
        if (r instanceof QueryRequest q) return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof ScanRequest q) return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof GetItemRequest q)
            return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof BatchGetItemRequest q)
            return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof TransactGetItemsRequest q)
            return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof PutItemRequest q)
            return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof UpdateItemRequest q)
            return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof DeleteItemRequest q)
            return q.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof TransactWriteItemsRequest q)
            return q.toBuilder().returnConsumedCapacity(total).build();
        return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!recording) return;
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Object response = context.response();
        long evaluated = 0;
        double read = 0, write = 0;
        if (response instanceof QueryResponse q) {
            evaluated = q.scannedCount() == null ? 0 : q.scannedCount();
            read = units(q.consumedCapacity());
        } else if (response instanceof ScanResponse q) {
            evaluated = q.scannedCount() == null ? 0 : q.scannedCount();
            read = units(q.consumedCapacity());
        } else if (response instanceof GetItemResponse q) {
            evaluated = q.hasItem() ? 1 : 0;
            read = units(q.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse q) {
            evaluated = q.responses().values().stream().mapToLong(java.util.List::size).sum();
            read = q.consumedCapacity().stream().mapToDouble(JobCalls::units).sum();
        } else if (response instanceof TransactGetItemsResponse q) {
            evaluated = q.responses().size();
            read = q.consumedCapacity().stream().mapToDouble(JobCalls::units).sum();
        } else if (response instanceof PutItemResponse q) {
            write = units(q.consumedCapacity());
        } else if (response instanceof UpdateItemResponse q) {
            write = units(q.consumedCapacity());
        } else if (response instanceof DeleteItemResponse q) {
            write = units(q.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse q) {
            write = q.consumedCapacity().stream().mapToDouble(JobCalls::units).sum();
        }
        synchronized (JobCalls.class) {
            CALLS.merge(operation, 1, Integer::sum);
            items += evaluated;
            reads += read;
            writes += write;
        }
    }

    private static double units(ConsumedCapacity c) {
        return c == null || c.capacityUnits() == null ? 0 : c.capacityUnits();
    }
}
