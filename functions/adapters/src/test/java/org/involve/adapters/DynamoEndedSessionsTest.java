package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sessions ended by signing out, on DynamoDB Local: kept until the token would have expired, then left to TTL. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoEndedSessionsTest {
    private final AwsEnvironment aws;
    private final DynamoEndedSessions sessions;

    DynamoEndedSessionsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.sessions = new DynamoEndedSessions(aws.dynamo(), aws.table("EndedSessionsTable"));
    }

    @Test
    void anEndedSessionIsFoundAndAnotherIsNot() {
        String ended = Samples.unique("session");
        Instant expires = Instant.parse("2027-01-10T18:00:00Z");
        assertFalse(sessions.hasEnded(ended));

        sessions.end(ended, expires);

        assertTrue(sessions.hasEnded(ended));
        assertFalse(sessions.hasEnded(Samples.unique("session")));
        Map<String, AttributeValue> item =
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("EndedSessionsTable"))
                                                .key(
                                                        Map.of(
                                                                "session",
                                                                AttributeValue.fromS(ended))))
                        .item();
        // Only the token's id and when DynamoDB may remove it: nothing about the person.
        assertEquals(
                Map.of(
                        "session",
                        AttributeValue.fromS(ended),
                        "expiresAtEpoch",
                        AttributeValue.fromN(String.valueOf(expires.getEpochSecond()))),
                item);
    }
}
