package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.involve.core.application.RoundApplications;
import org.involve.core.links.KeyPurpose;
import org.involve.core.links.SignedLink;
import org.involve.core.references.RefereeResponses;
import org.involve.core.references.ReferenceBook;
import org.involve.core.references.ReferenceReminders;
import org.involve.core.references.ReferenceSettings;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.role.RoleReader;

/**
 * The references step's beans: the staff desk, the referee's form and the reminder job, over the reference book
 * (whose writes go in one transaction with the application, used link, outbox and audit entry). Reminders:
 * REFERENCE_REMINDER_DAYS (default 5), REFERENCE_MAXIMUM_REMINDERS (default 2), REFERENCE_LINK_DAYS (default 28).
 */
@Factory
public class ReferencesFactory {
    @Singleton
    ReferenceSettings referenceSettings(InvolveSettings settings) {
        return new ReferenceSettings(
                settings.referenceReminderDays(),
                settings.referenceMaximumReminders(),
                Duration.ofDays(settings.referenceLinkDays()),
                settings.siteUrl(),
                settings.staffSiteUrl());
    }

    @Singleton
    ReferencesDesk referencesDesk(
            RoleReader roles,
            RoundApplications round,
            ReferenceBook book,
            SignedLink links,
            Clock clock,
            ReferenceSettings settings,
            InvolveSettings keys) {
        keys.needsKeys(KeyPurpose.REFEREE_LINKS);
        return new ReferencesDesk(roles, round, book, links, clock, settings);
    }

    @Singleton
    RefereeResponses refereeResponses(
            RoleReader roles,
            RoundApplications round,
            ReferenceBook book,
            SignedLink links,
            Clock clock,
            ReferenceSettings settings,
            InvolveSettings keys) {
        keys.needsKeys(KeyPurpose.REFEREE_LINKS);
        return new RefereeResponses(roles, round, book, links, clock, settings);
    }

    @Singleton
    ReferenceReminders referenceReminders(
            RoleReader roles,
            RoundApplications round,
            ReferenceBook book,
            SignedLink links,
            ReferenceSettings settings,
            InvolveSettings keys) {
        keys.needsKeys(KeyPurpose.REFEREE_LINKS);
        return new ReferenceReminders(roles, round, book, links, settings);
    }
}
