package org.involve.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.List;
import org.involve.adapters.DynamoPayments;
import org.involve.adapters.PaymentBatch;
import org.involve.core.payments.MileageRates;
import org.involve.core.payments.PaymentCalculator;
import org.involve.core.payments.PaymentRecord;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The payments queue's consumer: each message is one approved claim, which becomes one payment record. Messages that
 * fail are reported as batch item failures (the rest of the batch is done and not redelivered); after three receives
 * a failing message goes to the payments dead-letter queue (README: re-driving it).
 */
public class PaymentCalculatorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final PaymentBatch batch;
    private final Metrics metrics;

    public PaymentCalculatorHandler() {
        this(Beans.get(PaymentBatch.class), Telemetry.metrics());
        MileageRates rates = Beans.get(InvolveSettings.class).mileageRates();
        DynamoPayments payments = Beans.get(DynamoPayments.class);
        Priming.register("PaymentCalculatorFunction", () -> prime(rates, payments));
    }

    public PaymentCalculatorHandler(PaymentBatch batch, Metrics metrics) {
        this.batch = batch;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        LogContext.begin(context, null);
        List<PaymentBatch.Message> messages =
                event.getRecords().stream()
                        .map(
                                m ->
                                        new PaymentBatch.Message(
                                                m.getMessageId(),
                                                m.getBody(),
                                                MailerHandler.correlationId(m)))
                        .toList();
        List<String> failed = batch.handle(messages, m -> LogContext.correlate(m.correlationId()));
        metrics.addMetric("PaymentCalculated", messages.size() - failed.size(), MetricUnit.COUNT);
        if (!failed.isEmpty()) metrics.addMetric("PaymentFailed", failed.size(), MetricUnit.COUNT);
        metrics.flush();
        return SQSBatchResponse.builder()
                .withBatchItemFailures(
                        failed.stream()
                                .map(
                                        id ->
                                                SQSBatchResponse.BatchItemFailure.builder()
                                                        .withItemIdentifier(id)
                                                        .build())
                                .toList())
                .build();
    }

    /**
     * SnapStart priming (see {@link Priming}), changing nothing: reads an approved claim as the payments queue carries
     * one (Jackson), works out its payment at the function's mileage rates, and rehearses recording it ({@link
     * DynamoPayments#rehearse}: the partner's payments and the claim's lookup, reads of ids that are never there, then
     * the recording transaction marshalled and signed through a client that answers itself, so it reaches no table);
     * then counts and flushes a
     * metric into a sink that drops it ({@link Telemetry#prime}).
     */
    static void prime(MileageRates rates, DynamoPayments payments) {
        PaymentRecord payment =
                PaymentCalculator.calculate(PaymentBatch.read(PRIMING_CLAIM), rates, Instant.now());
        if (!payments.rehearse(payment))
            throw new IllegalStateException("The offline put was not answered");
        Telemetry.prime();
    }

    /** A claim as the payments queue carries one, for priming only (its id is never there): never recorded. */
    private static final String PRIMING_CLAIM =
            "{\"claimId\":\""
                    + Priming.NOT_THERE
                    + "\",\"appointmentId\":\"priming\",\"roleId\":\"priming\","
                    + "\"approvedBy\":\"priming\",\"approvedAt\":\"2000-01-01T00:00:00Z\","
                    + "\"model\":{\"kind\":\"DAY_RATE\",\"fullDayPence\":15000,\"halfDayPence\":7500,"
                    + "\"fullDayMinimumMinutes\":240,\"monthlyPence\":0,\"monthlyHoursIncluded\":0},"
                    + "\"choice\":\"ACCEPTED\",\"involvement\":[{\"date\":\"2000-01-01\",\"minutes\":300}],"
                    + "\"expenses\":[{\"kind\":\"RAIL\",\"date\":\"2000-01-01\",\"pence\":2340}],"
                    + "\"journeys\":[{\"date\":\"2000-01-01\",\"vehicle\":\"CAR_OR_VAN\",\"tenths\":123}],"
                    + "\"earlierCarTenthsThisTaxYear\":0}";
}
