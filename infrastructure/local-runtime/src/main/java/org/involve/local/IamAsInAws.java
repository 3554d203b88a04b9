package org.involve.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.involve.emulators.ExpressionAttributes;
import org.involve.emulators.IamGrants;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
        for (IamGrants.Request call : requests(context.request(), checked)) {
            var refused = checked.refusal(function, call);
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

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * What IAM checks of a request: a transaction needs each of its parts' own action; for DynamoDB, the attributes it
     * names, its items' partition key values, its ReturnValues and Select.
     */
    private static List<IamGrants.Request> requests(Object request, IamGrants grants) {
        List<IamGrants.Request> out = new ArrayList<>();
        if (request instanceof GetItemRequest r)
            out.add(
                    item(
                            "GetItem",
                            r.tableName(),
                            r.key(),
                            grants,
                            null,
                            r.expressionAttributeNames(),
                            r.projectionExpression()));
        else if (request instanceof PutItemRequest r)
            out.add(
                    item(
                            "PutItem",
                            r.tableName(),
                            r.item(),
                            grants,
                            r.returnValuesAsString(),
                            r.expressionAttributeNames(),
                            r.conditionExpression()));
        else if (request instanceof UpdateItemRequest r)
            out.add(
                    item(
                            "UpdateItem",
                            r.tableName(),
                            r.key(),
                            grants,
                            r.returnValuesAsString(),
                            r.expressionAttributeNames(),
                            r.updateExpression(),
                            r.conditionExpression()));
        else if (request instanceof DeleteItemRequest r)
            out.add(
                    item(
                            "DeleteItem",
                            r.tableName(),
                            r.key(),
                            grants,
                            r.returnValuesAsString(),
                            r.expressionAttributeNames(),
                            r.conditionExpression()));
        else if (request instanceof QueryRequest r)
            out.add(
                    new IamGrants.Request(
                            "dynamodb:Query",
                            resource(r.tableName(), r.indexName()),
                            r.projectionExpression() == null
                                    ? null
                                    : ExpressionAttributes.touched(
                                            Set.of(),
                                            r.expressionAttributeNames(),
                                            r.projectionExpression()),
                            // A query's partition key value is in its key condition, not read here.
                            null,
                            null,
                            r.selectAsString()));
        else if (request instanceof ScanRequest r)
            out.add(IamGrants.Request.of("dynamodb:Scan", resource(r.tableName(), r.indexName())));
        else if (request instanceof BatchGetItemRequest r)
            r.requestItems()
                    .forEach(
                            (t, keys) ->
                                    out.add(
                                            new IamGrants.Request(
                                                    "dynamodb:BatchGetItem",
                                                    t,
                                                    null,
                                                    leadingKeys(t, keys.keys(), grants),
                                                    null,
                                                    null)));
        else if (request instanceof BatchWriteItemRequest r)
            r.requestItems()
                    .keySet()
                    .forEach(t -> out.add(IamGrants.Request.of("dynamodb:BatchWriteItem", t)));
        else if (request instanceof TransactGetItemsRequest r) {
            for (TransactGetItem i : r.transactItems())
                out.add(
                        item(
                                "GetItem",
                                i.get().tableName(),
                                i.get().key(),
                                grants,
                                null,
                                i.get().expressionAttributeNames(),
                                i.get().projectionExpression()));
        } else if (request instanceof TransactWriteItemsRequest r) {
            for (TransactWriteItem i : r.transactItems()) {
                if (i.put() != null)
                    out.add(
                            item(
                                    "PutItem",
                                    i.put().tableName(),
                                    i.put().item(),
                                    grants,
                                    null,
                                    i.put().expressionAttributeNames(),
                                    i.put().conditionExpression()));
                if (i.update() != null)
                    out.add(
                            item(
                                    "UpdateItem",
                                    i.update().tableName(),
                                    i.update().key(),
                                    grants,
                                    null,
                                    i.update().expressionAttributeNames(),
                                    i.update().updateExpression(),
                                    i.update().conditionExpression()));
                if (i.delete() != null)
                    out.add(
                            item(
                                    "DeleteItem",
                                    i.delete().tableName(),
                                    i.delete().key(),
                                    grants,
                                    null,
                                    i.delete().expressionAttributeNames(),
                                    i.delete().conditionExpression()));
                if (i.conditionCheck() != null)
                    out.add(
                            item(
                                    "ConditionCheckItem",
                                    i.conditionCheck().tableName(),
                                    i.conditionCheck().key(),
                                    grants,
                                    null,
                                    i.conditionCheck().expressionAttributeNames(),
                                    i.conditionCheck().conditionExpression()));
            }
        }
        // Locally a queue's URL ends in its name, and a secret's id is its name: both their logical
        // ids.
        else if (request instanceof SendMessageRequest r)
            out.add(IamGrants.Request.of("sqs:SendMessage", lastSegment(r.queueUrl())));
        else if (request instanceof SendMessageBatchRequest r)
            out.add(IamGrants.Request.of("sqs:SendMessage", lastSegment(r.queueUrl())));
        else if (request instanceof GetSecretValueRequest r)
            out.add(IamGrants.Request.of("secretsmanager:GetSecretValue", r.secretId()));
        return out;
    }

    /**
     * A request on one item, {@code named} by its key (or, for a put, the whole item): those names and the expressions'
     * count as its attributes.
     */
    private static IamGrants.Request item(
            String action,
            String table,
            Map<String, AttributeValue> named,
            IamGrants grants,
            String returnValues,
            Map<String, String> names,
            String... expressions) {
        return new IamGrants.Request(
                "dynamodb:" + action,
                table,
                ExpressionAttributes.touched(named.keySet(), names, expressions),
                leadingKeys(table, List.of(named), grants),
                returnValues,
                null);
    }

    /** The partition key values of {@code items} (null when the table's key is not known). */
    private static Set<String> leadingKeys(
            String table, List<Map<String, AttributeValue>> items, IamGrants grants) {
        var key = grants.partitionKey(table);
        if (key.isEmpty()) return null;
        Set<String> values = new LinkedHashSet<>();
        for (Map<String, AttributeValue> item : items) {
            AttributeValue v = item.get(key.get());
            if (v != null)
                values.add(v.s() != null ? v.s() : v.n() != null ? v.n() : String.valueOf(v));
        }
        return values;
    }

    private static String resource(String table, String index) {
        return index == null ? table : table + "/index/" + index;
    }
}
