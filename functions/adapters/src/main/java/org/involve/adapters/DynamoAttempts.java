package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.n;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Transactions;
import org.involve.core.attempts.Attempts;
import org.involve.core.kit.Busy;
import org.involve.core.outbox.OutboxMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts of attempts over a rolling window ({@link Attempts}), one item per key in a table that keeps other things
 * too: its key attribute is {@code <prefix><key>} (a prefix with a '#' that none of the table's own ids has, so a
 * cookie or a typed code can never name one). The item holds {@code times}, the epoch milliseconds of the tries still
 * counted (at most the limit's worth, oldest first), and {@code version}, raised by every write; {@code
 * expiresAtEpoch} (the newest try plus the window) lets DynamoDB's time-to-live remove it once nothing in it counts.
 *
 * <p>A try reads the item (a consistent read), drops the times older than the window and refuses if the limit's worth
 * remain; otherwise it writes the times with its own added, on the condition that the version is still the one it
 * read. So the count is exact, and two tries at the same moment cannot both take the last place: the one whose
 * condition fails (the other counted meanwhile) reads again and decides afresh. Every such failure means another try
 * was counted, so after about the limit's worth of them the key is full and the answer is a refusal; {@link Busy}
 * only when the version still keeps moving after that many reads (writers far beyond the limit, and times leaving the
 * window as fast as they come). {@link #takeWithMail} does the same inside the outbox's transaction ({@link
 * Transactions}, which itself tries again on DynamoDB's transaction conflicts and throttling).
 *
 * <p>Two tables keep counts: the DraftsTable ({@code draftId = limit#<key>}, see {@link #inDrafts}) and the
 * MonitoringCodesTable ({@code codeId = tries#<source>}, see {@link #inCodes}). Items of the fixed periods counted
 * before ({@code tries}, with the period in the key) are never read again and expire by their time to live.
 */
public final class DynamoAttempts implements Attempts {
    static final String TIMES = "times", VERSION = "version", EXPIRES = "expiresAtEpoch";
    private static final String UPDATE =
            "SET #times = :times, #version = :next, #expires = :expires";
    private static final String NEW = "attribute_not_exists(#version)";
    private static final String SAME = "#version = :read";
    private static final Map<String, String> NAMES =
            Map.of("#times", TIMES, "#version", VERSION, "#expires", EXPIRES);

    /** Reads beyond the limit's worth before a try gives up with {@link Busy}. */
    static final int SPARE_READS = Transactions.ATTEMPTS;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String keyAttribute;
    private final String prefix;
    private final DynamoOutbox outbox;

    /** @param outbox for {@link #takeWithMail}, or null where no e-mail is sent with a count */
    DynamoAttempts(
            DynamoDbClient dynamo,
            String table,
            String keyAttribute,
            String prefix,
            DynamoOutbox outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.keyAttribute = keyAttribute;
        this.prefix = prefix;
        this.outbox = outbox;
    }

    /** The public journey's counts (e-mails asked for, applications per client, acknowledgements per address). */
    public static DynamoAttempts inDrafts(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox) {
        return new DynamoAttempts(dynamo, table, "draftId", "limit#", outbox);
    }

    /** Tries at a short code, in the short codes' table; they send no e-mail. */
    public static DynamoAttempts inCodes(DynamoDbClient dynamo, String table) {
        return new DynamoAttempts(dynamo, table, DynamoMonitoringCodes.ID, "tries#", null);
    }

    @Override
    public boolean take(String key, int limit, Duration window, Instant now) {
        for (int read = 1; ; read++) {
            Count count = read(key, window, now);
            if (count.times().length >= limit) return false;
            try {
                dynamo.updateItem(write(count, now, window));
                return true;
            } catch (ConditionalCheckFailedException counted) {
                giveUpOrPause(read, limit);
            }
        }
    }

    @Override
    public boolean takeWithMail(
            String key, int limit, Duration window, Instant now, OutboxMessage message) {
        if (outbox == null)
            throw new IllegalStateException("These counts are kept without e-mails");
        for (int read = 1; ; read++) {
            Count count = read(key, window, now);
            if (count.times().length >= limit) return false;
            UpdateItemRequest u = write(count, now, window);
            TransactWriteItem write =
                    TransactWriteItem.builder()
                            .update(
                                    Update.builder()
                                            .tableName(u.tableName())
                                            .key(u.key())
                                            .updateExpression(u.updateExpression())
                                            .conditionExpression(u.conditionExpression())
                                            .expressionAttributeNames(u.expressionAttributeNames())
                                            .expressionAttributeValues(
                                                    u.expressionAttributeValues())
                                            .build())
                            .build();
            try {
                outbox.commit(List.of(write, outbox.putNew(message)), null);
                return true;
            } catch (TransactionCanceledException e) {
                if (!Items.firstConditionFailed(e)) throw e;
                giveUpOrPause(read, limit);
            }
        }
    }

    /** The tries still counted under {@code key} at {@code now}, and the version they were read at (null: none yet). */
    private record Count(Map<String, AttributeValue> key, long[] times, Long version) {}

    private Count read(String key, Duration window, Instant now) {
        Map<String, AttributeValue> itemKey = key(keyAttribute, itemId(key));
        Map<String, AttributeValue> item =
                dynamo.getItem(r -> r.tableName(table).key(itemKey).consistentRead(true)).item();
        AttributeValue version = item == null ? null : item.get(VERSION);
        AttributeValue stored = item == null ? null : item.get(TIMES);
        long[] times =
                stored == null || !stored.hasL()
                        ? new long[0]
                        : stored.l().stream().mapToLong(v -> Long.parseLong(v.n())).toArray();
        return new Count(
                itemKey,
                Attempts.within(times, window, now),
                version == null ? null : Long.valueOf(version.n()));
    }

    /**
     * The conditional write of the counted times with {@code now} added, to expire {@code window} after the newest; it
     * fails if anyone wrote the item since it was read.
     */
    private UpdateItemRequest write(Count count, Instant now, Duration window) {
        List<AttributeValue> times = new ArrayList<>();
        long newest = now.toEpochMilli();
        for (long t : count.times()) {
            times.add(n(t));
            newest = Math.max(newest, t);
        }
        times.add(n(now.toEpochMilli()));
        long expires = Math.floorDiv(newest + window.toMillis() + 999, 1000);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":times", AttributeValue.fromL(times));
        values.put(":expires", n(expires));
        values.put(":next", n(count.version() == null ? 1 : count.version() + 1));
        if (count.version() != null) values.put(":read", n(count.version()));
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(count.key())
                .updateExpression(UPDATE)
                .conditionExpression(count.version() == null ? NEW : SAME)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .build();
    }

    /**
     * After a write refused because another try was counted since the read: a short random pause (so the writers
     * that met do not meet again at once), or {@link Busy} when the count kept moving through more reads than its
     * limit explains.
     */
    private static void giveUpOrPause(int read, int limit) {
        if (read >= limit + SPARE_READS)
            throw new Busy(
                    "A count of tries was still changing under every read after " + read + " reads",
                    null);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(Math.min(50, 5L * read) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("Interrupted while waiting to count a try again", e);
        }
    }

    /** The stored id of a key's count. */
    String itemId(String key) {
        return prefix + key;
    }
}
