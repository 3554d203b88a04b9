package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.application.AcknowledgementLetters;
import org.involve.core.application.Application;
import org.involve.core.application.ApplicationStore;
import org.involve.core.application.SupportRequests;
import org.involve.core.application.TalkFirstQueue;
import org.involve.core.draft.ApplicationDraft;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.OutcomeFacts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Submitted applications in the ApplicationsTable, one item per applicant per role (roleId, applicantKey),
 * the application as JSON in {@code data}. Submission is one transaction with its outbox messages and the
 * draft's mark, so an application is never stored without its acknowledgement, nor twice.
 * <p>
 * Until it is acknowledged, an application carries {@code ackOutstanding}, which puts it in the sparse
 * {@value #UNACKNOWLEDGED_BY_SUBMITTED_TIME} index that the acknowledgement-promise job queries. Every application
 * starts there: one acknowledged by e-mail leaves when that e-mail is sent (the outbox clears the mark, see
 * {@link DynamoOutbox#markSent}), so an e-mail that never goes out is still chased; one to be acknowledged by
 * telephone or post leaves when staff record that they have done it.
 * <p>
 * Until its applicant has heard their outcome, an application also carries {@value #OUTCOME_AWAITED}, which puts it
 * in the sparse {@value #AWAITING_OUTCOME_BY_ROLE} index (its role id and that attribute) that the outcome reminder
 * and the staff outcomes page query for each role owing outcomes: the round step that tells them removes it (see
 * {@link DynamoRoundApplications#step}). The older AwaitingOutcomeBySubmittedTime index (the same attribute, by
 * submission time) is no longer read; the template keeps it until a later release deletes it.
 * <p>
 * An application held to talk first carries {@value #TALK_FIRST_HELD}, and one asking for support or another format
 * not yet marked done carries {@value #SUPPORT_WAITING}: the sparse indexes the staff queues read
 * ({@link DynamoWaitingForStaff}), set here and removed by the round step that takes it out of the queue. The
 * transaction that stores an application also adds one to its role's count ({@link DynamoApplicationCounts}).
 */
final class DynamoApplicationStore implements ApplicationStore {
    static final String BY_REFERENCE = "ByReference";
    static final String UNACKNOWLEDGED_BY_SUBMITTED_TIME = "UnacknowledgedBySubmittedTime";
    static final String ACK_OUTSTANDING = "ackOutstanding", OUTSTANDING = "OUTSTANDING";
    static final String AWAITING_OUTCOME_BY_ROLE = "AwaitingOutcomeByRole";
    static final String OUTCOME_AWAITED = "outcomeAwaited", AWAITED = "AWAITED";
    static final String HELD_TO_TALK_FIRST_BY_SUBMITTED_TIME = "HeldToTalkFirstBySubmittedTime";
    static final String TALK_FIRST_HELD = "talkFirstHeld", HELD = "HELD";
    static final String SUPPORT_WAITING_BY_SUBMITTED_TIME = "SupportWaitingBySubmittedTime";
    static final String SUPPORT_WAITING = "supportWaiting", WAITING = "WAITING";

    /** Acknowledging (at {@code :at}) takes the application out of the unacknowledged index, once: only while it is there. */
    static final String ACKNOWLEDGE = "REMOVE " + ACK_OUTSTANDING + " SET acknowledgedAt = :at",
            STILL_UNACKNOWLEDGED = "attribute_exists(" + ACK_OUTSTANDING + ")";

    /** The round's steps change these attributes, never {@code data}: see {@link DynamoRoundApplications}. */
    static final String STATUS = "status", PROGRESS = "progress";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final DynamoDraftStore drafts;
    private final Supplier<DynamoMonitoringCodes> codes;

    DynamoApplicationStore(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoDraftStore drafts) {
        this(dynamo, table, outbox, drafts, null);
    }

    /**
     * @param codes the monitoring short codes' table, each new application's code issued in its transaction; asked
     *     for only when an application is stored (null: no codes are issued)
     */
    DynamoApplicationStore(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            DynamoDraftStore drafts,
            Supplier<DynamoMonitoringCodes> codes) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.drafts = drafts;
        this.codes = codes;
    }

    @Override
    public Stored submit(Application application, List<OutboxMessage> messages, String draftId) {
        List<TransactWriteItem> writes = newApplication(application, messages);
        if (draftId != null) writes.add(drafts.markSubmitted(draftId, application.reference()));
        return storeOnce(application, writes);
    }

    @Override
    public void submittedAgain(ApplicationDraft draft, List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(drafts.put(draft));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        try {
            outbox.commit(writes, null);
        } catch (TransactionCanceledException e) {
            // The same draft sent twice at once: the other send stored the messages; save the draft
            // alone.
            if (!Items.anyConditionFailed(e)) throw e;
            drafts.save(draft);
        }
    }

    /**
     * The writes that store a new application with its messages, the application first (so the first cancellation
     * reason says "already applied"); callers add what must land with it.
     */
    List<TransactWriteItem> newApplication(Application application, List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putNew(application));
        writes.add(DynamoApplicationCounts.added(table, application.roleId()));
        for (OutboxMessage m : messages) {
            // The acknowledgement e-mail knows its application, so that sending it can mark the
            // application acknowledged.
            writes.add(
                    AcknowledgementLetters.ACKNOWLEDGEMENT.equals(m.purpose())
                            ? outbox.putNew(
                                    m, key(application.roleId(), application.applicantKey()))
                            : outbox.putNew(m));
        }
        if (codes != null) writes.add(codes.get().issue(application));
        return writes;
    }

    /** Runs {@code writes} (from {@link #newApplication}) as one transaction; if the applicant already applied, returns that application. */
    Stored storeOnce(Application application, List<TransactWriteItem> writes) {
        try {
            // The token makes an SDK retry of a transaction that did commit succeed, rather than
            // look like a second application.
            outbox.commit(writes, application.reference());
            return new Stored(application, true);
        } catch (TransactionCanceledException e) {
            if (!Items.firstConditionFailed(e)) throw e;
            Application existing =
                    read(application.roleId(), application.applicantKey(), true)
                            .orElseThrow(
                                    () ->
                                            new IllegalStateException(
                                                    "An application was refused as a repeat, but the first one cannot be read"));
            return new Stored(existing, false);
        }
    }

    @Override
    public Optional<Application> find(String roleId, String applicantKey, Read read) {
        return read(roleId, applicantKey, read == Read.CONSISTENT);
    }

    /** The index is eventually consistent: a consistent read then reads the item itself. */
    @Override
    public Optional<Application> findByReference(String reference, Read read) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(BY_REFERENCE)
                                        .keyConditionExpression("#ref = :ref")
                                        .expressionAttributeNames(Map.of("#ref", "reference"))
                                        .expressionAttributeValues(Map.of(":ref", s(reference))))
                .items()
                .stream()
                .findFirst()
                .flatMap(
                        item ->
                                read == Read.CONSISTENT
                                        ? find(
                                                item.get("roleId").s(),
                                                item.get("applicantKey").s(),
                                                Read.CONSISTENT)
                                        : Optional.of(application(item)));
    }

    private Optional<Application> read(String roleId, String applicantKey, boolean consistent) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key(roleId, applicantKey))
                                                .consistentRead(consistent))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(application(item));
    }

    private TransactWriteItem putNew(Application a) {
        Map<String, AttributeValue> item = new HashMap<>(key(a.roleId(), a.applicantKey()));
        item.put("reference", s(a.reference()));
        item.put(STATUS, s(a.status().name()));
        item.put("submittedAt", time(a.submittedAt()));
        item.put(ACK_OUTSTANDING, s(OUTSTANDING));
        if (!OutcomeFacts.heard(a)) item.put(OUTCOME_AWAITED, s(AWAITED));
        item.putAll(queueMarks(a));
        // Facts known at submission (how staff received it) start the progress the round's steps
        // add to.
        Map<String, AttributeValue> progress = new HashMap<>();
        a.progress().forEach((fact, value) -> progress.put(fact, s(value)));
        item.put(PROGRESS, AttributeValue.fromM(progress));
        item.put("data", s(Json.write(a)));
        return TransactWriteItem.builder()
                .put(
                        p ->
                                p.tableName(table)
                                        .item(item)
                                        .conditionExpression("attribute_not_exists(roleId)"))
                .build();
    }

    /**
     * Marks an application acknowledged at {@code at}: it leaves the unacknowledged index. Conditional on the mark
     * being there, so it never creates an item for an application that has been erased.
     */
    static UpdateItemRequest acknowledged(
            String table, Map<String, AttributeValue> key, Instant at) {
        return UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression(ACKNOWLEDGE)
                .conditionExpression(STILL_UNACKNOWLEDGED)
                .expressionAttributeValues(Map.of(":at", time(at)))
                .build();
    }

    /** The marks of the staff queues the application is in (a sparse index's key each), by the rules in core. */
    static Map<String, AttributeValue> queueMarks(Application a) {
        Map<String, AttributeValue> marks = new HashMap<>();
        if (TalkFirstQueue.isHeld(a)) marks.put(TALK_FIRST_HELD, s(HELD));
        if (SupportRequests.isWaiting(a)) marks.put(SUPPORT_WAITING, s(WAITING));
        return marks;
    }

    static Map<String, AttributeValue> key(String roleId, String applicantKey) {
        return Map.of("roleId", s(roleId), "applicantKey", s(applicantKey));
    }

    /** The application as submitted ({@code data}), at the status and with the progress its round's steps have stored. */
    static Application application(Map<String, AttributeValue> item) {
        Application submitted = Json.read(item.get("data").s(), Application.class);
        Map<String, String> progress = new HashMap<>();
        AttributeValue stored = item.get(PROGRESS);
        if (stored != null && stored.hasM())
            stored.m().forEach((fact, value) -> progress.put(fact, value.s()));
        return submitted.after(Application.Status.valueOf(item.get(STATUS).s()), progress);
    }
}
