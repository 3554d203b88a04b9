package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.MileageRates;
import org.involve.core.payments.PaymentCalculator;
import org.involve.core.payments.PaymentRecord;
import org.involve.core.payments.Payments;
import org.involve.core.payments.Vehicle;
import org.involve.core.role.PaymentModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The payments queue as the template makes it (ElasticMQ, its redrive policy) and the calculator's batches on
 * DynamoDB Local, driven as Lambda's event source drives them with ReportBatchItemFailures: a batch of up to 10 is
 * received, the messages that did not fail are deleted, the failed ones come back.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class PaymentsQueueTest {
    static final MileageRates HMRC = new MileageRates(45, 25, 10_000, 24, 20);
    static final LocalDate DAY = LocalDate.of(2027, 3, 3);

    private final AwsEnvironment aws;
    private final String queue, deadLetters;
    private final DynamoPayments table;

    /** How many payment records were actually written: the count that must equal the number of claims. */
    private final AtomicInteger written = new AtomicInteger();

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final PaymentBatch batch;

    PaymentsQueueTest(AwsEnvironment aws) {
        this.aws = aws;
        this.queue = aws.queueUrl("PaymentsQueue");
        this.deadLetters = aws.queueUrl("PaymentsDeadLetterQueue");
        this.table = new DynamoPayments(aws.dynamo(), aws.table("PaymentsTable"));
        Payments counting =
                new Payments() {
                    @Override
                    public Recorded record(PaymentRecord payment, PaidSoFar basis) {
                        Recorded r = table.record(payment, basis);
                        if (r == Recorded.RECORDED) written.incrementAndGet();
                        return r;
                    }

                    @Override
                    public PaidSoFar paidSoFar(String appointmentId) {
                        return table.paidSoFar(appointmentId);
                    }

                    @Override
                    public Optional<PaymentRecord> forClaim(String claimId) {
                        return table.forClaim(claimId);
                    }

                    @Override
                    public List<PaymentRecord> export(String exportId, java.time.LocalDate paidBy) {
                        return table.export(exportId, paidBy);
                    }

                    @Override
                    public List<PaymentRecord> inExport(String exportId) {
                        return table.inExport(exportId);
                    }

                    @Override
                    public List<PaymentRecord> forAppointment(String appointmentId) {
                        return table.forAppointment(appointmentId);
                    }
                };
        this.batch =
                new PaymentBatch(
                        new PaymentCalculator(
                                counting, HMRC, Clock.fixed(Samples.NOW, ZoneOffset.UTC)),
                        warnings::add);
    }

    @BeforeEach
    void emptyQueues() {
        aws.sqs().purgeQueue(r -> r.queueUrl(queue));
        aws.sqs().purgeQueue(r -> r.queueUrl(deadLetters));
    }

    static ApprovedClaim claim(String id, int minutes) {
        return new ApprovedClaim(
                id,
                "appt-" + id,
                "scg",
                "staff-0001",
                Samples.NOW,
                PaymentModel.dayRate(15000, 7500),
                PaymentChoice.ACCEPTED,
                List.of(new ApprovedClaim.Session(DAY, minutes)),
                List.of(new ApprovedClaim.Expense(ApprovedClaim.ExpenseKind.RAIL, DAY, 2340)),
                List.of(new ApprovedClaim.Journey(DAY, Vehicle.CAR_OR_VAN, 123)),
                0);
    }

    private void send(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(bodies.size(), from + 10); i++)
                entries.add(
                        SendMessageBatchRequestEntry.builder()
                                .id("m" + i)
                                .messageBody(bodies.get(i))
                                .build());
            assertTrue(
                    aws.sqs()
                            .sendMessageBatch(r -> r.queueUrl(queue).entries(entries))
                            .failed()
                            .isEmpty());
        }
    }

    /**
     * One consumer as Lambda's SQS event source runs it: receive up to 10, hand them to the calculator, delete the ones
     * that did not fail. Failed ones are made visible at once (in AWS they wait out the visibility timeout). Returns
     * when the queue has stayed empty for a couple of receives.
     */
    private Callable<Integer> consumer() {
        return () -> {
            int batches = 0, empty = 0;
            while (empty < 3 && batches < 200) {
                List<Message> received =
                        aws.sqs()
                                .receiveMessage(
                                        r ->
                                                r.queueUrl(queue)
                                                        .maxNumberOfMessages(10)
                                                        .waitTimeSeconds(1))
                                .messages();
                if (received.isEmpty()) {
                    empty++;
                    continue;
                }
                empty = 0;
                batches++;
                List<String> failed =
                        batch.handle(
                                received.stream()
                                        .map(m -> new PaymentBatch.Message(m.messageId(), m.body()))
                                        .toList());
                List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
                for (Message m : received) {
                    if (failed.contains(m.messageId()))
                        aws.sqs()
                                .changeMessageVisibility(
                                        r ->
                                                r.queueUrl(queue)
                                                        .receiptHandle(m.receiptHandle())
                                                        .visibilityTimeout(0));
                    else
                        done.add(
                                DeleteMessageBatchRequestEntry.builder()
                                        .id(m.messageId())
                                        .receiptHandle(m.receiptHandle())
                                        .build());
                }
                if (!done.isEmpty())
                    aws.sqs().deleteMessageBatch(r -> r.queueUrl(queue).entries(done));
            }
            return batches;
        };
    }

    private List<String> deadLettered() {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++)
            aws.sqs()
                    .receiveMessage(
                            r -> r.queueUrl(deadLetters).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()
                    .forEach(m -> bodies.add(m.body()));
        return bodies;
    }

    @Test
    void aPoisonMessageInABatchOfTenEndsInTheDeadLetterQueueAndTheOtherNineArePaidOnce()
            throws Exception {
        List<String> ids = new ArrayList<>(), bodies = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            String id = Samples.unique("claim");
            ids.add(id);
            bodies.add(PaymentBatch.write(claim(id, 240)));
        }
        String poison = "{\"claimId\":\"" + Samples.unique("poison") + "\"}"; // not a whole claim
        bodies.add(4, poison);
        send(bodies);

        consumer().call();

        assertEquals(List.of(poison), deadLettered());
        assertEquals(9, written.get());
        for (String id : ids) {
            PaymentRecord p = table.forClaim(id).orElseThrow();
            assertEquals(15000, p.involvementPence());
            assertEquals(
                    2340 + 554,
                    p.expensesPence()); // rail, and 12.3 miles at 45p = 553.5p, rounded up
        }
        // Each receive of the poison was reported, without the claim's contents: received 3 times
        // (maxReceiveCount).
        assertEquals(3, warnings.size(), warnings::toString);
        assertTrue(warnings.stream().noneMatch(w -> w.contains("claimId")), warnings::toString);
    }

    @Test
    void duplicatesReadByTwoConsumersAtOnceArePaidOnceEach() throws Exception {
        List<String> ids = new ArrayList<>(), bodies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = Samples.unique("claim");
            ids.add(id);
            bodies.add(PaymentBatch.write(claim(id, 60 + i)));
        }
        List<String> twice = new ArrayList<>(bodies);
        twice.addAll(bodies); // every claim delivered twice
        Collections.shuffle(twice, new java.util.Random(7));
        send(twice);

        var pool = Executors.newFixedThreadPool(2);
        try {
            int batches = 0;
            for (var f : pool.invokeAll(List.of(consumer(), consumer()))) batches += f.get();
            assertTrue(batches >= 6, "batches " + batches);
        } finally {
            pool.shutdownNow();
        }

        assertEquals(30, written.get());
        for (String id : ids) assertTrue(table.forClaim(id).isPresent(), id);
        assertEquals(List.of(), deadLettered());
        assertEquals(List.of(), warnings);
    }

    @Test
    void anApprovedClaimCarriesTheApprovingRequestsCorrelationIdForTheCalculatorsLogs() {
        ApprovedClaim c = claim(Samples.unique("claim"), 300);
        new SqsPaymentsQueue(aws::sqs, () -> queue, () -> "approve-corr-9").send(c);

        List<software.amazon.awssdk.services.sqs.model.Message> received = new ArrayList<>();
        for (int i = 0; i < 5 && received.isEmpty(); i++)
            received.addAll(
                    aws.sqs()
                            .receiveMessage(
                                    r ->
                                            r.queueUrl(queue)
                                                    .maxNumberOfMessages(10)
                                                    .waitTimeSeconds(1)
                                                    .messageAttributeNames("All"))
                            .messages());
        assertEquals(1, received.size());
        assertEquals(c, PaymentBatch.read(received.get(0).body()));
        assertEquals(
                "approve-corr-9",
                received.get(0).messageAttributes().get(SqsMailQueue.CORRELATION_ID).stringValue());
    }

    @Test
    void aClaimReadsBackFromItsMessageUnchanged() {
        ApprovedClaim c = claim(Samples.unique("claim"), 100);
        assertEquals(c, PaymentBatch.read(PaymentBatch.write(c)));
    }
}
