package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.involve.core.application.RoundApplications;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.outbox.OutboxWriter;
import org.involve.core.partners.NewLinkRequests;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.PartnerLetters;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PauseReturns;
import org.involve.core.partners.YourInvolvement;
import org.involve.core.role.RoleReader;

/**
 * The partners area's beans: the partner's letters (with their signed link, PARTNER_LINK_DAYS, default 60), the
 * changes partners and staff make, "your involvement" behind the link, and new-link requests.
 */
@Factory
public class PartnersFactory {
    @Singleton
    PartnerLetters partnerLetters(SignedLink links, InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.PARTNER_LINKS);
        return new PartnerLetters(
                settings.siteUrl(),
                settings.staffSiteUrl(),
                links,
                Duration.ofDays(settings.partnerLinkDays()));
    }

    @Singleton
    PartnerChanges partnerChanges(
            PartnerRecords records,
            RoleReader roles,
            RoundApplications applications,
            PartnerLetters letters,
            Clock clock) {
        return new PartnerChanges(records, roles, applications, letters, clock);
    }

    @Singleton
    PauseReturns pauseReturns(PartnerRecords records, PartnerChanges changes) {
        return new PauseReturns(records, changes);
    }

    @Singleton
    PartnerDirectory partnerDirectory(
            PartnerRecords records, RoleReader roles, PartnerChanges changes) {
        return new PartnerDirectory(records, roles, changes);
    }

    @Singleton
    YourInvolvement yourInvolvement(
            SignedLink links, PartnerChanges changes, Clock clock, InvolveSettings settings) {
        settings.needsKeys(KeyPurpose.PARTNER_LINKS);
        return new YourInvolvement(links, changes, clock);
    }

    @Singleton
    NewLinkRequests newLinkRequests(
            PartnerRecords records,
            RoleReader roles,
            PartnerLetters letters,
            OutboxWriter outbox,
            Clock clock) {
        return new NewLinkRequests(records, roles, letters, outbox, clock);
    }
}
