package org.involve.handlers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoApplications;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoReferenceBook;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.DynamoUsedLinks;
import org.involve.adapters.Settings;
import org.involve.core.references.RefereeResponses;
import org.involve.core.references.ReferenceReminders;
import org.involve.core.references.ReferenceSettings;
import org.involve.core.references.ReferencesDesk;
import org.involve.core.links.SignedLink;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;

/**
 * The references step's beans: the book over REFERENCES_TABLE (with APPLICATIONS_TABLE, OUTBOX_TABLE, AUDIT_TABLE and
 * USED_LINKS_TABLE, whose writes go in its transactions), the staff desk, the referee's form and the reminder job.
 * Reminders: REFERENCE_REMINDER_DAYS (default 5), REFERENCE_MAXIMUM_REMINDERS (default 2), REFERENCE_LINK_DAYS (default 28).
 */
@Factory
public class ReferencesFactory {
    @Singleton
    ReferenceSettings referenceSettings() {
        return new ReferenceSettings(Integer.parseInt(Settings.optional("REFERENCE_REMINDER_DAYS", "5")),
                Integer.parseInt(Settings.optional("REFERENCE_MAXIMUM_REMINDERS", "2")),
                Duration.ofDays(Long.parseLong(Settings.optional("REFERENCE_LINK_DAYS", "28"))),
                Settings.required("SITE_URL"), Settings.required("STAFF_SITE_URL"));
    }

    @Singleton
    DynamoReferenceBook referenceBook(DynamoDbClient db, DynamoApplications round, DynamoUsedLinks usedLinks, DynamoOutbox outbox,
                                      DynamoAuditTrail audit) {
        return new DynamoReferenceBook(db, Settings.required("REFERENCES_TABLE"), round, usedLinks,
                outbox, audit);
    }

    @Singleton
    ReferencesDesk referencesDesk(DynamoRoles roles, DynamoApplications round, DynamoReferenceBook book, SignedLink links, Clock clock,
                                  ReferenceSettings settings) {
        return new ReferencesDesk(roles, round, book, links, clock, settings);
    }

    @Singleton
    RefereeResponses refereeResponses(DynamoRoles roles, DynamoApplications round, DynamoReferenceBook book, SignedLink links, Clock clock,
                                      ReferenceSettings settings) {
        return new RefereeResponses(roles, round, book, links, clock, settings);
    }

    @Singleton
    ReferenceReminders referenceReminders(DynamoRoles roles, DynamoApplications round, DynamoReferenceBook book, SignedLink links,
                                          ReferenceSettings settings) {
        return new ReferenceReminders(roles, round, book, links, settings);
    }
}
