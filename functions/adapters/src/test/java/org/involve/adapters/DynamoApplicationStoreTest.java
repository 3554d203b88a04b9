package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationStore.Stored;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoApplicationStoreTest {
    private final AwsEnvironment aws;
    private final DynamoDraftStore drafts;
    private final DynamoOutbox outbox;
    private final DynamoApplicationStore applications;
    private final Announcements announced = new Announcements();

    DynamoApplicationStoreTest(AwsEnvironment aws) {
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

    /** The applicant's e-mails are announced to the mailer by the write that stores them: no handler has to. */
    @Test
    void submittingStoresTheApplicationItsMessagesAndMarksTheDraftSubmitted() {
        ApplicationDraft draft = savedDraft();
        Application app = Samples.application(draft.roleId(), Samples.unique("applicant"));
        List<OutboxMessage> messages = messagesFor(app);

        Stored stored = applications.submit(app, messages, draft.id());

        assertEquals(new Stored(app, true), stored);
        assertEquals(
                Optional.of(app),
                applications.find(app.roleId(), app.applicantKey(), Read.CONSISTENT));
        assertEquals(
                Optional.of(app), applications.findByReference(app.reference(), Read.CONSISTENT));
        for (OutboxMessage m : messages) assertEquals(Optional.of(m), outbox.find(m.id()));
        assertEquals(messages.stream().map(OutboxMessage::id).toList(), announced.ids);
        ApplicationDraft marked = drafts.find(draft.id()).orElseThrow();
        assertEquals(app.reference(), marked.submittedReference());
        assertEquals(draft.answers(), marked.answers());
    }

    @Test
    void theSameApplicantTwiceMakesOneApplicationAndOneSetOfMessages() {
        ApplicationDraft first = savedDraft(), second = savedDraft();
        String applicant = Samples.unique("applicant");
        Application original = Samples.application(first.roleId(), applicant);
        Application again = Samples.application(first.roleId(), applicant);
        applications.submit(original, messagesFor(original), first.id());
        announced.ids.clear();

        Stored stored = applications.submit(again, messagesFor(again), second.id());

        assertEquals(List.of(), announced.ids, "nothing new was written, so nothing is announced");
        assertFalse(stored.created());
        assertEquals(original.reference(), stored.application().reference());
        assertEquals(
                Optional.empty(), applications.findByReference(again.reference(), Read.CONSISTENT));
        for (OutboxMessage m : messagesFor(again))
            assertEquals(Optional.empty(), outbox.find(m.id()));
        assertNull(drafts.find(second.id()).orElseThrow().submittedReference());
    }

    @Test
    void aTransactionWithAFailingPartWritesNothing() {
        ApplicationDraft draft = savedDraft();
        Application app = Samples.application(draft.roleId(), Samples.unique("applicant"));
        List<OutboxMessage> messages = messagesFor(app);
        OutboxMessage clashing = messages.get(1);
        aws.dynamo()
                .transactWriteItems(
                        r -> r.transactItems(outbox.putNew(clashing))); // already in the outbox

        TransactionCanceledException e =
                assertThrows(
                        TransactionCanceledException.class,
                        () -> applications.submit(app, messages, draft.id()));

        assertFalse(Items.firstConditionFailed(e));
        assertEquals(
                Optional.empty(),
                applications.find(app.roleId(), app.applicantKey(), Read.CONSISTENT));
        assertEquals(Optional.empty(), outbox.find(messages.get(0).id()));
        assertNull(drafts.find(draft.id()).orElseThrow().submittedReference());
    }

    @Test
    void aDraftThatHasGoneFailsTheSubmissionRatherThanBeingRecreated() {
        Application app = Samples.application("role-a", Samples.unique("applicant"));

        assertThrows(
                TransactionCanceledException.class,
                () -> applications.submit(app, messagesFor(app), "gone-draft"));

        assertEquals(
                Optional.empty(),
                applications.find(app.roleId(), app.applicantKey(), Read.CONSISTENT));
        assertEquals(Optional.empty(), drafts.find("gone-draft"));
    }

    @Test
    void anApplicationEnteredByStaffNeedsNoDraft() {
        Application app = Samples.application("role-a", Samples.unique("applicant"));
        assertTrue(applications.submit(app, messagesFor(app), null).created());
        assertEquals(
                Optional.of(app),
                applications.find(app.roleId(), app.applicantKey(), Read.CONSISTENT));
    }

    @Test
    void sendingAgainSavesTheDraftLeadingToTheFirstApplicationWithItsNoticeOnce() {
        ApplicationDraft first = savedDraft(), second = savedDraft();
        String applicant = Samples.unique("applicant");
        Application original = Samples.application(first.roleId(), applicant);
        applications.submit(original, messagesFor(original), first.id());
        announced.ids.clear();
        OutboxMessage m = Samples.message(Samples.NOW);
        OutboxMessage notice =
                new OutboxMessage(
                        "again-" + second.id(),
                        m.email(),
                        m.createdAt(),
                        m.dueAt(),
                        0,
                        "applied-again");

        applications.submittedAgain(
                second.pointingAtEarlier(original.reference()), List.of(notice));

        assertEquals(Optional.of(notice), outbox.find(notice.id()));
        assertEquals(List.of(notice.id()), announced.ids);
        ApplicationDraft saved = drafts.find(second.id()).orElseThrow();
        assertEquals(original.reference(), saved.submittedReference());
        assertTrue(saved.earlierApplication());

        // The same draft sent again at the same moment: the draft is saved, the notice not
        // repeated.
        announced.ids.clear();
        applications.submittedAgain(
                second.pointingAtEarlier(original.reference()), List.of(notice));
        assertEquals(List.of(), announced.ids);
        assertEquals(
                original.reference(), drafts.find(second.id()).orElseThrow().submittedReference());
    }

    @Test
    void anUnknownReferenceIsNotFound() {
        assertEquals(
                Optional.empty(), applications.findByReference("INV-NONE-NONE", Read.CONSISTENT));
    }

    private ApplicationDraft savedDraft() {
        ApplicationDraft draft = Samples.draft("role-a");
        drafts.save(draft);
        return draft;
    }

    /** As core names them: derived from the reference, so a repeat of the same submission is the same messages. */
    private static List<OutboxMessage> messagesFor(Application app) {
        OutboxMessage ack = Samples.message(Samples.NOW);
        OutboxMessage task = Samples.message(Samples.NOW);
        return List.of(
                new OutboxMessage(
                        "ack-" + app.reference(),
                        ack.email(),
                        ack.createdAt(),
                        ack.dueAt(),
                        0,
                        "acknowledgement"),
                new OutboxMessage(
                        "talk-first-" + app.reference(),
                        task.email(),
                        task.createdAt(),
                        task.dueAt(),
                        0,
                        "talk-first"));
    }
}
