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
