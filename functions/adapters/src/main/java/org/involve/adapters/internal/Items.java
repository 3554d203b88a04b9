package org.involve.adapters.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Reading and writing DynamoDB attribute values, written once for every store. */
public final class Items {
    /**
     * ISO-8601 UTC with all nine fraction digits: fixed width, so string order is time order in key
     * conditions ({@code Instant.toString()} drops zero fractions, and "…:00Z" would sort after "…:00.5Z").
     */
    private static final DateTimeFormatter SORTABLE =
            new DateTimeFormatterBuilder().appendInstant(9).toFormatter();

    private Items() {}

    /** A put of {@code item} into {@code table} as part of a transaction, on {@code condition} (values may be empty). */
    public static TransactWriteItem put(
            String table,
            Map<String, AttributeValue> item,
            String condition,
            Map<String, AttributeValue> values) {
        return TransactWriteItem.builder()
                .put(
                        p -> {
                            p.tableName(table).item(item).conditionExpression(condition);
                            if (!values.isEmpty()) p.expressionAttributeValues(values);
                        })
                .build();
    }

    /** Every item an index query returns, all pages. */
    public static List<Map<String, AttributeValue>> query(
            DynamoDbClient dynamo,
            String table,
            String index,
            String condition,
            Map<String, AttributeValue> values) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(index)
                                        .keyConditionExpression(condition)
                                        .expressionAttributeValues(values))
                .items()
                .stream()
                .toList();
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue time(Instant instant) {
        return s(sortable(instant));
    }

    public static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }

    public static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, s(value));
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static Instant time(Map<String, AttributeValue> item, String name) {
        String v = string(item, name);
        return v == null ? null : Instant.parse(v);
    }

    public static int number(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Integer.parseInt(v.n());
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in hex: a short fixed name for what the text says. */
    public static String digest(String text, int bytes) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Whether the transaction was cancelled because the condition on its first write failed. */
    public static boolean firstConditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && !e.cancellationReasons().isEmpty()
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code());
    }

    /** Whether the condition on the write at {@code index} of a cancelled transaction failed. */
    public static boolean conditionFailed(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    /** Whether the condition on any write of a cancelled transaction failed. */
    public static boolean anyConditionFailed(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream()
                        .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }
}
