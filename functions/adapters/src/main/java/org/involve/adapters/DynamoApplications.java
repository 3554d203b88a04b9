package org.involve.adapters;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.involve.core.application.Application;
import org.involve.core.application.Applications;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.outcomes.AwaitingOutcomes;
import org.involve.core.outcomes.OutcomeRecords;
import org.involve.core.role.ApplicationCounts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The ApplicationsTable: the one adapter of the applications port (and of the outcome facts and application counts
 * kept on the same items). The work is shared among package-private classes, one per kind of write: submission
 * ({@link DynamoApplicationStore}), staff's records ({@link DynamoApplicationRecords}), the round's steps
 * ({@link DynamoRoundApplications}), the outstanding acknowledgements index ({@link DynamoOutstandingAcknowledgements}),
 * the awaiting-outcome index ({@link DynamoAwaitingOutcomes}), the staff queues' indexes ({@link DynamoWaitingForStaff}),
 * each role's count of applications ({@link DynamoApplicationCounts})
 * and outcome facts ({@link DynamoOutcomeRecords}). Other adapters whose transactions move an application on reach
 * the steps through {@link #step} and {@link #advanceWrites}.
 */
public final class DynamoApplications
        implements Applications, OutcomeRecords, AwaitingOutcomes, ApplicationCounts {
    private final DynamoApplicationStore store;
    private final DynamoApplicationRecords records;
    private final DynamoRoundApplications round;
    private final DynamoOutstandingAcknowledgements outstanding;
    private final DynamoAwaitingOutcomes awaiting;
    private final DynamoOutcomeRecords outcomes;
    private final DynamoWaitingForStaff waiting;
    private final DynamoApplicationCounts counts;
    private final String table;

    /**
     * The audit trail is asked for only when a change is written, so a function that only reads or submits
     * applications (the public site, the reminder jobs) is never made to name an audit table.
     */
    public DynamoApplications(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit,
            DynamoDraftStore drafts) {
        this(dynamo, table, outbox, audit, drafts, Clock.systemUTC());
    }

    /** @param clock the day a step that ends an application without a place starts its retention clock */
    public DynamoApplications(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit,
            DynamoDraftStore drafts,
            Clock clock) {
        this(dynamo, table, outbox, audit, drafts, clock, null);
    }

    /**
     * @param codes the monitoring short codes' table: every application stored (online or entered by staff) has its
     *     code issued in the same transaction; asked for only then, so functions that never store one need not name it
     */
    public DynamoApplications(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            Supplier<DynamoAuditTrail> audit,
            DynamoDraftStore drafts,
            Clock clock,
            Supplier<DynamoMonitoringCodes> codes) {
        this.table = table;
        this.store = new DynamoApplicationStore(dynamo, table, outbox, drafts, codes);
        this.records = new DynamoApplicationRecords(dynamo, table, outbox, audit, codes);
        this.round = new DynamoRoundApplications(dynamo, table, outbox, audit, clock);
        this.outstanding = new DynamoOutstandingAcknowledgements(dynamo, table);
        this.awaiting = new DynamoAwaitingOutcomes(dynamo, table);
        this.outcomes = new DynamoOutcomeRecords(dynamo, round, outbox, audit);
        this.waiting = new DynamoWaitingForStaff(dynamo, table);
        this.counts = new DynamoApplicationCounts(dynamo, table);
    }

    public DynamoApplications(
            DynamoDbClient dynamo,
            String table,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            DynamoDraftStore drafts) {
        this(dynamo, table, outbox, () -> audit, drafts);
    }

    @Override
    public Optional<Application> find(String roleId, String applicantKey, Read read) {
        return store.find(roleId, applicantKey, read);
    }

    @Override
    public Optional<Application> findByReference(String reference, Read read) {
        return store.findByReference(reference, read);
    }

    @Override
    public Stored submit(Application application, List<OutboxMessage> messages, String draftId) {
        return store.submit(application, messages, draftId);
    }

    @Override
    public void submittedAgain(
            org.involve.core.draft.ApplicationDraft draft, List<OutboxMessage> messages) {
        store.submittedAgain(draft, messages);
    }

    @Override
    public Stored enter(Application application, List<OutboxMessage> messages, AuditEntry audit) {
        return records.enter(application, messages, audit);
    }

    @Override
    public boolean acknowledged(
            Application application, Instant at, Map<String, String> facts, AuditEntry audit) {
        return records.acknowledged(application, at, facts, audit);
    }

    @Override
    public List<Application> forRole(String roleId) {
        return round.forRole(roleId);
    }

    @Override
    public boolean advance(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages) {
        return round.advance(current, to, facts, audit, messages);
    }

    @Override
    public List<Application> submittedBy(Instant submittedBy) {
        return outstanding.submittedBy(submittedBy);
    }

    @Override
    public List<Application> awaitingOutcome(String roleId) {
        return awaiting.awaitingOutcome(roleId);
    }

    @Override
    public boolean recordOnce(
            Application current,
            String unlessRecorded,
            Map<String, String> facts,
            AuditEntry audit,
            List<OutboxMessage> messages) {
        return outcomes.recordOnce(current, unlessRecorded, facts, audit, messages);
    }

    /** The role's kept count ({@link DynamoApplicationCounts}): one read, however many applications it has. */
    @Override
    public int of(String roleId) {
        return counts.of(roleId);
    }

    /** Several roles' kept counts, read together. */
    @Override
    public Map<String, Integer> ofEach(Collection<String> roleIds) {
        return counts.ofEach(roleIds);
    }

    @Override
    public List<Application> heldToTalkFirst() {
        return waiting.heldToTalkFirst();
    }

    @Override
    public List<Application> supportNotDone() {
        return waiting.supportNotDone();
    }

    /** The writes of a round step, for another adapter's transaction that moves the application on with its own writes. */
    List<TransactWriteItem> advanceWrites(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            AuditEntry entry,
            List<OutboxMessage> messages) {
        return round.advanceWrites(current, to, facts, entry, messages);
    }

    /** A round step that also sets and removes top-level attributes (see {@link DynamoRoundApplications#step}). */
    TransactWriteItem step(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            String unlessRecorded,
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> alsoSet,
            List<String> alsoRemove) {
        return round.step(current, to, facts, unlessRecorded, alsoSet, alsoRemove);
    }

    /** The ApplicationsTable's name, for another adapter's query of one of its sparse indexes. */
    String table() {
        return table;
    }

    /** The conditional update of a round step alone (see {@link DynamoRoundApplications#step}). */
    TransactWriteItem step(
            Application current,
            Application.Status to,
            Map<String, String> facts,
            String unlessRecorded) {
        return round.step(current, to, facts, unlessRecorded);
    }
}
