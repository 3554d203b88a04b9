package org.involve.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;

/** A test handler: reports the messages whose body starts with "fail" as failures, and throws on "throw". */
public class FailingMailer implements RequestHandler<SQSEvent, SQSBatchResponse> {
    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        if (event.getRecords().stream().anyMatch(r -> r.getBody().equals("throw")))
            throw new IllegalStateException("SES is down");
        List<SQSBatchResponse.BatchItemFailure> failures =
                event.getRecords().stream()
                        .filter(r -> r.getBody().startsWith("fail"))
                        .map(
                                r ->
                                        SQSBatchResponse.BatchItemFailure.builder()
                                                .withItemIdentifier(r.getMessageId())
                                                .build())
                        .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
