package org.involve.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.FunctionSpec;
import org.involve.emulators.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class SqsEventSourceTest {
    private static EmbeddedSqs sqs;
    private SqsEventSource source;

    @BeforeAll
    static void startQueues() {
        sqs = EmbeddedSqs.start(0).createQueues(SamTemplate.loadFromWorkingDirectory());
    }

    @AfterAll
    static void stopQueues() {
        sqs.stop();
    }

    @BeforeEach
    void mailerOnTheMailQueue() {
        sqs.purgeQueues();
        var event = new FunctionSpec.SqsEventSource("MailAnnounced", "MailQueue", 10, true);
        var spec =
                new FunctionSpec(
                        "MailerFunction",
                        FailingMailer.class.getName() + "::handleRequest",
                        60,
                        Map.of(),
                        List.of(),
                        List.of(event),
                        List.of());
        source =
                new SqsEventSource(
                        LambdaFunction.instantiate(spec),
                        event,
                        sqs.client(),
                        sqs.queueUrl("MailQueue"));
    }

    @Test
    void deletesTheMessagesHandledAndKeepsTheFailedOnes() {
        send("ok-1", "fail-1", "ok-2");
        source.pollOnce();
        assertEquals(1, messagesInFlightOrWaiting());
    }

    @Test
    void keepsTheWholeBatchWhenTheHandlerThrows() {
        send("ok-1", "throw");
        source.pollOnce();
        assertEquals(2, messagesInFlightOrWaiting());
    }

    private void send(String... bodies) {
        for (String body : bodies)
            sqs.client().sendMessage(b -> b.queueUrl(sqs.queueUrl("MailQueue")).messageBody(body));
    }

    private int messagesInFlightOrWaiting() {
        var attributes =
                sqs.client()
                        .getQueueAttributes(
                                b ->
                                        b.queueUrl(sqs.queueUrl("MailQueue"))
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(
                        attributes.get(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
