package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.OfflineHttp;
import org.involve.adapters.internal.Transactions;
import org.involve.core.audit.AuditEntry;
import org.involve.core.dataprotection.DataProtection;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.Email;
import org.involve.core.kit.References;
import org.involve.core.outbox.MailQueue;
import org.involve.core.outbox.MailSender.Problem;
import org.involve.core.outbox.MailState;
import org.involve.core.outbox.Outbox;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outbox.TrackedMessage;
import org.involve.core.retention.RetentionRecords.EmailClock;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The OutboxTable. An unsent message carries {@code pending = "PENDING"}, which puts it in the sparse
 * PendingByDueTime index; sending or setting it aside removes it, so the sweep's query only ever meets what is
 * still to send (or an attempt that never finished). {@code status} is a {@link MailState}: a sender records its
 * attempt (SENDING, {@code attemptedAt}, a lease {@code leaseUntil}) with a conditional update before it sends.
 * A message set aside for staff (FAILED or NEEDS_CHECKING) carries {@code trouble = "TROUBLE"} and
 * {@code troubleAt}, which put it in the sparse Troubled index the operations page queries; it is never deleted, and
 * leaves that index when staff act on it (or take it off the list once its text has gone).
 * <p>
 * An acknowledgement e-mail carries its application's key ({@code acknowledges}); when it is sent, the application
 * leaves the unacknowledged index (see {@link DynamoApplicationStore}). One that cannot be delivered stays there,
 * so the acknowledgement-promise job tells staff about it.
 * <p>
 * A sent message carries {@code retention} = {@code SENT} and {@code retentionFrom} (the UK day it was sent), which
 * put it in the sparse RetentionByDay index: the retention job removes its text, HTML, subject and address after the
 * sent-e-mail period ({@link DynamoRetention}), keeping its id, purpose and when it was sent. A message set aside
 * unsent (FAILED or NEEDS_CHECKING) carries {@code retention} = {@code SET_ASIDE} from the UK day it was set aside, so
 * its text goes the same period later if nobody acts on it; staff sending it again take the clock off (sending or
 * failing again starts a new one), and marking it sent starts the sent clock. Once its text has gone it is read as
 * such ({@link TrackedMessage#textDeleted}) and can no longer be sent, resent or marked sent.
 * <p>
 * Every transaction an adapter writes goes through {@link #commit}: once it has committed, the messages it put here
 * are announced on the mail queue, so a step's mail goes at once without its handler having to remember to say so.
 */
public final class DynamoOutbox implements Outbox {
    static final String PENDING_BY_DUE_TIME = "PendingByDueTime", TROUBLED = "Troubled";
    private static final String PENDING = "PENDING", SENT = "SENT", TROUBLE = "TROUBLE";
    private static final String ACKNOWLEDGES = "acknowledges";
    private static final int LAST_ERROR_LENGTH = 200;
    private static final Pattern ADDRESS = Pattern.compile("[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+");

    /** "status" is a DynamoDB reserved word, so expressions name it through a placeholder. */
    private static final Map<String, String> STATUS = Map.of("#status", "status");

    static final String BY_RECIPIENT = "ByRecipient", TO_KEY = "toKey";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String applicationsTable;
    private final MailQueue mail;
    private final Consumer<String> warn;
    private final Supplier<DynamoAuditTrail> audit;

    /**
     * @param applicationsTable where sending an acknowledgement e-mail marks its application acknowledged (the mailer's
     *                          step), so the promise job stops chasing it
     * @param mail              announces each message once the transaction that wrote it has committed
     * @param warn              hears, without personal data, of an announcement that failed (the message waits for the
     *                          scheduled sweep) or an acknowledgement that could not be marked
     */
    public DynamoOutbox(
            DynamoDbClient dynamo,
            String table,
            String applicationsTable,
            MailQueue mail,
            Consumer<String> warn) {
        this(
                dynamo,
                table,
                applicationsTable,
                mail,
                warn,
                () -> {
                    throw new IllegalStateException(
                            "This outbox was built without the audit trail");
                });
    }

    /** @param audit where staff actions on messages (send again, mark as sent) are recorded, in their transaction */
    public DynamoOutbox(
            DynamoDbClient dynamo,
            String table,
            String applicationsTable,
            MailQueue mail,
            Consumer<String> warn,
            Supplier<DynamoAuditTrail> audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.applicationsTable = applicationsTable;
        this.mail = mail;
        this.warn = warn;
        this.audit = audit;
    }

    /**
     * Writes the transaction (with the client token, if given, so an SDK retry of a committed write reports success),
     * then announces the messages it put in this outbox. A conflict or throttling is tried again ({@link Transactions});
     * otherwise it throws as the SDK does if the transaction is cancelled, and then announces nothing.
     */
    void commit(List<TransactWriteItem> writes, String clientToken) {
        Transactions.write(dynamo, writes, clientToken);
        announce(
                writes.stream()
                        .filter(w -> w.put() != null && table.equals(w.put().tableName()))
                        .map(w -> w.put().item().get("messageId").s())
                        .toList());
    }

    /** Best effort: a message is safe in the outbox whatever happens here, and the scheduled sweep sends any not announced. */
    private void announce(List<String> messageIds) {
        for (String id : messageIds) {
            try {
                mail.announce(id);
            } catch (RuntimeException e) {
                warn.accept(
                        "Could not announce outbox message "
                                + id
                                + "; the sweep will send it: "
                                + e.getClass().getSimpleName());
            }
        }
    }

    /** A new message, written once whatever the retries: the write of the transaction that stores what it is about. */
    TransactWriteItem putNew(OutboxMessage m) {
        return putNew(item(m));
    }

    /** A new acknowledgement e-mail, carrying the key of the application it acknowledges. */
    TransactWriteItem putNew(OutboxMessage m, Map<String, AttributeValue> applicationKey) {
        Map<String, AttributeValue> item = item(m);
        item.put(ACKNOWLEDGES, AttributeValue.fromM(applicationKey));
        return putNew(item);
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(
                        p ->
                                p.tableName(table)
                                        .item(item)
                                        .conditionExpression("attribute_not_exists(messageId)"))
                .build();
    }

    /** A message written on its own (a job's alert): a conditional put, so its id is written once. */
    @Override
    public boolean addOnce(OutboxMessage m) {
        try {
            dynamo.putItem(
                    r ->
                            r.tableName(table)
                                    .item(item(m))
                                    .conditionExpression("attribute_not_exists(messageId)"));
            announce(List.of(m.id()));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public Optional<OutboxMessage> find(String messageId) {
        // Consistent: the mailer is told about a message the moment after it was written.
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("messageId", messageId))
                                                .consistentRead(true))
                        .item();
        return kept(item) ? Optional.of(message(item)) : Optional.empty();
    }

    /**
     * The message is there and still has its text: the retention job removes a sent message's text, address and
     * subject after the sent-e-mail period ({@code bodyRemovedAt}), and such a message has nothing left to send or show.
     */
    private static boolean kept(Map<String, AttributeValue> item) {
        return item != null
                && !item.isEmpty()
                && !item.containsKey(DynamoRetention.BODY_REMOVED_AT);
    }

    /** Also a message whose text the retention job removed, read as such ({@link TrackedMessage#textDeleted}). */
    @Override
    public Optional<TrackedMessage> tracked(String messageId) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("messageId", messageId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(tracked(item));
    }

    @Override
    public List<OutboxMessage> due(Instant now, int limit) {
        if (limit < 1) return List.of(); // DynamoDB refuses a query limit of 0
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(PENDING_BY_DUE_TIME)
                        .keyConditionExpression("pending = :pending AND dueAt <= :now")
                        .expressionAttributeValues(
                                Map.of(":pending", s(PENDING), ":now", time(now)))
                        .scanIndexForward(true)
                        .limit(limit)
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .limit(limit)
                .map(DynamoOutbox::message)
                .toList();
    }

    /**
     * SnapStart priming: what delivering a message writes (its claim, then marking it sent), through a copy of this
     * outbox over a client whose HTTP client answers every call itself ({@link OfflineHttp}): each update is built,
     * marshalled and signed and its answer read as for real, and none reaches the table.
     *
     * @return whether both updates were answered offline (they always are: they never reach DynamoDB)
     */
    public boolean rehearseDelivery(String messageId, Instant now) {
        OfflineHttp offline = new OfflineHttp(200, "{}");
        try (DynamoDbClient client = AwsClients.offlineDynamoDb(offline)) {
            DynamoOutbox copy =
                    new DynamoOutbox(client, table, applicationsTable, mail, warn, audit);
            copy.claim(messageId, now, now.plusSeconds(120));
            copy.markSent(messageId, now, "priming");
        }
        return offline.calls() == 2;
    }

    @Override
    public boolean claim(String messageId, Instant now, Instant leaseUntil) {
        try {
            dynamo.updateItem(
                    r ->
                            r.tableName(table)
                                    .key(key("messageId", messageId))
                                    .updateExpression(
                                            "SET leaseUntil = :lease, #status = :sending, attemptedAt = :now")
                                    .conditionExpression(
                                            "#status = :pending AND dueAt <= :now AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                                    .expressionAttributeNames(STATUS)
                                    .expressionAttributeValues(
                                            Map.of(
                                                    ":lease",
                                                    time(leaseUntil),
                                                    ":pending",
                                                    s(PENDING),
                                                    ":sending",
                                                    s(MailState.SENDING.name()),
                                                    ":now",
                                                    time(now))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markSent(String messageId, Instant sentAt, String providerId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sent", s(SENT));
        values.put(":at", time(sentAt));
        values.putAll(DynamoRetention.emailRetention(EmailClock.SENT, sentAt));
        String set = "SET #status = :sent, sentAt = :at" + DynamoRetention.EMAIL_CLOCK_SET;
        if (providerId != null) {
            set += ", providerId = :provider";
            values.put(":provider", s(providerId));
        }
        var request =
                UpdateItemRequest.builder()
                        .tableName(table)
                        .key(key("messageId", messageId))
                        .updateExpression(set + " REMOVE pending, leaseUntil, trouble, troubleAt")
                        .conditionExpression("attribute_exists(messageId)")
                        .expressionAttributeNames(STATUS)
                        .expressionAttributeValues(values);
        Map<String, AttributeValue> sent =
                dynamo.updateItem(request.returnValues(ReturnValue.ALL_NEW).build()).attributes();
        acknowledgedIfAcknowledgement(messageId, sent, sentAt);
        forgetIfErasureDone(messageId, sent);
    }

    /** The ByRecipient index's key for an address. */
    static String recipientKey(String address) {
        return References.sha256("email:" + AnswerRules.normaliseEmail(address));
    }

    /**
     * The e-mail telling a person their data has been erased keeps nothing of them once it has gone: its address,
     * subject and body are removed, leaving that a message of that purpose was sent, and when.
     */
    private void forgetIfErasureDone(String messageId, Map<String, AttributeValue> sent) {
        if (sent == null || !DataProtection.ERASURE_DONE.equals(string(sent, "purpose"))) return;
        dynamo.updateItem(
                r ->
                        r.tableName(table)
                                .key(key("messageId", messageId))
                                .updateExpression("REMOVE #to, subject, html, #text, " + TO_KEY)
                                .conditionExpression("attribute_exists(messageId)")
                                .expressionAttributeNames(Map.of("#to", "to", "#text", "text")));
    }

    private void acknowledgedIfAcknowledgement(
            String messageId, Map<String, AttributeValue> sent, Instant sentAt) {
        AttributeValue acknowledges = sent == null ? null : sent.get(ACKNOWLEDGES);
        if (acknowledges != null && acknowledges.hasM())
            acknowledged(messageId, acknowledges.m(), sentAt);
    }

    /**
     * After the message is marked sent, never before: if this step fails, the worst is that staff are told of an
     * acknowledgement that did in fact go (a false alarm they can check), never that the applicant gets it twice.
     */
    private void acknowledged(
            String messageId, Map<String, AttributeValue> applicationKey, Instant sentAt) {
        try {
            dynamo.updateItem(
                    DynamoApplicationStore.acknowledged(applicationsTable, applicationKey, sentAt));
        } catch (ConditionalCheckFailedException alreadyAcknowledgedOrErased) {
            // Nothing left to mark.
        } catch (SdkException e) {
            warn.accept(
                    "Acknowledgement "
                            + messageId
                            + " was sent but its application could not be marked acknowledged: "
                            + e.getClass().getSimpleName());
        }
    }

    @Override
    public void retryLater(
            String messageId,
            int attempts,
            Instant retryAt,
            Instant firstFailedAt,
            Problem problem,
            String reason) {
        update(
                messageId,
                "SET attempts = :attempts, dueAt = :due, lastError = :error, problem = :problem,"
                        + " firstFailedAt = :first, #status = :pending REMOVE leaseUntil",
                Map.of(
                        ":attempts",
                        n(attempts),
                        ":due",
                        time(retryAt),
                        ":error",
                        s(lastError(reason)),
                        ":problem",
                        s(problem.name()),
                        ":first",
                        time(firstFailedAt),
                        ":pending",
                        s(PENDING)));
    }

    @Override
    public void fail(String messageId, Problem problem, String reason, Instant at) {
        setAside(messageId, MailState.FAILED, problem, reason, at, true);
    }

    /**
     * As {@link #fail} with a generic refusal: a test's way to take a message out of the sweep's way. Listed as failed
     * at the epoch (last on the problems list), and with no retention clock: it stands for nothing that happened, so it
     * is never due in a test's run of the retention job.
     */
    public void giveUp(String messageId, String reason) {
        setAside(
                messageId,
                MailState.FAILED,
                Problem.MESSAGE_REJECTED,
                reason,
                Instant.EPOCH,
                false);
    }

    /** Only from SENDING: if another sender already moved it on, that sender's word stands. */
    @Override
    public void needsChecking(String messageId, Problem problem, String reason, Instant at) {
        try {
            setAside(messageId, MailState.NEEDS_CHECKING, problem, reason, at, true);
        } catch (ConditionalCheckFailedException movedOn) {
            // Sent, retried or set aside by the sender that held it.
        }
    }

    /** Listed for staff, and (with {@code clock}) its text's clock started on the UK day {@code at} (SET_ASIDE). */
    private void setAside(
            String messageId,
            MailState state,
            Problem problem,
            String reason,
            Instant at,
            boolean clock) {
        var request =
                UpdateItemRequest.builder()
                        .tableName(table)
                        .key(key("messageId", messageId))
                        .updateExpression(
                                "SET #status = :state, problem = :problem, lastError = :error,"
                                        + " trouble = :trouble, troubleAt = :at"
                                        + (clock ? DynamoRetention.EMAIL_CLOCK_SET : "")
                                        + " REMOVE pending, leaseUntil")
                        .conditionExpression(
                                state == MailState.NEEDS_CHECKING
                                        ? "#status = :sending"
                                        : "attribute_exists(messageId)")
                        .expressionAttributeNames(STATUS);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":state", s(state.name()));
        values.put(":problem", s(problem.name()));
        values.put(":error", s(lastError(reason)));
        values.put(":trouble", s(TROUBLE));
        values.put(":at", time(at));
        if (clock) values.putAll(DynamoRetention.emailRetention(EmailClock.SET_ASIDE, at));
        if (state == MailState.NEEDS_CHECKING) values.put(":sending", s(MailState.SENDING.name()));
        dynamo.updateItem(request.expressionAttributeValues(values).build());
    }

    @Override
    public List<TrackedMessage> troubled(int limit) {
        if (limit < 1) return List.of();
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(TROUBLED)
                        .keyConditionExpression("trouble = :trouble")
                        .expressionAttributeValues(Map.of(":trouble", s(TROUBLE)))
                        .scanIndexForward(false)
                        .limit(limit)
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .limit(limit)
                .map(DynamoOutbox::tracked)
                .toList();
    }

    @Override
    public boolean sendAgain(String messageId, Instant now, AuditEntry entry) {
        Update again =
                Update.builder()
                        .tableName(table)
                        .key(key("messageId", messageId))
                        .updateExpression(
                                "SET #status = :pending, pending = :pending, dueAt = :now, attempts = :zero"
                                        + " REMOVE trouble, troubleAt, firstFailedAt, problem, leaseUntil, "
                                        + DynamoRetention.EMAIL_CLOCK_REMOVE)
                        .conditionExpression(
                                "#status IN (:failed, :checking) AND attribute_not_exists("
                                        + DynamoRetention.BODY_REMOVED_AT
                                        + ")")
                        .expressionAttributeNames(STATUS)
                        .expressionAttributeValues(
                                Map.of(
                                        ":pending", s(PENDING),
                                        ":now", time(now),
                                        ":zero", n(0),
                                        ":failed", s(MailState.FAILED.name()),
                                        ":checking", s(MailState.NEEDS_CHECKING.name())))
                        .build();
        if (!staffAction(again, entry)) return false;
        announce(List.of(messageId));
        return true;
    }

    @Override
    public boolean confirmSent(String messageId, Instant now, AuditEntry entry) {
        Update sent =
                Update.builder()
                        .tableName(table)
                        .key(key("messageId", messageId))
                        .updateExpression(
                                "SET #status = :sent, sentAt = :now, sentBy = :staff"
                                        + DynamoRetention.EMAIL_CLOCK_SET
                                        + " REMOVE trouble, troubleAt, pending, leaseUntil")
                        .conditionExpression(
                                "(#status = :checking OR (#status = :failed AND problem = :unreachable))"
                                        + " AND attribute_not_exists("
                                        + DynamoRetention.BODY_REMOVED_AT
                                        + ")")
                        .expressionAttributeNames(STATUS)
                        .expressionAttributeValues(
                                withRetention(
                                        Map.of(
                                                ":sent", s(SENT),
                                                ":now", time(now),
                                                ":staff", s("staff"),
                                                ":checking", s(MailState.NEEDS_CHECKING.name()),
                                                ":failed", s(MailState.FAILED.name()),
                                                ":unreachable",
                                                        s(Problem.ADDRESS_UNDELIVERABLE.name())),
                                        now))
                        .build();
        if (!staffAction(sent, entry)) return false;
        acknowledgedIfAcknowledgement(
                messageId,
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("messageId", messageId))
                                                .consistentRead(true))
                        .item(),
                now);
        return true;
    }

    /**
     * Off the Troubled index, only once the retention job has removed its text (there is nothing left to send or
     * read), with the audit entry: it stays FAILED or NEEDS_CHECKING, with its id, purpose and when it was set aside.
     */
    @Override
    public boolean removeFromList(String messageId, AuditEntry entry) {
        Update off =
                Update.builder()
                        .tableName(table)
                        .key(key("messageId", messageId))
                        .updateExpression("REMOVE trouble, troubleAt")
                        .conditionExpression(
                                "attribute_exists(trouble) AND attribute_exists("
                                        + DynamoRetention.BODY_REMOVED_AT
                                        + ")")
                        .build();
        return staffAction(off, entry);
    }

    private static Map<String, AttributeValue> withRetention(
            Map<String, AttributeValue> values, Instant sentAt) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.putAll(DynamoRetention.emailRetention(EmailClock.SENT, sentAt));
        return all;
    }

    /** The change and its audit entry in one transaction; false if the message was not in the state it needs. */
    private boolean staffAction(Update change, AuditEntry entry) {
        try {
            Transactions.write(
                    dynamo,
                    List.of(
                            TransactWriteItem.builder().update(change).build(),
                            audit.get().putNew(entry)),
                    null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false;
            throw e;
        }
    }

    /** Updates an existing message; the condition stops a stray id from creating a half-made item. */
    private void update(String messageId, String expression, Map<String, AttributeValue> values) {
        var request =
                UpdateItemRequest.builder()
                        .tableName(table)
                        .key(key("messageId", messageId))
                        .updateExpression(expression)
                        .conditionExpression("attribute_exists(messageId)")
                        .expressionAttributeValues(values);
        if (expression.contains("#status")) request.expressionAttributeNames(STATUS);
        dynamo.updateItem(request.build());
    }

    /** Short, and with anything that looks like an address masked, as the reason is kept and may be logged. */
    static String lastError(String reason) {
        String r =
                reason == null || reason.isBlank()
                        ? "unknown"
                        : ADDRESS.matcher(reason).replaceAll("[address]").strip();
        return r.length() <= LAST_ERROR_LENGTH ? r : r.substring(0, LAST_ERROR_LENGTH);
    }

    private static Map<String, AttributeValue> item(OutboxMessage m) {
        Email e = m.email();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("messageId", s(m.id()));
        item.put("pending", s(PENDING));
        item.put("status", s(PENDING));
        item.put("dueAt", time(m.dueAt()));
        item.put("createdAt", time(m.createdAt()));
        item.put("attempts", n(m.attempts()));
        item.put("purpose", s(m.purpose()));
        item.put("to", s(e.to()));
        // The sparse ByRecipient index's key, a hash of the address as the applicant key makes it:
        // how a person's
        // e-mails are found for subject access and erasure without reading the table.
        item.put(TO_KEY, s(recipientKey(e.to())));
        item.put("subject", s(e.subject()));
        item.put("html", s(e.html()));
        item.put("text", s(e.text()));
        return item;
    }

    private static TrackedMessage tracked(Map<String, AttributeValue> item) {
        String status = string(item, "status");
        String problem = string(item, "problem");
        return new TrackedMessage(
                message(item),
                "GAVE_UP".equals(status) ? MailState.FAILED : MailState.valueOf(status),
                time(item, "attemptedAt"),
                time(item, "firstFailedAt"),
                problem == null ? null : Problem.valueOf(problem),
                time(item, "troubleAt"),
                string(item, "providerId"),
                time(item, DynamoRetention.BODY_REMOVED_AT));
    }

    /** The message; its e-mail null once the retention job has removed its text and address. */
    private static OutboxMessage message(Map<String, AttributeValue> item) {
        Email email =
                item.containsKey(DynamoRetention.BODY_REMOVED_AT)
                        ? null
                        : new Email(
                                string(item, "to"),
                                string(item, "subject"),
                                string(item, "html"),
                                string(item, "text"));
        return new OutboxMessage(
                string(item, "messageId"),
                email,
                time(item, "createdAt"),
                time(item, "dueAt"),
                Items.number(item, "attempts"),
                string(item, "purpose"));
    }
}
