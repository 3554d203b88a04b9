package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.n;
import static org.involve.adapters.internal.Items.s;
import static org.involve.adapters.internal.Items.string;
import static org.involve.adapters.internal.Items.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.references.ReferenceBook;
import org.involve.core.references.ReferenceRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The ReferencesTable: one item per reference request, keyed by its opaque id. An unanswered request waiting for a
 * reminder carries {@code reminderDue = "DUE"} and {@code remindAt}, which put it in the sparse UnansweredByReminderTime
 * index; answering it, or telling the team it is overdue, removes them, so the reminder job's query costs only what is due.
 * Every change is one transaction with the application's step ({@link DynamoApplications#advanceWrites}), the used
 * link ({@link DynamoUsedLinks#markUsedWith}), the audit entry and the e-mails that go with it.
 */
public final class DynamoReferenceBook implements ReferenceBook {
    static final String BY_REMINDER_TIME = "UnansweredByReminderTime";

    /**
     * The sparse index of requests by a one-way key of the referee's e-mail address ({@code refereeKey}): how a data
     * protection request finds a referee, never by reading the table.
     */
    static final String BY_REFEREE = "ByReferee", REFEREE_KEY = "refereeKey";

    private static final String ID = "requestId",
            STATE = "state",
            REMINDER_DUE = "reminderDue",
            DUE = "DUE",
            REMIND_AT = "remindAt",
            REMINDERS = "remindersSent",
            ANSWERS = "answers";
    private static final Map<String, String> STATE_NAME = Map.of("#state", STATE);
    private static final int LINK = 0, OWN = 1;

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoApplications round;
    private final DynamoUsedLinks usedLinks;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoReferenceBook(
            DynamoDbClient dynamo,
            String table,
            DynamoApplications round,
            DynamoUsedLinks usedLinks,
            DynamoOutbox outbox,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.round = round;
        this.usedLinks = usedLinks;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public boolean request(
            Application current,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages,
            List<ReferenceRequest> requests) {
        List<TransactWriteItem> writes =
                new ArrayList<>(
                        round.advanceWrites(
                                current,
                                Application.Status.REFERENCES_REQUESTED,
                                facts,
                                entry,
                                messages));
        for (ReferenceRequest r : requests) {
            writes.add(
                    TransactWriteItem.builder()
                            .put(
                                    p ->
                                            p.tableName(table)
                                                    .item(item(r))
                                                    .conditionExpression(
                                                            "attribute_not_exists(" + ID + ")"))
                            .build());
        }
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false; // the application moved on
            throw e;
        } catch (Busy e) {
            return false; // still being changed by someone else after trying again: nothing written
        }
    }

    @Override
    public Optional<ReferenceRequest> find(String requestId) {
        var item =
                dynamo.getItem(r -> r.tableName(table).key(key(ID, requestId)).consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(request(item));
    }

    @Override
    public Answered answer(
            ReferenceRequest received,
            String tokenId,
            Instant now,
            AuditEntry entry,
            List<ReferenceRequest> others,
            Completion completion) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (tokenId != null) writes.add(usedLinks.markUsedWith(tokenId, now)); // none by telephone
        Map<String, AttributeValue> answers = new HashMap<>();
        received.answers().forEach((k, v) -> answers.put(k, s(v)));
        writes.add(
                TransactWriteItem.builder()
                        .update(
                                u ->
                                        u.tableName(table)
                                                .key(key(ID, received.id()))
                                                .updateExpression(
                                                        "SET #state = :received, receivedAt = :at, "
                                                                + ANSWERS
                                                                + " = :answers REMOVE "
                                                                + REMINDER_DUE
                                                                + ", "
                                                                + REMIND_AT)
                                                .conditionExpression("#state = :requested")
                                                .expressionAttributeNames(STATE_NAME)
                                                .expressionAttributeValues(
                                                        Map.of(
                                                                ":received",
                                                                s(
                                                                        ReferenceRequest.State
                                                                                .RECEIVED
                                                                                .name()),
                                                                ":at",
                                                                time(now),
                                                                ":answers",
                                                                AttributeValue.fromM(answers),
                                                                ":requested",
                                                                s(
                                                                        ReferenceRequest.State
                                                                                .REQUESTED
                                                                                .name()))))
                        .build());
        writes.add(audit.putNew(entry));
        for (ReferenceRequest o : others) {
            // The other requests are checked as read: if one is answered meanwhile, this
            // transaction fails and is read again.
            writes.add(
                    TransactWriteItem.builder()
                            .conditionCheck(
                                    c ->
                                            c.tableName(table)
                                                    .key(key(ID, o.id()))
                                                    .conditionExpression("#state = :seen")
                                                    .expressionAttributeNames(STATE_NAME)
                                                    .expressionAttributeValues(
                                                            Map.of(":seen", s(o.state().name()))))
                            .build());
        }
        if (completion != null) {
            writes.addAll(
                    round.advanceWrites(
                            completion.current(),
                            Application.Status.REFERENCES_RECEIVED,
                            completion.facts(),
                            completion.audit(),
                            List.of(completion.teamMessage())));
        }
        // Names this one call: an SDK retry of a transaction that did commit reports success rather
        // than a used link, while
        // another call with the same link (a double click, a copy of the link) is a new transaction
        // and is refused.
        String token = org.involve.core.kit.References.opaqueId();
        try {
            outbox.commit(writes, token);
            return Answered.STORED;
        } catch (TransactionCanceledException e) {
            // Without a link (taken by telephone) the request's own update is the first item.
            if (tokenId != null && Items.conditionFailed(e, LINK))
                return Answered.LINK_ALREADY_USED;
            if (Items.conditionFailed(e, tokenId == null ? OWN - 1 : OWN))
                return Answered.ALREADY_ANSWERED;
            if (Items.anyConditionFailed(e)) return Answered.OTHERS_CHANGED;
            throw e;
        } catch (Busy e) {
            return Answered
                    .OTHERS_CHANGED; // still being changed after trying again: nothing written
        }
    }

    @Override
    public List<ReferenceRequest> remindersDueBy(Instant now) {
        QueryRequest query =
                QueryRequest.builder()
                        .tableName(table)
                        .indexName(BY_REMINDER_TIME)
                        .keyConditionExpression(
                                REMINDER_DUE + " = :due AND " + REMIND_AT + " <= :now")
                        .expressionAttributeValues(Map.of(":due", s(DUE), ":now", time(now)))
                        .scanIndexForward(true)
                        .build();
        return dynamo.queryPaginator(query).items().stream()
                .map(DynamoReferenceBook::request)
                .toList();
    }

    @Override
    public boolean remind(
            ReferenceRequest asRead,
            ReferenceRequest next,
            List<OutboxMessage> messages,
            AuditEntry entry) {
        Map<String, AttributeValue> values =
                new HashMap<>(
                        Map.of(
                                ":requested",
                                s(ReferenceRequest.State.REQUESTED.name()),
                                ":reminders",
                                n(asRead.remindersSent())));
        String condition = "#state = :requested AND " + REMINDERS + " = :reminders AND ";
        if (asRead.nextReminderAt() == null) {
            condition += "attribute_not_exists(" + REMIND_AT + ")";
        } else {
            condition += REMIND_AT + " = :remindAt";
            values.put(":remindAt", time(asRead.nextReminderAt()));
        }
        String when = condition;
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(item(next))
                                                .conditionExpression(when)
                                                .expressionAttributeNames(STATE_NAME)
                                                .expressionAttributeValues(values))
                        .build());
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        if (entry != null) writes.add(audit.putNew(entry));
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false; // answered, or reminded by another run
            throw e;
        } catch (Busy e) {
            return false; // being changed now, even after trying again: the next run looks again
        }
    }

    static Map<String, AttributeValue> item(ReferenceRequest r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, s(r.id()));
        item.put("roleId", s(r.roleId()));
        item.put("applicantKey", s(r.applicantKey()));
        item.put("applicationReference", s(r.applicationReference()));
        item.put("number", n(r.number()));
        item.put(STATE, s(r.state().name()));
        item.put("requestedAt", time(r.requestedAt()));
        item.put(REMINDERS, n(r.remindersSent()));
        if (r.lastRemindedAt() != null) item.put("lastRemindedAt", time(r.lastRemindedAt()));
        if (r.nextReminderAt() != null && !r.received()) {
            item.put(REMINDER_DUE, s(DUE));
            item.put(REMIND_AT, time(r.nextReminderAt()));
        }
        if (r.overdueSince() != null) item.put("overdueSince", time(r.overdueSince()));
        if (r.receivedAt() != null) item.put("receivedAt", time(r.receivedAt()));
        if (!r.answers().isEmpty()) {
            Map<String, AttributeValue> answers = new HashMap<>();
            r.answers().forEach((k, v) -> answers.put(k, s(v)));
            item.put(ANSWERS, AttributeValue.fromM(answers));
        }
        if (r.refereeKey() != null) item.put(REFEREE_KEY, s(r.refereeKey()));
        return item;
    }

    static ReferenceRequest request(Map<String, AttributeValue> item) {
        Map<String, String> answers = new HashMap<>();
        AttributeValue a = item.get(ANSWERS);
        if (a != null && a.hasM()) a.m().forEach((k, v) -> answers.put(k, v.s()));
        return new ReferenceRequest(
                string(item, ID),
                string(item, "roleId"),
                string(item, "applicantKey"),
                string(item, "applicationReference"),
                Items.number(item, "number"),
                ReferenceRequest.State.valueOf(string(item, STATE)),
                time(item, "requestedAt"),
                Items.number(item, REMINDERS),
                time(item, "lastRemindedAt"),
                time(item, REMIND_AT),
                time(item, "overdueSince"),
                time(item, "receivedAt"),
                answers,
                string(item, REFEREE_KEY));
    }
}
