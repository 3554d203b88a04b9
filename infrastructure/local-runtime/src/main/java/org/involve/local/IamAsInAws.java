package org.involve.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.involve.emulators.IamGrants;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.SqsRequest;

/**
 * Refuses a function's call to DynamoDB, SQS (sending) or Secrets Manager (reading) that its IAM policy in
 * template.yaml does not grant, with the AccessDeniedException AWS would answer, and says so on the console. The
 * emulators check no permissions, so without this a function whose policy lacks an action it needs works locally
 * and fails in AWS on every call.
 *
 * <p>The AWS SDK runs it on every client in the local runtime's JVM (it is listed in
 * software/amazon/awssdk/global/handlers/execution.interceptors, which only this module has: no deployment
 * artifact holds it). It checks only calls made while a function runs ({@link #as}, on the invoking thread and the
 * threads it starts), and only once the runtime has read the template's grants ({@link #enforce}); the runtime's own
 * set-up calls and other JVMs are never checked.
 */
public final class IamAsInAws implements ExecutionInterceptor {
    private static volatile IamGrants grants;
    private static final InheritableThreadLocal<String> RUNNING = new InheritableThreadLocal<>();

    /** From now on, calls made while a function runs are checked against {@code template}'s grants. */
    static void enforce(IamGrants template) {
        grants = template;
    }

    /** Runs {@code work} as {@code function}: its calls are checked against that function's grants. */
    static <T> T as(String function, Callable<T> work) throws Exception {
        String outer = RUNNING.get();
        RUNNING.set(function);
        try {
            return work.call();
        } finally {
            if (outer == null) RUNNING.remove();
            else RUNNING.set(outer);
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        IamGrants checked = grants;
        String function = RUNNING.get();
        if (checked == null || function == null || !checked.knows(function)) return;
        for (Call call : calls(context.request())) {
            var refused = checked.refusal(function, call.action(), call.resource());
            if (refused.isPresent()) {
                System.err.println("IAM in AWS would refuse this call: " + refused.get());
                throw accessDenied(context.request(), refused.get());
            }
        }
    }

    /** The exception the service's own client throws for AWS's AccessDeniedException. */
    private static RuntimeException accessDenied(Object request, String why) {
        String message = "User is not authorized to perform this action: " + why;
        AwsErrorDetails details =
                AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage(message)
                        .build();
        if (request instanceof SqsRequest)
            return SqsException.builder()
                    .statusCode(400)
                    .message(message)
                    .awsErrorDetails(details)
                    .build();
        if (request instanceof SecretsManagerRequest)
            return SecretsManagerException.builder()
                    .statusCode(400)
                    .message(message)
                    .awsErrorDetails(details)
                    .build();
        return DynamoDbException.builder()
                .statusCode(400)
                .message(message)
                .awsErrorDetails(details)
                .build();
    }

    private record Call(String action, String resource) {
        static Call dynamoDb(String action, String table, String index) {
            return new Call(
                    "dynamodb:" + action, index == null ? table : table + "/index/" + index);
        }
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The IAM actions a request needs: a transaction needs each of its parts' own actions. */
    private static List<Call> calls(Object request) {
        List<Call> calls = new ArrayList<>();
        if (request instanceof GetItemRequest r)
            calls.add(Call.dynamoDb("GetItem", r.tableName(), null));
        else if (request instanceof PutItemRequest r)
            calls.add(Call.dynamoDb("PutItem", r.tableName(), null));
        else if (request instanceof UpdateItemRequest r)
            calls.add(Call.dynamoDb("UpdateItem", r.tableName(), null));
        else if (request instanceof DeleteItemRequest r)
            calls.add(Call.dynamoDb("DeleteItem", r.tableName(), null));
        else if (request instanceof QueryRequest r)
            calls.add(Call.dynamoDb("Query", r.tableName(), r.indexName()));
        else if (request instanceof ScanRequest r)
            calls.add(Call.dynamoDb("Scan", r.tableName(), r.indexName()));
        else if (request instanceof BatchGetItemRequest r)
            r.requestItems()
                    .keySet()
                    .forEach(t -> calls.add(Call.dynamoDb("BatchGetItem", t, null)));
        else if (request instanceof BatchWriteItemRequest r)
            r.requestItems()
                    .keySet()
                    .forEach(t -> calls.add(Call.dynamoDb("BatchWriteItem", t, null)));
        else if (request instanceof TransactGetItemsRequest r) {
            for (TransactGetItem item : r.transactItems())
                calls.add(Call.dynamoDb("GetItem", item.get().tableName(), null));
        } else if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem item : r.transactItems()) {
                if (item.put() != null)
                    calls.add(Call.dynamoDb("PutItem", item.put().tableName(), null));
                if (item.update() != null)
                    calls.add(Call.dynamoDb("UpdateItem", item.update().tableName(), null));
                if (item.delete() != null)
                    calls.add(Call.dynamoDb("DeleteItem", item.delete().tableName(), null));
                if (item.conditionCheck() != null)
                    calls.add(
                            Call.dynamoDb(
                                    "ConditionCheckItem", item.conditionCheck().tableName(), null));
            }
        }
        // Locally a queue's URL ends in its name, and a secret's id is its name: both their logical
        // ids.
        else if (request instanceof SendMessageRequest r)
            calls.add(new Call("sqs:SendMessage", lastSegment(r.queueUrl())));
        else if (request instanceof SendMessageBatchRequest r)
            calls.add(new Call("sqs:SendMessage", lastSegment(r.queueUrl())));
        else if (request instanceof GetSecretValueRequest r)
            calls.add(new Call("secretsmanager:GetSecretValue", r.secretId()));
        return calls;
    }
}
