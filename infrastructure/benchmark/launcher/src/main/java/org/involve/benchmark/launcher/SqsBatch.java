package org.involve.benchmark.launcher;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An SQS batch event from its JSON (the {@code Records} of infrastructure/benchmark/queue-events/sqs-payment-batch-10.json),
 * made fresh for each request: every message's {@code claimId} gets the request's own suffix, so each request is ten
 * new approved claims, each paid once, as on the payments queue (a repeat would only find its payment already made).
 */
final class SqsBatch {
    private SqsBatch() {}

    static boolean is(Map<String, Object> json) {
        return json.get("Records") instanceof List<?>;
    }

    @SuppressWarnings("unchecked")
    static SQSEvent from(Map<String, Object> json, String suffix) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (Object r : (List<Object>) json.get("Records")) {
            Map<String, Object> record = (Map<String, Object>) r;
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(record.get("messageId") + "-" + suffix);
            String body = String.valueOf(record.get("body"));
            m.setBody(body.replaceFirst("(\"claimId\":\"[^\"]+)\"", "$1-" + suffix + "\""));
            m.setEventSource("aws:sqs");
            m.setEventSourceArn(String.valueOf(record.get("eventSourceARN")));
            m.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            m.setMessageAttributes(Map.of());
            messages.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }
}
