package org.involve.adapters;

import static org.involve.core.application.Application.Status.HELD_TO_TALK_FIRST;
import static org.involve.core.application.Application.Status.NOT_SHORTLISTED;
import static org.involve.core.application.Application.Status.RECEIVED;
import static org.involve.core.application.Application.Status.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.kit.Read;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff queues' sparse indexes and each role's count of applications follow every step in and out, in the same
 * transaction as the application's own write: submission, staff entry, the talk-first decision both ways, support
 * marked done, withdrawal; and a refused, repeated or conflicting write changes neither.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoWaitingForStaffTest {
    private static final String SUPPORT_DONE = "applications.supportDone",
            TALK_FIRST = "applications.talkFirst";
    private final AwsEnvironment aws;
    private final DynamoApplications applications;

    DynamoWaitingForStaffTest(AwsEnvironment aws) {
        this.aws = aws;
        DynamoAuditTrail audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.applications =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        Samples.outbox(aws),
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
    }

    @AfterEach
    void clearFaults() {
        aws.dynamoFaults().clear();
    }

    private static Application application(
            String roleId, Application.Status status, String supportNeeds, Instant at) {
        Application s = Samples.application(roleId, Samples.unique("applicant"));
        Map<String, String> answers = new HashMap<>(s.answers());
        answers.put("supportNeeds", supportNeeds);
        return new Application(
                s.reference(),
                roleId,
                s.applicantKey(),
                status,
                answers,
                at,
                s.contactMethod(),
                s.acknowledgement(),
                s.enteredBy());
    }

    private Application submitted(String roleId, Application.Status status, String supportNeeds) {
        return applications
                .submit(application(roleId, status, supportNeeds, Samples.NOW), List.of(), null)
                .application();
    }

    private static AuditEntry entry(Application a, Application.Status to) {
        return new AuditEntry(
                "staff-1",
                "a step",
                "application:" + a.reference(),
                Samples.NOW,
                a.status().name(),
                to.name());
    }

    private List<String> held(String roleId) {
        return applications.heldToTalkFirst().stream()
                .filter(a -> a.roleId().equals(roleId))
                .map(Application::reference)
                .toList();
    }

    private List<String> support(String roleId) {
        return applications.supportNotDone().stream()
                .filter(a -> a.roleId().equals(roleId))
                .map(Application::reference)
                .toList();
    }

    /**
     * Several roles' counts read together are each role's own: a counted role, a role with none, and more roles than one
     * batch holds (so two calls), in the order asked; the same numbers as reading them one by one.
     */
    @Test
    void theCountsOfManyRolesAreReadTogetherAndAreEachRolesOwn() {
        String busy = Samples.unique("role"), quiet = Samples.unique("role");
        submitted(busy, RECEIVED, "");
        submitted(busy, RECEIVED, "");
        List<String> roles = new java.util.ArrayList<>(List.of(quiet, busy));
        for (int i = 0; i < DynamoApplicationCounts.BATCH; i++) roles.add(Samples.unique("none"));
        String late = Samples.unique("role");
        submitted(late, RECEIVED, "");
        roles.add(late);

        Map<String, Integer> counts = applications.ofEach(roles);

        assertEquals(roles, List.copyOf(counts.keySet()));
        assertEquals(2, counts.get(busy));
        assertEquals(0, counts.get(quiet));
        assertEquals(1, counts.get(late));
        for (String role : roles) assertEquals(applications.of(role), counts.get(role), role);
    }

    /** Keys DynamoDB leaves unprocessed are asked for again; none is lost or read as nought. */
    @Test
    void countsLeftUnprocessedByABatchReadAreAskedForAgain() {
        String a = Samples.unique("role"), b = Samples.unique("role");
        submitted(a, RECEIVED, "");
        submitted(b, RECEIVED, "");
        submitted(b, RECEIVED, "");
        aws.dynamoFaults().leaveBatchReadsUnprocessed(2);

        assertEquals(Map.of(a, 1, b, 2), applications.ofEach(List.of(a, b)));
        assertEquals(2, aws.dynamoFaults().injected());

        // Still unprocessed after every try: each role is read on its own instead.
        aws.dynamoFaults().leaveBatchReadsUnprocessed(100);
        assertEquals(Map.of(a, 1, b, 2), applications.ofEach(List.of(a, b)));
        assertEquals(
                org.involve.adapters.internal.Transactions.ATTEMPTS, aws.dynamoFaults().injected());
    }

    @Test
    void submissionPutsAnApplicationInItsQueuesAndCountsItOnce() {
        String roleId = Samples.unique("role");
        Application held = submitted(roleId, HELD_TO_TALK_FIRST, "");
        Application asks = submitted(roleId, RECEIVED, "A lift to the meeting room");
        Application neither = submitted(roleId, RECEIVED, " ");

        assertEquals(List.of(held.reference()), held(roleId));
        assertEquals(List.of(asks.reference()), support(roleId));
        assertEquals(3, applications.of(roleId));

        // The same applicant again (refused as a repeat), and the same transaction sent again:
        // counted once.
        Application again = application(roleId, RECEIVED, "", Samples.NOW);
        again =
                new Application(
                        again.reference(),
                        roleId,
                        neither.applicantKey(),
                        again.status(),
                        again.answers(),
                        again.submittedAt(),
                        again.contactMethod(),
                        again.acknowledgement(),
                        again.enteredBy());
        assertFalse(applications.submit(again, List.of(), null).created());
        applications.submit(neither, List.of(), null);
        assertEquals(3, applications.of(roleId));

        // The count is no application: a role's applications and one person's never include it.
        assertEquals(3, applications.forRole(roleId).size());
        assertTrue(
                applications.forRole(roleId).stream()
                        .allMatch(
                                a ->
                                        a.roleId().equals(roleId)
                                                && a.reference().startsWith("INV-")));
    }

    @Test
    void anEntryByStaffIsQueuedAndCountedAsASubmissionIs() {
        String roleId = Samples.unique("role");
        Application entered = application(roleId, HELD_TO_TALK_FIRST, "Large print", Samples.NOW);
        assertTrue(
                applications.enter(entered, List.of(), entry(entered, entered.status())).created());

        assertEquals(List.of(entered.reference()), held(roleId));
        assertEquals(List.of(entered.reference()), support(roleId));
        assertEquals(1, applications.of(roleId));
    }

    @Test
    void theTalkFirstDecisionTakesItOutEitherWayAndARefusedOneDoesNot() {
        String roleId = Samples.unique("role");
        Application goesAhead = submitted(roleId, HELD_TO_TALK_FIRST, "");
        Application doesNot = submitted(roleId, HELD_TO_TALK_FIRST, "");
        Application withdraws = submitted(roleId, HELD_TO_TALK_FIRST, "");

        assertTrue(
                applications.advance(
                        goesAhead,
                        RECEIVED,
                        Map.of(TALK_FIRST, "Goes ahead"),
                        entry(goesAhead, RECEIVED),
                        List.of()));
        assertTrue(
                applications.advance(
                        doesNot,
                        NOT_SHORTLISTED,
                        Map.of(TALK_FIRST, "Does not"),
                        entry(doesNot, NOT_SHORTLISTED),
                        List.of()));
        assertEquals(List.of(withdraws.reference()), held(roleId));

        // A second decision read before the first (the status it saw is gone): refused, and the
        // index as it was.
        assertFalse(
                applications.advance(
                        goesAhead,
                        NOT_SHORTLISTED,
                        Map.of(TALK_FIRST, "x"),
                        entry(goesAhead, NOT_SHORTLISTED),
                        List.of()));
        assertEquals(List.of(withdraws.reference()), held(roleId));

        // Withdrawn while held: out of the queue too; the application itself (and so the count)
        // stays.
        assertTrue(
                applications.advance(
                        withdraws, WITHDRAWN, Map.of(), entry(withdraws, WITHDRAWN), List.of()));
        assertEquals(List.of(), held(roleId));
        assertEquals(3, applications.of(roleId));
    }

    @Test
    void supportLeavesItsQueueWhenMarkedDoneAndOnlyThen() {
        String roleId = Samples.unique("role");
        Application asks = submitted(roleId, HELD_TO_TALK_FIRST, "A lift to the meeting room");

        // Another step (the talk-first decision) moves the application on: the request still waits.
        assertTrue(
                applications.advance(
                        asks,
                        RECEIVED,
                        Map.of(TALK_FIRST, "Goes ahead"),
                        entry(asks, RECEIVED),
                        List.of()));
        assertEquals(List.of(asks.reference()), support(roleId));
        Application now =
                applications.find(roleId, asks.applicantKey(), Read.CONSISTENT).orElseThrow();

        assertTrue(
                applications.advance(
                        now,
                        RECEIVED,
                        Map.of(SUPPORT_DONE, "Done by Sam"),
                        entry(now, RECEIVED),
                        List.of()));
        assertEquals(List.of(), support(roleId));
        assertEquals(List.of(), held(roleId));
    }

    @Test
    void aConflictingTransactionChangesTheCountOnlyWhenTheApplicationIsStored() {
        String roleId = Samples.unique("role");
        // Two conflicts, then the retry commits: one application, counted once.
        aws.dynamoFaults().failTransactions(2, "TransactionConflict");
        Application first = submitted(roleId, HELD_TO_TALK_FIRST, "Braille");
        assertEquals(2, aws.dynamoFaults().injected());
        assertEquals(1, applications.of(roleId));

        // Conflicts every time: nothing stored, nothing counted, in no queue.
        aws.dynamoFaults().failTransactions(10, "TransactionConflict");
        Application refused = application(roleId, HELD_TO_TALK_FIRST, "Braille", Samples.NOW);
        assertThrows(Busy.class, () -> applications.submit(refused, List.of(), null));
        aws.dynamoFaults().clear();
        assertTrue(applications.find(roleId, refused.applicantKey(), Read.CONSISTENT).isEmpty());
        assertEquals(1, applications.of(roleId));
        assertEquals(List.of(first.reference()), held(roleId));
        assertEquals(List.of(first.reference()), support(roleId));

        // A talk-first decision that conflicts every time leaves the application in the queue.
        aws.dynamoFaults().failTransactions(10, "TransactionConflict");
        assertThrows(
                Busy.class,
                () ->
                        applications.advance(
                                first,
                                RECEIVED,
                                Map.of(TALK_FIRST, "x"),
                                entry(first, RECEIVED),
                                List.of()));
        aws.dynamoFaults().clear();
        assertEquals(List.of(first.reference()), held(roleId));
    }

    @Test
    void eachQueueReadsOnlyWhatWaitsAndTheCountIsOneReadAtAnySize() {
        String roleId = Samples.unique("role");
        Instant early = Instant.parse("2001-01-01T00:00:00Z");
        Application oldest =
                applications
                        .submit(
                                application(roleId, HELD_TO_TALK_FIRST, "Braille", early),
                                List.of(),
                                null)
                        .application();
        for (int i = 0; i < 15; i++) submitted(roleId, RECEIVED, "");
        applications.of(roleId); // counted (kept from the first submission on)

        aws.dynamoCalls().clear();
        List<Application> held = applications.heldToTalkFirst();
        List<Application> asking = applications.supportNotDone();
        assertEquals(16, applications.of(roleId));
        assertEquals(oldest.reference(), held.get(0).reference(), "oldest first");
        assertEquals(oldest.reference(), asking.get(0).reference(), "oldest first");
        List<RecordedCalls.Call> calls = aws.dynamoCalls().calls();
        assertEquals(List.of("Query", "Query", "GetItem"), aws.dynamoCalls().operations());
        assertEquals(
                DynamoApplicationStore.HELD_TO_TALK_FIRST_BY_SUBMITTED_TIME, calls.get(0).index());
        assertEquals(
                DynamoApplicationStore.SUPPORT_WAITING_BY_SUBMITTED_TIME, calls.get(1).index());
        // What each query evaluates is what it returns: what waits (in every role of this table),
        // none of the 15.
        assertEquals(held.size(), calls.get(0).scannedCount());
        assertEquals(asking.size(), calls.get(1).scannedCount());
        assertTrue(
                held.stream().noneMatch(a -> a.roleId().equals(roleId) && a.status() == RECEIVED));
        assertTrue(
                asking.stream()
                        .noneMatch(a -> a.roleId().equals(roleId) && a.status() == RECEIVED));
    }
}
