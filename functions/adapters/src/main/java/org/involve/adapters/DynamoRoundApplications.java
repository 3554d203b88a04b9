package org.involve.adapters;

import static org.involve.adapters.DynamoApplicationStore.PROGRESS;
import static org.involve.adapters.DynamoApplicationStore.STATUS;
import static org.involve.adapters.internal.Items.s;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.involve.adapters.internal.Items;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.OutcomeFacts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The round's steps over the ApplicationsTable. A step sets {@code status} and one attribute of the {@code progress}
 * map per fact (so two steps recording different facts never overwrite each other), on condition that the status is
 * still the one the caller saw, in one transaction with the audit entry and the outbox messages. A step
 * after which the application has ended without a place ({@link OutcomeFacts#endedWithoutAPlace}: its status, or an
 * unsuccessful outcome told on a withdrawn role) also puts it in the
 * sparse RetentionByDay index ({@code retention}, {@code retentionFrom}: the UK day of this step), so the retention job
 * finds it when it is due; a later such step (telling the applicant) starts the clock again from its own day.
 */
final class DynamoRoundApplications {
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoOutbox outbox;
    private final Supplier<DynamoAuditTrail> audit;
    private final Clock clock;

    /** @param clock when a step that ends an application without a place starts its retention clock */
    DynamoRoundApplications(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    DynamoRoundApplications(
            DynamoDbClient dynamo, String table, DynamoOutbox outbox, DynamoAuditTrail audit) {
        this(dynamo, table, outbox, () -> audit, Clock.systemUTC());
    }

    public List<Application> forRole(String roleId) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .consistentRead(true)
                                        .keyConditionExpression("roleId = :role")
                                        .expressionAttributeValues(Map.of(":role", s(roleId))))
                .items()
                .stream()
                .map(DynamoApplicationStore::application)
                .sorted(
                        Comparator.comparing(Application::submittedAt)
                                .thenComparing(Application::reference))
                .toList();
    }

    /**
     * ", #progress.#f0 = :f0, ..." setting one attribute of the {@code progress} map (named {@code #progress}) per fact,
     * adding the names and values it uses.
     */
    static String factsSet(
            Map<String, String> facts,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        StringBuilder set = new StringBuilder();
        int i = 0;
        for (var fact : facts.entrySet()) {
            names.put("#f" + i, fact.getKey());
            values.put(":f" + i, s(fact.getValue()));
            set.append(", #progress.#f").append(i).append(" = :f").append(i);
            i++;
        }
        return set.toString();
    }

    public boolean advance(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        try {
            outbox.commit(advanceWrites(current, to, facts, entry, messages), null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.firstConditionFailed(e)) return false;
            throw e;
        }
    }

    /**
     * The writes of {@link #advance}, for an adapter whose step must land in one transaction with writes of its own (a
     * reference request, a used link). The application's conditional update comes first, then the audit entry and messages.
     */
    List<TransactWriteItem> advanceWrites(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(step(current, to, facts, null));
        writes.add(audit.get().putNew(entry));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        return writes;
    }

    /**
     * The application's part of a step, for the transactions of later steps that write more than {@link #advance} does
     * (a booking, an appointment's partner record): status and facts, on condition the status is still
     * {@code current.status()} and, when {@code unlessRecorded} is given, that fact has no value yet (so a step that must
     * happen once, happens once).
     */
    TransactWriteItem step(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            String unlessRecorded) {
        return step(current, to, facts, unlessRecorded, Map.of(), List.of());
    }

    /**
     * A step that also sets {@code alsoSet} and removes {@code alsoRemove}, top-level attributes of the item (the keys
     * of a sparse index the step puts the application in or takes it out of). A step after which the applicant has
     * heard their outcome ({@link OutcomeFacts#heard}: told it, withdrawn, did not attend) also removes
     * {@value DynamoApplicationStore#OUTCOME_AWAITED}, taking the application out of the awaiting-outcome index; so
     * every function whose steps can tell an applicant may update that attribute (template.yaml). A step that takes the
     * application out of a staff queue (out of HELD_TO_TALK_FIRST; its support request marked done) removes that
     * queue's mark, and one that puts it in sets it ({@link DynamoApplicationStore#queueMarks}): every function whose
     * steps can change an application's status may update {@value DynamoApplicationStore#TALK_FIRST_HELD}.
     */
    TransactWriteItem step(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            String unlessRecorded,
            Map<String, AttributeValue> alsoSet,
            List<String> alsoRemove) {
        Map<String, AttributeValue> setting = new HashMap<>(alsoSet);
        if (OutcomeFacts.endedWithoutAPlace(current.after(to, facts)))
            setting.putAll(DynamoRetention.applicationRetention(clock.instant()));
        List<String> remove = new ArrayList<>(alsoRemove);
        // The staff queues' marks follow the step: set when it puts the application in a queue,
        // removed when it takes it out; untouched otherwise (so a function whose steps never move
        // a queue's applications never writes its mark).
        Map<String, AttributeValue> before = DynamoApplicationStore.queueMarks(current),
                after = DynamoApplicationStore.queueMarks(current.after(to, facts));
        after.forEach(
                (mark, value) -> {
                    if (!before.containsKey(mark)) setting.put(mark, value);
                });
        before.keySet()
                .forEach(
                        mark -> {
                            if (!after.containsKey(mark)) remove.add(mark);
                        });
        alsoSet = setting;
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#progress", PROGRESS));
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":from", s(current.status().name()), ":to", s(to.name())));
        StringBuilder update =
                new StringBuilder("SET #status = :to").append(factsSet(facts, names, values));
        int n = 0;
        for (var a : alsoSet.entrySet()) {
            names.put("#a" + n, a.getKey());
            values.put(":a" + n, a.getValue());
            update.append(", #a").append(n).append(" = :a").append(n);
            n++;
        }
        if (OutcomeFacts.heard(current.after(to, facts)))
            remove.add(DynamoApplicationStore.OUTCOME_AWAITED);
        for (int i = 0; i < remove.size(); i++) {
            names.put("#r" + i, remove.get(i));
            update.append(i == 0 ? " REMOVE " : ", ").append("#r").append(i);
        }
        String set = update.toString();
        String condition = "#status = :from AND attribute_exists(#progress)";
        if (unlessRecorded != null) {
            names.put("#unless", unlessRecorded);
            condition += " AND attribute_not_exists(#progress.#unless)";
        }
        String finalCondition = condition;
        return TransactWriteItem.builder()
                .update(
                        u ->
                                u.tableName(table)
                                        .key(
                                                DynamoApplicationStore.key(
                                                        current.roleId(), current.applicantKey()))
                                        .updateExpression(set)
                                        .conditionExpression(finalCondition)
                                        .expressionAttributeNames(names)
                                        .expressionAttributeValues(values))
                .build();
    }
}
