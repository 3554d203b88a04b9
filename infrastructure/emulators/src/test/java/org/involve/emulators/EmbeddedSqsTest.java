package org.involve.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@LocalSqs
class EmbeddedSqsTest {

    @Test
    void createsTheMailQueueWithItsDeadLetterQueue(EmbeddedSqs sqs, SqsClient client) {
        var attributes =
                client.getQueueAttributes(
                                b ->
                                        b.queueUrl(sqs.queueUrl("MailQueue"))
                                                .attributeNames(QueueAttributeName.ALL))
                        .attributes();
        assertEquals("420", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertTrue(
                attributes
                        .get(QueueAttributeName.REDRIVE_POLICY)
                        .contains(EmbeddedSqs.arn("MailDeadLetterQueue")));
        assertTrue(sqs.queueUrl("MailDeadLetterQueue").endsWith("/MailDeadLetterQueue"));
    }

    @Test
    void deliversWhatIsSent(EmbeddedSqs sqs, SqsClient client) {
        String url = sqs.queueUrl("MailQueue");
        client.sendMessage(b -> b.queueUrl(url).messageBody("announced"));
        var received = client.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(2)).messages();
        assertEquals("announced", received.get(0).body());
        client.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
    }
}
