package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(AwsEnvironmentExtension.class)
class SqsMailQueueTest {
    private final AwsEnvironment aws;

    SqsMailQueueTest(AwsEnvironment aws) {
        this.aws = aws;
    }

    @Test
    void anAnnouncedMessageIdCanBeReadFromTheMailQueue() {
        String queueUrl = aws.queueUrl("MailQueue");
        String messageId = Samples.unique("ack");

        new SqsMailQueue(aws.sqs(), queueUrl).announce(messageId);

        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5 && !bodies.contains(messageId); i++) {
            aws
                    .sqs()
                    .receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()
                    .stream()
                    .map(Message::body)
                    .forEach(bodies::add);
        }
        assertTrue(bodies.contains(messageId), () -> "received " + bodies);
    }

    @Test
    void anAnnouncementCarriesTheRequestsCorrelationIdForTheMailersLogs() {
        String queueUrl = aws.queueUrl("MailQueue");
        String messageId = Samples.unique("ack");

        new SqsMailQueue(aws::sqs, queueUrl, () -> "corr-123").announce(messageId);

        List<Message> received = new ArrayList<>();
        for (int i = 0; i < 5 && received.stream().noneMatch(m -> m.body().equals(messageId)); i++)
            received.addAll(
                    aws.sqs()
                            .receiveMessage(
                                    r ->
                                            r.queueUrl(queueUrl)
                                                    .maxNumberOfMessages(10)
                                                    .waitTimeSeconds(1)
                                                    .messageAttributeNames("All"))
                            .messages());
        Message m =
                received.stream().filter(x -> x.body().equals(messageId)).findFirst().orElseThrow();
        assertEquals(
                "corr-123", m.messageAttributes().get(SqsMailQueue.CORRELATION_ID).stringValue());
    }

    @Test
    void aFailedMessageIdIsPutOnTheMailDeadLetterQueue() {
        String queueUrl = aws.queueUrl("MailDeadLetterQueue");
        String messageId = Samples.unique("ack");
        List<String> warnings = new ArrayList<>();

        new SqsDeadLetters(aws::sqs, queueUrl, warnings::add).deadLetter(messageId);

        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 5 && !bodies.contains(messageId); i++) {
            aws
                    .sqs()
                    .receiveMessage(
                            r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()
                    .stream()
                    .map(Message::body)
                    .forEach(bodies::add);
        }
        assertTrue(bodies.contains(messageId), () -> "received " + bodies);
        assertTrue(warnings.isEmpty(), warnings::toString);
    }

    @Test
    void anUnreachableDeadLetterQueueIsOnlyAWarningWithoutTheAddress() {
        List<String> warnings = new ArrayList<>();
        new SqsDeadLetters(aws::sqs, aws.queueUrl("MailQueue") + "-no-such-queue", warnings::add)
                .deadLetter("ack-INV-TEST-0001");
        assertTrue(
                warnings.size() == 1 && warnings.get(0).contains("ack-INV-TEST-0001"),
                warnings::toString);
    }
}
