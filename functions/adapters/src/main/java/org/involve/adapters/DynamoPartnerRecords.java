package org.involve.adapters;

import static org.involve.adapters.internal.Items.key;
import static org.involve.adapters.internal.Items.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.adapters.internal.Items;
import org.involve.adapters.internal.Json;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Busy;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerRecords;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Appointments in the PartnersTable, one item per appointment ({@code appointmentId}, from the application reference), the
 * record as JSON in {@code data}. The ByPerson index (keyed by {@code personKey}, the applicant key hash) finds every role
 * one person holds, for the paid-role limit, with a query. An appointment is stored in one transaction with the
 * application's move to APPOINTED, its audit entries and the welcome e-mail.
 */
public final class DynamoPartnerRecords implements PartnerRecords {
    static final String BY_PERSON = "ByPerson";
    private static final int APPLICATION = 0, APPOINTMENT = 1;
    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoApplications round;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;

    public DynamoPartnerRecords(
            DynamoDbClient dynamo,
            String table,
            DynamoApplications round,
            DynamoOutbox outbox,
            DynamoAuditTrail audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.round = round;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public Optional<Appointment> find(String appointmentId) {
        var item =
                dynamo.getItem(
                                r ->
                                        r.tableName(table)
                                                .key(key("appointmentId", appointmentId))
                                                .consistentRead(true))
                        .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(appointment(item));
    }

    @Override
    public List<Appointment> forPerson(String personKey) {
        return dynamo
                .queryPaginator(
                        r ->
                                r.tableName(table)
                                        .indexName(BY_PERSON)
                                        .keyConditionExpression("personKey = :person")
                                        .expressionAttributeValues(Map.of(":person", s(personKey))))
                .items()
                .stream()
                .map(DynamoPartnerRecords::appointment)
                .toList();
    }

    @Override
    public boolean appoint(
            Application current,
            Appointment appointment,
            Map<String, String> facts,
            List<AuditEntry> entries,
            List<OutboxMessage> messages) {
        if (current.status() != Application.Status.REFERENCES_RECEIVED) return false;
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(round.step(current, Application.Status.APPOINTED, facts, null));
        writes.add(
                TransactWriteItem.builder()
                        .put(
                                p ->
                                        p.tableName(table)
                                                .item(item(appointment))
                                                .conditionExpression(
                                                        "attribute_not_exists(appointmentId)"))
                        .build());
        entries.forEach(e -> writes.add(audit.putNew(e)));
        messages.forEach(m -> writes.add(outbox.putNew(m)));
        try {
            outbox.commit(writes, null);
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailed(e, APPLICATION) || Items.conditionFailed(e, APPOINTMENT))
                return false;
            throw e;
        } catch (Busy e) {
            return false; // still being changed by someone else after trying again: nothing written
        }
    }

    private static Map<String, AttributeValue> item(Appointment a) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("appointmentId", s(a.id()));
        item.put("personKey", s(a.personKey()));
        item.put("roleId", s(a.roleId()));
        item.put("status", s(a.status().name()));
        item.put("data", s(Json.write(a)));
        return item;
    }

    private static Appointment appointment(Map<String, AttributeValue> item) {
        return Json.read(item.get("data").s(), Appointment.class);
    }
}
