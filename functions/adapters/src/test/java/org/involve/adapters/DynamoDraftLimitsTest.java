package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.involve.adapters.internal.Items;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoDraftLimitsTest {
    private final AwsEnvironment aws;
    private final DynamoDraftLimits limits;
    private final DynamoOutbox outbox;
    private final Announcements announced = new Announcements();
    private final Instant until = Samples.NOW.plus(1, ChronoUnit.HOURS);

    DynamoDraftLimitsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        announced,
                        warning -> {});
        this.limits = new DynamoDraftLimits(aws.dynamo(), aws.table("DraftsTable"), outbox);
    }

    @Test
    void triesAreCountedUpToTheLimitAndForgottenAfterTheirPeriod() {
        String key = Samples.unique("code-reference");
        assertTrue(limits.take(key, 2, until));
        assertTrue(limits.take(key, 2, until));
        assertFalse(limits.take(key, 2, until));
        assertTrue(limits.take(Samples.unique("another"), 2, until), "each key on its own");
        var item =
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("DraftsTable"))
                                                .key(
                                                        Items.key(
                                                                "draftId",
                                                                DynamoDraftLimits.itemId(key))))
                        .item();
        assertEquals("2", item.get("tries").n());
        assertEquals(String.valueOf(until.getEpochSecond()), item.get("expiresAtEpoch").n());
    }

    /**
     * The limits on applications per client and acknowledgements per address (issue 12, item 7) rely on this: many
     * requests counting under one key at the same moment never get past the limit together.
     */
    @Test
    void triesCountedAtTheSameMomentNeverPassTheLimit() throws Exception {
        String key = Samples.unique("apply-client") + "#" + "0".repeat(64) + "#493380";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var tries = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 8; i++)
                tries.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return limits.take(key, 3, until);
                                }));
            start.countDown();
            int counted = 0;
            for (var t : tries) if (t.get()) counted++;
            assertEquals(3, counted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEmailIsWrittenWithItsCountAndNotAtTheLimit() {
        String key = Samples.unique("email");
        var first = Samples.message(Samples.NOW);
        assertTrue(limits.takeWithMail(key, 1, until, first));
        assertTrue(outbox.find(first.id()).isPresent());
        assertTrue(announced.ids.contains(first.id()), "announced to the mailer");

        var second = Samples.message(Samples.NOW);
        assertFalse(limits.takeWithMail(key, 1, until, second));
        assertTrue(outbox.find(second.id()).isEmpty(), "nothing written at the limit");
    }
}
