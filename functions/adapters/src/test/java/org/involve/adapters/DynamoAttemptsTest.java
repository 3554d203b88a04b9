package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.involve.adapters.internal.Items;
import org.involve.core.kit.Busy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Counts of attempts over a rolling window on DynamoDB Local, in both tables that keep them: exact at the window's
 * edge, never past the limit when many count at once, and a write that meets another one between its read and its
 * write decides again on what is there now.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoAttemptsTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private final AwsEnvironment aws;
    private final DynamoAttempts limits;
    private final DynamoOutbox outbox;
    private final Announcements announced = new Announcements();
    private final Instant now = Instant.parse("2026-12-02T10:52:00.123Z");

    DynamoAttemptsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        announced,
                        warning -> {});
        this.limits = DynamoAttempts.inDrafts(aws.dynamo(), aws.table("DraftsTable"), outbox);
    }

    @AfterEach
    void noMoreFaults() {
        aws.dynamoFaults().clear();
    }

    private Map<String, AttributeValue> item(String table, String keyAttribute, String id) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table(table))
                                        .key(Items.key(keyAttribute, id))
                                        .consistentRead(true))
                .item();
    }

    private Map<String, AttributeValue> item(String key) {
        return item("DraftsTable", "draftId", limits.itemId(key));
    }

    private static List<Long> times(Map<String, AttributeValue> item) {
        return item.get("times").l().stream().map(v -> Long.parseLong(v.n())).toList();
    }

    @Test
    void triesAreCountedUpToTheLimitWithTheirTimesAndExpireAWindowAfterTheNewest() {
        String key = Samples.unique("code-reference");
        assertTrue(limits.take(key, 2, HOUR, now));
        assertTrue(limits.take(key, 2, HOUR, now.plusSeconds(60)));
        assertFalse(limits.take(key, 2, HOUR, now.plusSeconds(120)));
        assertTrue(limits.take(Samples.unique("another"), 2, HOUR, now), "each key on its own");
        var item = item(key);
        assertEquals(
                List.of(now.toEpochMilli(), now.plusSeconds(60).toEpochMilli()),
                times(item),
                "the refused try is not counted");
        assertEquals("2", item.get("version").n());
        assertEquals(
                String.valueOf(now.plusSeconds(60).plus(HOUR).getEpochSecond() + 1),
                item.get("expiresAtEpoch").n(),
                "kept (rounded up to the second) until the newest try leaves the window");
        assertFalse(item.containsKey("tries"), "no count of a fixed period");
    }

    /**
     * "At most 2 in any hour", exactly: a try counts until one window after it (not to the top of any clock hour),
     * and refused tries never push the wait further.
     */
    @Test
    void aTryCountsForExactlyOneWindowAfterItWhereverTheHourFalls() {
        String key = Samples.unique("apply-client");
        Instant first = now, second = now.plus(Duration.ofMinutes(10)); // 10:52 and 11:02
        assertTrue(limits.take(key, 2, HOUR, first));
        assertTrue(limits.take(key, 2, HOUR, second));
        assertFalse(limits.take(key, 2, HOUR, Instant.parse("2026-12-02T11:05:00Z")));
        for (Instant refused :
                List.of(first.plus(HOUR).minusMillis(1), first.plus(HOUR).minusMillis(1)))
            assertFalse(limits.take(key, 2, HOUR, refused), "the first still counts at " + refused);
        assertTrue(limits.take(key, 2, HOUR, first.plus(HOUR)), "an hour after the first");
        assertFalse(
                limits.take(key, 2, HOUR, first.plus(HOUR).plusSeconds(1)),
                "the second (and the new one) still count");
        assertTrue(limits.take(key, 2, HOUR, second.plus(HOUR)));
        assertEquals(
                List.of(first.plus(HOUR).toEpochMilli(), second.plus(HOUR).toEpochMilli()),
                times(item(key)),
                "only the tries in the window are kept");
    }

    /**
     * The limits on applications per client and acknowledgements per address (issue 12, item 7) rely on this: many
     * requests counting under one key at the same moment never get past the limit together, and none of them is
     * answered Busy while a place or a refusal can be decided.
     */
    @Test
    void triesCountedAtTheSameMomentNeverPassTheLimit() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                String key = Samples.unique("apply-client") + "#" + "0".repeat(64);
                List<Future<Boolean>> tries = new ArrayList<>();
                CountDownLatch start = new CountDownLatch(1);
                for (int i = 0; i < 12; i++) {
                    Instant at = now.plusMillis(i);
                    tries.add(
                            pool.submit(
                                    () -> {
                                        start.await();
                                        return limits.take(key, 3, HOUR, at);
                                    }));
                }
                start.countDown();
                int counted = 0;
                for (var t : tries) if (t.get()) counted++;
                assertEquals(3, counted, "round " + round);
                assertEquals(3, times(item(key)).size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Another try counted between this one's read and its write: the write is refused, and this try reads again. */
    @Test
    void aTryThatMeetsAnotherBetweenItsReadAndItsWriteReadsAgain() {
        String key = Samples.unique("code-client");
        aws.dynamoFaults()
                .beforeNextWrite(() -> assertTrue(limits.take(key, 2, HOUR, now.minusSeconds(1))));
        aws.dynamoCalls().clear();
        assertTrue(limits.take(key, 2, HOUR, now), "a place was still free");
        assertEquals(
                List.of("GetItem", "GetItem", "UpdateItem", "UpdateItem", "GetItem", "UpdateItem"),
                aws.dynamoCalls().operations(),
                "read, (the other try), a refused write, read again, written");
        assertEquals(
                List.of(now.minusSeconds(1).toEpochMilli(), now.toEpochMilli()), times(item(key)));

        // The other try takes the last place meanwhile: this one is refused, and not counted.
        String full = Samples.unique("code-client");
        assertTrue(limits.take(full, 2, HOUR, now));
        aws.dynamoFaults()
                .beforeNextWrite(() -> assertTrue(limits.take(full, 2, HOUR, now.plusSeconds(1))));
        assertFalse(limits.take(full, 2, HOUR, now.plusSeconds(2)));
        assertEquals(
                List.of(now.toEpochMilli(), now.plusSeconds(1).toEpochMilli()), times(item(full)));
    }

    /**
     * Only when the count changes under every read, far more often than its limit explains, does a try give up: with
     * Busy (the page says try again), never with a wrong answer.
     */
    @Test
    void aCountThatKeepsChangingUnderEveryReadGivesBusy() {
        String key = Samples.unique("code-client");
        assertTrue(limits.take(key, 2, HOUR, now));
        Runnable[] bump = new Runnable[1];
        bump[0] =
                () -> {
                    aws.dynamo()
                            .updateItem(
                                    u ->
                                            u.tableName(aws.table("DraftsTable"))
                                                    .key(Items.key("draftId", limits.itemId(key)))
                                                    .updateExpression("ADD #v :one")
                                                    .expressionAttributeNames(
                                                            Map.of("#v", "version"))
                                                    .expressionAttributeValues(
                                                            Map.of(":one", Items.n(1))));
                    aws.dynamoFaults().beforeNextWrite(bump[0]);
                };
        aws.dynamoFaults().beforeNextWrite(bump[0]);
        assertThrows(Busy.class, () -> limits.take(key, 2, HOUR, now.plusSeconds(1)));
        aws.dynamoFaults().clear();
        assertEquals(List.of(now.toEpochMilli()), times(item(key)), "nothing counted");
        assertEquals(
                String.valueOf(1 + 2 + DynamoAttempts.SPARE_READS),
                item(key).get("version").n(),
                "gave up after the limit and " + DynamoAttempts.SPARE_READS + " reads more");
    }

    @Test
    void anEmailIsWrittenWithItsCountAndNotAtTheLimit() {
        String key = Samples.unique("email");
        var first = Samples.message(Samples.NOW);
        assertTrue(limits.takeWithMail(key, 1, HOUR, now, first));
        assertTrue(outbox.find(first.id()).isPresent());
        assertTrue(announced.ids.contains(first.id()), "announced to the mailer");

        var second = Samples.message(Samples.NOW);
        assertFalse(limits.takeWithMail(key, 1, HOUR, now.plus(HOUR).minusMillis(1), second));
        assertTrue(outbox.find(second.id()).isEmpty(), "nothing written at the limit");
        assertEquals(List.of(now.toEpochMilli()), times(item(key)));

        assertTrue(limits.takeWithMail(key, 1, HOUR, now.plus(HOUR), second), "a window later");
        assertTrue(outbox.find(second.id()).isPresent());
    }

    /** The e-mail's transaction meets another try: it reads again, and writes the mail only if counted then. */
    @Test
    void anEmailWhoseCountMeetsAnotherTryDecidesAgainAndWritesTheMailOnlyWhenCounted() {
        String key = Samples.unique("email");
        var first = Samples.message(Samples.NOW);
        aws.dynamoFaults()
                .beforeNextWrite(() -> assertTrue(limits.take(key, 2, HOUR, now.minusSeconds(1))));
        assertTrue(limits.takeWithMail(key, 2, HOUR, now, first));
        assertTrue(outbox.find(first.id()).isPresent());
        assertEquals(2, times(item(key)).size());

        String full = Samples.unique("email");
        assertTrue(limits.take(full, 2, HOUR, now));
        var refused = Samples.message(Samples.NOW);
        aws.dynamoFaults()
                .beforeNextWrite(() -> assertTrue(limits.take(full, 2, HOUR, now.plusSeconds(1))));
        assertFalse(limits.takeWithMail(full, 2, HOUR, now.plusSeconds(2), refused));
        assertTrue(outbox.find(refused.id()).isEmpty(), "no mail for a try not counted");
        assertFalse(announced.ids.contains(refused.id()));
        assertEquals(2, times(item(full)).size());
    }

    /** DynamoDB's own transaction conflicts (which DynamoDB Local never makes) are tried again, as every transaction. */
    @Test
    void anEmailsTransactionIsTriedAgainAfterAConflict() {
        String key = Samples.unique("email");
        var message = Samples.message(Samples.NOW);
        aws.dynamoFaults().failTransactions(2, "TransactionConflict");
        assertTrue(limits.takeWithMail(key, 1, HOUR, now, message));
        assertEquals(2, aws.dynamoFaults().injected());
        assertTrue(outbox.find(message.id()).isPresent());
        assertEquals(List.of(now.toEpochMilli()), times(item(key)));
    }

    @Test
    void triesAtACodeAreCountedPerSourceInTheCodesTable() {
        DynamoAttempts tries =
                DynamoAttempts.inCodes(aws.dynamo(), aws.table("MonitoringCodesTable"));
        Duration quarter = Duration.ofMinutes(15);
        String source = Samples.unique("source");
        for (int i = 0; i < 3; i++) assertTrue(tries.take(source, 3, quarter, now.plusSeconds(i)));
        assertFalse(tries.take(source, 3, quarter, now.plusSeconds(3)));
        assertTrue(tries.take(Samples.unique("source"), 3, quarter, now));
        assertTrue(
                tries.take(source, 3, quarter, now.plus(quarter)),
                "the first try's place, a window after it");
        var item = item("MonitoringCodesTable", "codeId", "tries#" + source);
        assertEquals(3, times(item).size());
        assertEquals(
                String.valueOf(now.plus(quarter).plus(quarter).getEpochSecond() + 1),
                item.get("expiresAtEpoch").n());
    }

    @Test
    void theCodesTableSendsNoMail() {
        DynamoAttempts tries =
                DynamoAttempts.inCodes(aws.dynamo(), aws.table("MonitoringCodesTable"));
        assertThrows(
                IllegalStateException.class,
                () -> tries.takeWithMail("k", 1, HOUR, now, Samples.message(Samples.NOW)));
    }
}
