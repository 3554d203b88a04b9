package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.involve.adapters.internal.Transactions;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationStore.Stored;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.Busy;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Real DynamoDB cancels a transaction that meets another one on the same item (TransactionConflict) or is throttled;
 * DynamoDB Local never does, so these faults are injected into the SDK client ({@link InjectedFaults}) in front of the
 * real emulator. Every adapter transaction goes through {@link Transactions}: shown here on the submission, the write
 * that matters most to an applicant.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class TransactionRetryTest {
    private final AwsEnvironment aws;
    private final DynamoDraftStore drafts;
    private final DynamoOutbox outbox;
    private final DynamoApplicationStore applications;
    private final Announcements announced = new Announcements();

    TransactionRetryTest(AwsEnvironment aws) {
        this.aws = aws;
        this.drafts = new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable"));
        this.outbox =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        announced,
                        warning -> {});
        this.applications =
                new DynamoApplicationStore(
                        aws.dynamo(), aws.table("ApplicationsTable"), outbox, drafts);
    }

    @AfterEach
    void noMoreFaults() {
        aws.dynamoFaults().clear();
    }

    @Test
    void aSubmissionIsStoredAfterTwoConflicts() {
        ApplicationDraft draft = savedDraft();
        Application app = Samples.application(draft.roleId(), Samples.unique("applicant"));
        List<OutboxMessage> messages = messagesFor(app);
        aws.dynamoCalls().clear();
        aws.dynamoFaults().failTransactions(2, "TransactionConflict");

        Stored stored = applications.submit(app, messages, draft.id());

        assertEquals(2, aws.dynamoFaults().injected());
        assertEquals(
                3,
                aws.dynamoCalls().operations().stream()
                        .filter("TransactWriteItems"::equals)
                        .count(),
                "two refused, the third written");
        assertEquals(new Stored(app, true), stored);
        assertEquals(
                Optional.of(app),
                applications.find(app.roleId(), app.applicantKey(), Read.CONSISTENT));
        for (OutboxMessage m : messages) assertEquals(Optional.of(m), outbox.find(m.id()));
        assertEquals(
                messages.stream().map(OutboxMessage::id).toList(),
                announced.ids,
                "each e-mail announced once, after the write that committed");
        assertEquals(app.reference(), drafts.find(draft.id()).orElseThrow().submittedReference());
    }

    @Test
    void throttlingIsTriedAgainToo() {
        ApplicationDraft draft = savedDraft();
        Application app = Samples.application(draft.roleId(), Samples.unique("applicant"));
        aws.dynamoFaults().failTransactions(2, "ThrottlingError");

        assertTrue(applications.submit(app, messagesFor(app), draft.id()).created());
        assertEquals(2, aws.dynamoFaults().injected());
    }

    @Test
    void afterTheLastTryNothingIsHalfSavedAndTheDraftIsKept() {
        ApplicationDraft draft = savedDraft();
        Application app = Samples.application(draft.roleId(), Samples.unique("applicant"));
        List<OutboxMessage> messages = messagesFor(app);
        aws.dynamoFaults().failTransactions(Transactions.ATTEMPTS, "TransactionConflict");

        Busy busy = assertThrows(Busy.class, () -> applications.submit(app, messages, draft.id()));

        assertEquals(Transactions.ATTEMPTS, aws.dynamoFaults().injected());
        assertTrue(busy.getCause() instanceof TransactionCanceledException);
        assertEquals(
                Optional.empty(),
                applications.find(app.roleId(), app.applicantKey(), Read.CONSISTENT));
        for (OutboxMessage m : messages) assertEquals(Optional.empty(), outbox.find(m.id()));
        assertEquals(List.of(), announced.ids);
        ApplicationDraft kept = drafts.find(draft.id()).orElseThrow();
        assertNull(kept.submittedReference(), "the draft is kept, not marked sent");
        assertEquals(draft.answers(), kept.answers());

        // Trying again, as the page asks, stores it once.
        assertTrue(applications.submit(app, messages, draft.id()).created());
    }

    @Test
    void aConflictWithTheSameSubmissionIsAnsweredFromWhatIsStoredNow() {
        ApplicationDraft first = savedDraft(), second = savedDraft();
        String applicant = Samples.unique("applicant");
        Application winner = Samples.application(first.roleId(), applicant);
        Application loser = Samples.application(first.roleId(), applicant);
        // A double submit: the other request commits while this one is cancelled by the
        // conflict; tried again, this one meets the stored application as a failed condition.
        aws.dynamoFaults()
                .failTransactions(
                        1,
                        "TransactionConflict",
                        () -> applications.submit(winner, messagesFor(winner), first.id()));

        Stored stored = applications.submit(loser, messagesFor(loser), second.id());

        assertEquals(1, aws.dynamoFaults().injected());
        assertFalse(stored.created());
        assertEquals(winner.reference(), stored.application().reference());
        for (OutboxMessage m : messagesFor(loser))
            assertEquals(Optional.empty(), outbox.find(m.id()));
    }

    @Test
    void aFailedConditionIsNotTriedAgain() {
        ApplicationDraft first = savedDraft(), second = savedDraft();
        String applicant = Samples.unique("applicant");
        Application original = Samples.application(first.roleId(), applicant);
        applications.submit(original, messagesFor(original), first.id());
        aws.dynamoCalls().clear();

        Application again = Samples.application(first.roleId(), applicant);
        assertFalse(applications.submit(again, messagesFor(again), second.id()).created());
        assertEquals(
                1,
                aws.dynamoCalls().operations().stream()
                        .filter("TransactWriteItems"::equals)
                        .count());
    }

    private ApplicationDraft savedDraft() {
        ApplicationDraft draft = Samples.draft("role-a");
        drafts.save(draft);
        return draft;
    }

    private static List<OutboxMessage> messagesFor(Application app) {
        OutboxMessage ack = Samples.message(Samples.NOW);
        return List.of(
                new OutboxMessage(
                        "ack-" + app.reference(),
                        ack.email(),
                        ack.createdAt(),
                        ack.dueAt(),
                        0,
                        "acknowledgement"));
    }
}
