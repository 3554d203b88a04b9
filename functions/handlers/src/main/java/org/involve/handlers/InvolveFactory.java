package org.involve.handlers;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.adapters.AwsClients;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoAttempts;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoCheckIns;
import org.involve.adapters.DynamoDraftStore;
import org.involve.adapters.DynamoImpacts;
import org.involve.adapters.DynamoInterviewSchedule;
import org.involve.adapters.DynamoMeetings;
import org.involve.adapters.DynamoMonitoringAnswers;
import org.involve.adapters.DynamoMonitoringCodes;
import org.involve.adapters.DynamoMonitoringStore;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoPanelGroup;
import org.involve.adapters.DynamoPartnerRecords;
import org.involve.adapters.DynamoPersonalData;
import org.involve.adapters.DynamoReferenceBook;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.DynamoShortlistStore;
import org.involve.adapters.DynamoTenureReviews;
import org.involve.adapters.DynamoUndeliverableAddresses;
import org.involve.adapters.DynamoUsedLinks;
import org.involve.adapters.SecretsManagerSigningKeys;
import org.involve.adapters.SesMailSender;
import org.involve.adapters.SqsDeadLetters;
import org.involve.adapters.SqsMailQueue;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.links.SigningKeys;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.MailQueue;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.handlers.local.LocalClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients and one singleton per adapter, each over the table its function's settings name. Every bean is
 * lazy, so a function builds only what its handler uses (the monitoring form never builds an SES or SQS client).
 * Where a collaborator is needed only for some of an adapter's writes, it comes through a provider and is built when
 * first used: functions that only read roles or applications have no AUDIT_TABLE, and staff book interviews without
 * a one-use link. The areas' factories take these as their ports.
 */
@Factory
public class InvolveFactory {
    private static final Logger LOG = LoggerFactory.getLogger(InvolveFactory.class);

    /** The names of the two counts of attempts: the public journey's and the short codes'. */
    static final String JOURNEY_ATTEMPTS = "journey", CODE_ATTEMPTS = "codes";

    /** The system clock, unless the local runtime was asked to rehearse another time (never in AWS). */
    @Singleton
    Clock clock() {
        return LocalClock.chosen().orElseGet(Clock::systemUTC);
    }

    @Singleton
    DynamoDbClient dynamoDb() {
        return AwsClients.dynamoDb();
    }

    @Singleton
    SqsClient sqs() {
        return AwsClients.sqs();
    }

    /** Built when a key is first read, never with the function. */
    @Singleton
    SecretsManagerClient secretsManager() {
        return AwsClients.secretsManager();
    }

    /**
     * Each purpose's signing keys from its secret (the *_KEY_SECRET settings name them; a function has only those of
     * the purposes its beans use, which each bean asks for when it is built, so FunctionEnvironmentTest finds a
     * missing one). Kept by the system clock, never the rehearsal clock.
     */
    @Singleton
    SigningKeys signingKeys(BeanProvider<SecretsManagerClient> client, InvolveSettings settings) {
        return new SecretsManagerSigningKeys(
                client::get,
                purpose -> settings.optional(purpose.setting()),
                Clock.systemUTC(),
                LOG::warn);
    }

    /** The SQS client is built on the first announcement, not with the queue. */
    @Singleton
    MailQueue mailQueue(BeanProvider<SqsClient> sqs, InvolveSettings settings) {
        return new SqsMailQueue(sqs::get, settings.mailQueueUrl(), LogContext::correlationId);
    }

    /** Only the mailer and the sweep have the dead-letter queue's address; the client is the one SQS client. */
    @Singleton
    SqsDeadLetters deadLetters(BeanProvider<SqsClient> sqs, InvolveSettings settings) {
        return new SqsDeadLetters(sqs::get, settings.mailDeadLetterQueueUrl(), LOG::warn);
    }

    /** SES v2 over its REST API (AwsClients#ses), built with the sender. */
    @Singleton
    SesMailSender mailSender(InvolveSettings settings) {
        return new SesMailSender(
                AwsClients.ses(), settings.mailFrom(), settings.mailConfigurationSet());
    }

    @Singleton
    MonitoringToken monitoringToken(SigningKeys keys, InvolveSettings settings) {
        return new MonitoringToken(settings.keysOf(keys, KeyPurpose.MONITORING_LINKS));
    }

    /**
     * Only functions given MONITORING_ANSWERS_KEY_SECRET (the form, the staff entry, the equality report, data
     * protection) can build this.
     */
    @Singleton
    MonitoringKey monitoringKey(
            MonitoringToken tokens, SigningKeys keys, InvolveSettings settings) {
        return new MonitoringKey(settings.keysOf(keys, KeyPurpose.MONITORING_ANSWERS), tokens);
    }

    /**
     * Links for referees, interview booking, partners and applicants, each purpose signed with its own keys. The beans
     * that issue or check links of a purpose ask for its setting when they are built ({@link
     * InvolveSettings#needsKeys}).
     */
    @Singleton
    SignedLink signedLink(SigningKeys keys) {
        return new SignedLink(keys);
    }

    // ---------- one adapter per table ----------

    @Singleton
    DynamoOutbox outbox(
            DynamoDbClient db,
            MailQueue mail,
            BeanProvider<DynamoAuditTrail> audit,
            InvolveSettings settings) {
        return new DynamoOutbox(
                db,
                settings.outboxTable(),
                settings.applicationsTable(),
                mail,
                LOG::warn,
                audit::get);
    }

    @Singleton
    DynamoUndeliverableAddresses undeliverableAddresses(
            DynamoDbClient db, BeanProvider<DynamoAuditTrail> audit, InvolveSettings settings) {
        return new DynamoUndeliverableAddresses(db, settings.undeliverableTable(), audit::get);
    }

    @Singleton
    DynamoAuditTrail auditTrail(DynamoDbClient db, InvolveSettings settings) {
        return new DynamoAuditTrail(db, settings.auditTable());
    }

    @Singleton
    DynamoDraftStore drafts(DynamoDbClient db, InvolveSettings settings) {
        return new DynamoDraftStore(db, settings.draftsTable());
    }

    /**
     * Every application stored (the public site, staff entering one) has its monitoring short code issued with it:
     * the codes' table is asked for only then, so the functions that store applications name MONITORING_CODES_TABLE.
     */
    @Singleton
    DynamoApplications applications(
            DynamoDbClient db,
            DynamoOutbox outbox,
            BeanProvider<DynamoAuditTrail> audit,
            DynamoDraftStore drafts,
            BeanProvider<DynamoMonitoringCodes> codes,
            Clock clock,
            InvolveSettings settings) {
        return new DynamoApplications(
                db, settings.applicationsTable(), outbox, audit::get, drafts, clock, codes::get);
    }

    @Singleton
    MonitoringCode monitoringCode(
            MonitoringToken tokens, SigningKeys keys, InvolveSettings settings) {
        return new MonitoringCode(settings.keysOf(keys, KeyPurpose.MONITORING_LINKS), tokens);
    }

    /** The short codes' table; the monitoring table only for the functions that record answers with a code. */
    @Singleton
    DynamoMonitoringCodes monitoringCodes(
            DynamoDbClient db,
            MonitoringCode code,
            BeanProvider<DynamoAuditTrail> audit,
            InvolveSettings settings) {
        return new DynamoMonitoringCodes(
                db,
                settings.monitoringCodesTable(),
                settings.optional("MONITORING_TABLE").orElse(null),
                settings.rolesTable(),
                code,
                audit::get);
    }

    @Singleton
    DynamoRoles roles(
            DynamoDbClient db,
            DynamoOutbox outbox,
            BeanProvider<DynamoAuditTrail> audit,
            InvolveSettings settings) {
        return new DynamoRoles(db, settings.rolesTable(), outbox, audit::get);
    }

    /** Counts of the public journey's tries ("continue your application" e-mails, applications), in the drafts table. */
    @Singleton
    @Named(JOURNEY_ATTEMPTS)
    DynamoAttempts journeyAttempts(
            DynamoDbClient db, DynamoOutbox outbox, InvolveSettings settings) {
        return DynamoAttempts.inDrafts(db, settings.draftsTable(), outbox);
    }

    /** Counts of tries at a short code, in the short codes' table. */
    @Singleton
    @Named(CODE_ATTEMPTS)
    DynamoAttempts codeAttempts(DynamoDbClient db, InvolveSettings settings) {
        return DynamoAttempts.inCodes(db, settings.monitoringCodesTable());
    }

    @Singleton
    DynamoUsedLinks usedLinks(DynamoDbClient db, InvolveSettings settings) {
        return new DynamoUsedLinks(db, settings.usedLinksTable());
    }

    @Singleton
    DynamoMonitoringStore monitoringStore(DynamoDbClient db, InvolveSettings settings) {
        return new DynamoMonitoringStore(db, settings.monitoringTable(), settings.rolesTable());
    }

    @Singleton
    DynamoMonitoringAnswers monitoringAnswers(
            DynamoDbClient db, MonitoringKey keys, InvolveSettings settings) {
        return new DynamoMonitoringAnswers(db, settings.monitoringTable(), keys);
    }

    /**
     * Every table's records about one person, for the data protection function alone: it is given its own monitoring
     * reader, the one that holds the monitoring key and can find an application's answers.
     */
    @Singleton
    DynamoPersonalData personalData(
            DynamoDbClient db,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            DynamoMonitoringAnswers monitoringAnswers,
            BeanProvider<org.involve.core.payments.Receipts> receipts,
            SigningKeys keys,
            InvolveSettings settings) {
        return new DynamoPersonalData(
                db,
                new DynamoPersonalData.Tables(
                        settings.applicationsTable(),
                        settings.draftsTable(),
                        settings.referencesTable(),
                        settings.shortlistingTable(),
                        settings.interviewSlotsTable(),
                        settings.partnersTable(),
                        settings.meetingsTable(),
                        settings.outboxTable(),
                        settings.undeliverableTable(),
                        settings.claimsTable(),
                        settings.paymentsTable()),
                outbox,
                audit,
                monitoringAnswers,
                new AnonymousIds(settings.keysOf(keys, KeyPurpose.PANEL_IDS)),
                settings.retention(),
                receipts::get);
    }

    /** The panel's function has no AUDIT_TABLE: its store never records a decision, so never asks for the trail. */
    @Singleton
    DynamoShortlistStore shortlistStore(
            DynamoDbClient db, BeanProvider<DynamoAuditTrail> audit, InvolveSettings settings) {
        return new DynamoShortlistStore(db, settings.shortlistingTable(), audit::get);
    }

    @Singleton
    DynamoPanelGroup panelGroup(DynamoDbClient db, Clock clock, InvolveSettings settings) {
        return new DynamoPanelGroup(db, settings.panelGroupTable(), clock);
    }

    @Singleton
    DynamoInterviewSchedule interviewSchedule(
            DynamoDbClient db,
            DynamoApplications applications,
            BeanProvider<DynamoUsedLinks> usedLinks,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            InvolveSettings settings) {
        return new DynamoInterviewSchedule(
                db, settings.interviewSlotsTable(), applications, usedLinks::get, outbox, audit);
    }

    @Singleton
    DynamoReferenceBook referenceBook(
            DynamoDbClient db,
            DynamoApplications applications,
            DynamoUsedLinks usedLinks,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            InvolveSettings settings) {
        return new DynamoReferenceBook(
                db, settings.referencesTable(), applications, usedLinks, outbox, audit);
    }

    @Singleton
    DynamoPartnerRecords partnerRecords(
            DynamoDbClient db,
            DynamoApplications applications,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            InvolveSettings settings) {
        return new DynamoPartnerRecords(db, settings.partnersTable(), applications, outbox, audit);
    }

    @Singleton
    DynamoMeetings meetings(
            DynamoDbClient db,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            InvolveSettings settings) {
        return new DynamoMeetings(db, settings.meetingsTable(), outbox, audit);
    }

    @Singleton
    DynamoImpacts impacts(
            DynamoDbClient db,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            InvolveSettings settings) {
        return new DynamoImpacts(db, settings.meetingsTable(), outbox, audit);
    }

    @Singleton
    DynamoTenureReviews tenureReviews(
            DynamoDbClient db,
            DynamoPartnerRecords records,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            InvolveSettings settings) {
        return new DynamoTenureReviews(db, settings.partnersTable(), records, outbox, audit);
    }

    @Singleton
    DynamoCheckIns checkIns(
            DynamoDbClient db,
            DynamoOutbox outbox,
            DynamoAuditTrail audit,
            InvolveSettings settings) {
        return new DynamoCheckIns(db, settings.partnersTable(), outbox, audit);
    }
}
