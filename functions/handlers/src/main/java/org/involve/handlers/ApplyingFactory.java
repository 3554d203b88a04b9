package org.involve.handlers;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import org.involve.core.application.AcknowledgementPromiseCheck;
import org.involve.core.application.ApplicationJourney;
import org.involve.core.application.ApplicationStore;
import org.involve.core.application.ApplyingSettings;
import org.involve.core.application.OutstandingAcknowledgements;
import org.involve.core.application.SaveAndReturn;
import org.involve.core.application.WithdrawalLink;
import org.involve.core.attempts.Attempts;
import org.involve.core.draft.DraftStore;
import org.involve.core.draft.ReturnCodes;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.links.SigningKeys;
import org.involve.core.monitoring.MonitoringByCode;
import org.involve.core.monitoring.MonitoringCode;
import org.involve.core.monitoring.MonitoringCodes;
import org.involve.core.monitoring.MonitoringForm;
import org.involve.core.monitoring.MonitoringKey;
import org.involve.core.monitoring.MonitoringStore;
import org.involve.core.monitoring.MonitoringToken;
import org.involve.core.outbox.DeadLetters;
import org.involve.core.outbox.MailDelivery;
import org.involve.core.outbox.MailFeedback;
import org.involve.core.outbox.MailOperations;
import org.involve.core.outbox.MailSender;
import org.involve.core.outbox.Outbox;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.outbox.UndeliverableAddresses;
import org.involve.core.outbox.UndeliverableLookup;
import org.involve.core.role.RolePanels;
import org.involve.core.role.RoleReader;

/**
 * The public site's beans (applying, the equal opportunities form), the acknowledgement promise job's, and the
 * mailer's and outbox sweep's delivery, from their ports and their own settings.
 */
@Factory
public class ApplyingFactory {
    @Singleton
    ApplicationJourney applicationJourney(
            RoleReader roles,
            DraftStore drafts,
            ApplicationStore applications,
            MonitoringToken tokens,
            Clock clock,
            InvolveSettings settings,
            WithdrawalLink withdrawal,
            @Named(InvolveFactory.JOURNEY_ATTEMPTS) Attempts limits) {
        ApplyingSettings applying =
                new ApplyingSettings(
                        settings.siteUrl(),
                        settings.staffSiteUrl(),
                        Duration.ofDays(settings.retention().draftDays()),
                        Duration.ofSeconds(settings.quickestHumanApplicationSeconds()),
                        settings.acknowledgementsPerAddressPerDay(),
                        settings.applicationsPerClientPerHour());
        return new ApplicationJourney(
                roles, drafts, applications, tokens, clock, applying, withdrawal, limits);
    }

    /** Carrying on with an application on any device: the e-mail link, the reference and code. */
    @Singleton
    SaveAndReturn saveAndReturn(
            DraftStore drafts,
            @Named(InvolveFactory.JOURNEY_ATTEMPTS) Attempts limits,
            RoleReader roles,
            SignedLink links,
            SigningKeys keys,
            Clock clock,
            InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.APPLICANT_LINKS);
        return new SaveAndReturn(
                drafts,
                limits,
                roles,
                links,
                new ReturnCodes(settings.keysOf(keys, KeyPurpose.RETURN_CODES)),
                clock,
                settings.siteUrl());
    }

    @Singleton
    MonitoringForm monitoringForm(
            MonitoringStore store, MonitoringToken tokens, MonitoringKey keys, RoleReader roles) {
        return new MonitoringForm(store, tokens, keys, roles);
    }

    /** Answers given with a short code: on the public start page, and by staff outside the role's panel. */
    @Singleton
    MonitoringByCode monitoringByCode(
            MonitoringCode code,
            MonitoringCodes codes,
            @Named(InvolveFactory.CODE_ATTEMPTS) Attempts tries,
            MonitoringKey keys,
            BeanProvider<RolePanels> panels,
            BeanProvider<RoleReader> roles,
            SigningKeys signingKeys,
            InvolveSettings settings,
            Clock clock) {
        return new MonitoringByCode(
                code,
                codes,
                tries,
                keys,
                panels::get,
                roles::get,
                settings.keysOf(signingKeys, KeyPurpose.MONITORING_LINKS),
                clock);
    }

    @Singleton
    AcknowledgementPromiseCheck acknowledgementPromiseCheck(
            OutstandingAcknowledgements outstanding,
            RoleReader roles,
            OutboxWriter outbox,
            InvolveSettings settings) {
        return new AcknowledgementPromiseCheck(
                outstanding,
                roles,
                outbox,
                settings.staffSiteUrl(),
                Period.ofDays(settings.acknowledgementWarningDays()));
    }

    /** Sending an acknowledgement e-mail marks its application acknowledged, so the promise job stops chasing it. */
    @Singleton
    MailDelivery mailDelivery(
            Outbox outbox,
            MailSender sender,
            DeadLetters deadLetters,
            UndeliverableLookup undeliverable,
            Clock clock,
            InvolveSettings settings) {
        return new MailDelivery(
                outbox, sender, clock, settings.mailRetryWindow(), deadLetters, undeliverable);
    }

    /** Bounce and complaint notices from SES mark addresses undeliverable. */
    @Singleton
    MailFeedback mailFeedback(UndeliverableAddresses undeliverable) {
        return new MailFeedback(undeliverable);
    }

    /** The e-mail problems page: the outbox's failed and unsure messages, and staff's actions on them. */
    @Singleton
    MailOperations mailOperations(Outbox outbox, Clock clock, InvolveSettings settings) {
        return new MailOperations(outbox, clock, settings.retention());
    }
}
