package org.involve.local;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.emulators.EmbeddedSqs;
import org.involve.emulators.FunctionSpec;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's event source mapping does for one SQS event: long-polls the queue, hands the function batches of up
 * to BatchSize messages, and deletes what it handled. With ReportBatchItemFailures only the messages it did not
 * list as failed are deleted; if it throws, none are, so they come back after the visibility timeout and reach the
 * dead-letter queue after maxReceiveCount (ElasticMQ applies the redrive policy).
 */
final class SqsEventSource implements Runnable {
    private static final int WAIT_SECONDS = 5;

    private final LambdaFunction function;
    private final FunctionSpec.SqsEventSource source;
    private final SqsClient sqs;
    private final String queueUrl;
    private volatile boolean running = true;
    private Thread thread;

    SqsEventSource(
            LambdaFunction function,
            FunctionSpec.SqsEventSource source,
            SqsClient sqs,
            String queueUrl) {
        this.function = function;
        this.source = source;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    void start() {
        thread = Threads.named("sqs-" + source.queueLogicalId()).newThread(this);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread == null) return;
        try {
            thread.join((WAIT_SECONDS + 2) * 1000L); // let a long poll in progress return
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (!running) return;
                System.err.println(
                        "[sqs] polling " + source.queueLogicalId() + " failed: " + e.getMessage());
                pause();
            }
        }
    }

    /** One receive and, if it brought messages, one invocation. */
    void pollOnce() {
        List<Message> messages =
                sqs.receiveMessage(
                                b ->
                                        b.queueUrl(queueUrl)
                                                .maxNumberOfMessages(
                                                        Math.min(
                                                                10,
                                                                Math.max(1, source.batchSize())))
                                                .waitTimeSeconds(WAIT_SECONDS)
                                                .messageSystemAttributeNames(
                                                        MessageSystemAttributeName.ALL)
                                                .messageAttributeNames("All"))
                        .messages();
        if (messages.isEmpty()) return;
        Object result;
        try {
            result = function.invoke(event(messages));
        } catch (Exception e) {
            System.err.println(
                    "[sqs] "
                            + function.name()
                            + " failed on a batch of "
                            + messages.size()
                            + "; the messages return after the visibility timeout:");
            e.printStackTrace();
            return;
        }
        delete(messages, failedIds(result, messages));
    }

    /** Ids to keep. An unknown or empty id fails the whole batch, as Lambda does. */
    private Set<String> failedIds(Object result, List<Message> messages) {
        if (!source.reportsBatchItemFailures()
                || !(result instanceof SQSBatchResponse response)
                || response.getBatchItemFailures() == null) {
            return Set.of();
        }
        Set<String> ids = messages.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed =
                response.getBatchItemFailures().stream()
                        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                        .map(id -> id == null ? "" : id)
                        .collect(Collectors.toSet());
        return ids.containsAll(failed) ? failed : ids;
    }

    private void delete(List<Message> messages, Set<String> keep) {
        List<DeleteMessageBatchRequestEntry> entries =
                messages.stream()
                        .filter(m -> !keep.contains(m.messageId()))
                        .map(
                                m ->
                                        DeleteMessageBatchRequestEntry.builder()
                                                .id(m.messageId())
                                                .receiptHandle(m.receiptHandle())
                                                .build())
                        .toList();
        if (!entries.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
    }

    private SQSEvent event(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::record).toList());
        return event;
    }

    private SQSEvent.SQSMessage record(Message m) {
        SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
        r.setMessageId(m.messageId());
        r.setReceiptHandle(m.receiptHandle());
        r.setBody(m.body());
        r.setMd5OfBody(m.md5OfBody());
        r.setMd5OfMessageAttributes(m.md5OfMessageAttributes());
        Map<String, String> attributes = new HashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        r.setAttributes(attributes);
        Map<String, SQSEvent.MessageAttribute> messageAttributes = new HashMap<>();
        m.messageAttributes()
                .forEach(
                        (k, v) -> {
                            SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
                            a.setDataType(v.dataType());
                            a.setStringValue(v.stringValue());
                            if (v.binaryValue() != null)
                                a.setBinaryValue(v.binaryValue().asByteBuffer());
                            messageAttributes.put(k, a);
                        });
        r.setMessageAttributes(messageAttributes);
        r.setEventSource("aws:sqs");
        r.setEventSourceArn(EmbeddedSqs.arn(source.queueLogicalId()));
        r.setAwsRegion(LocalRuntime.REGION);
        return r;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
