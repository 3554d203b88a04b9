package org.involve.handlers;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.AwsClients;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoDraftStore;
import org.involve.adapters.DynamoMonitoringStore;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.DynamoShortlistStore;
import org.involve.adapters.DynamoUsedLinks;
import org.involve.core.links.LinkRedemption;
import org.involve.core.links.SignedLink;
import org.involve.adapters.SesMailSender;
import org.involve.adapters.Settings;
import org.involve.adapters.SqsMailQueue;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplyingSettings;
import org.involve.core.application.AcknowledgementPromiseCheck;
import org.involve.core.shortlisting.ClosingRun;
import org.involve.core.outbox.MailDelivery;
import org.involve.core.outbox.MailQueue;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.PanelPapers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;

/**
 * Wires the core to its AWS adapters from the function's settings. Beans are created lazily, so each
 * function builds only the clients it uses (the monitoring form never builds an SES or SQS client).
 */
@Factory
public class InvolveFactory {
    private static final Logger LOG = LoggerFactory.getLogger(InvolveFactory.class);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    DynamoDbClient dynamoDb() {
        return AwsClients.dynamoDb();
    }

    @Singleton
    SqsClient sqs() {
        return AwsClients.sqs();
    }

    @Singleton
    SesV2Client ses() {
        return AwsClients.ses();
    }

    @Singleton
    MonitoringToken monitoringToken() {
        return new MonitoringToken(Settings.required("TOKEN_SIGNING_KEY"));
    }

    /** One-use links for referees, interview booking and partners, signed with a key of their own derived from the token key. */
    @Singleton
    SignedLink signedLink() {
        return new SignedLink("links:" + Settings.required("TOKEN_SIGNING_KEY"));
    }

    @Singleton
    DynamoOutbox outbox(DynamoDbClient db, MailQueue mail) {
        return new DynamoOutbox(db, Settings.required("OUTBOX_TABLE"), mail, LOG::warn);
    }

    @Singleton
    DynamoAuditTrail auditTrail(DynamoDbClient db) {
        return new DynamoAuditTrail(db, Settings.required("AUDIT_TABLE"));
    }

    @Singleton
    DynamoDraftStore drafts(DynamoDbClient db) {
        return new DynamoDraftStore(db, Settings.required("DRAFTS_TABLE"));
    }

    /** The audit trail is built only when an application changes: the public site has no AUDIT_TABLE. */
    @Singleton
    DynamoApplications applications(DynamoDbClient db, DynamoOutbox outbox, BeanProvider<DynamoAuditTrail> audit, DynamoDraftStore drafts) {
        return new DynamoApplications(db, Settings.required("APPLICATIONS_TABLE"), outbox, audit::get, drafts);
    }

    /** The audit trail is built only when a role changes: functions that only read roles have no AUDIT_TABLE. */
    @Singleton
    DynamoRoles roles(DynamoDbClient db, DynamoOutbox outbox, BeanProvider<DynamoAuditTrail> audit) {
        return new DynamoRoles(db, Settings.required("ROLES_TABLE"), outbox, audit::get);
    }

    @Singleton
    DynamoUsedLinks usedLinks(DynamoDbClient db) {
        return new DynamoUsedLinks(db, Settings.required("USED_LINKS_TABLE"));
    }

    @Singleton
    LinkRedemption linkRedemption(SignedLink links, DynamoUsedLinks used) {
        return new LinkRedemption(links, used);
    }

    @Singleton
    ApplicationJourney applicationJourney(DynamoRoles roles, DynamoDraftStore drafts, DynamoApplications applications, MonitoringToken tokens,
                                          Clock clock) {
        ApplyingSettings settings = new ApplyingSettings(Settings.required("SITE_URL"), Duration.ofDays(14),
                Duration.ofSeconds(Long.parseLong(Settings.optional("QUICKEST_HUMAN_APPLICATION_SECONDS", "20"))));
        return new ApplicationJourney(roles, drafts, applications, tokens, clock, settings);
    }

    @Singleton
    MonitoringForm monitoringForm(DynamoDbClient db, MonitoringToken tokens, Clock clock) {
        return new MonitoringForm(new DynamoMonitoringStore(db, Settings.required("MONITORING_TABLE")), tokens, clock);
    }

    @Singleton
    MailQueue mailQueue(BeanProvider<SqsClient> sqs) {
        return new SqsMailQueue(sqs::get, Settings.required("MAIL_QUEUE_URL"));
    }

    /** Closing a role also prepares its panel's papers (SHORTLISTING_TABLE), anonymised with the shortlisting ids. */
    @Singleton
    ClosingRun closingRun(DynamoDbClient db, DynamoRoles roles, DynamoApplications applications, AnonymousIds ids) {
        return new ClosingRun(roles,
                new PanelPapers(applications,
                        new DynamoShortlistStore(db, Settings.required("SHORTLISTING_TABLE")), ids),
                Settings.required("STAFF_SITE_URL"));
    }

    @Singleton
    AcknowledgementPromiseCheck acknowledgementPromiseCheck(DynamoRoles roles, DynamoApplications applications, DynamoOutbox outbox) {
        return new AcknowledgementPromiseCheck(
                applications,
                roles,
                outbox,
                Settings.required("STAFF_SITE_URL"),
                Period.ofDays(Integer.parseInt(Settings.optional("ACKNOWLEDGEMENT_WARNING_DAYS", "2"))));
    }

    @Singleton
    MailDelivery mailDelivery(DynamoDbClient db, SesV2Client ses, Clock clock) {
        // Sending an acknowledgement e-mail marks its application acknowledged, so the promise job stops chasing it.
        return new MailDelivery(new DynamoOutbox(db, Settings.required("OUTBOX_TABLE"), Settings.required("APPLICATIONS_TABLE"), LOG::warn),
                new SesMailSender(ses, Settings.required("MAIL_FROM")), clock,
                Integer.parseInt(Settings.optional("MAIL_MAXIMUM_ATTEMPTS", "8")));
    }
}
