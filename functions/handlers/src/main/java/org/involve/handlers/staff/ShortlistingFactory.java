package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.DynamoOutbox;
import org.involve.adapters.DynamoRoles;
import org.involve.adapters.DynamoShortlistStore;
import org.involve.adapters.Settings;
import org.involve.core.application.RoundApplications;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.shortlisting.ScoreScale;
import org.involve.core.shortlisting.PanelScoring;
import org.involve.core.shortlisting.ShortlistRecording;
import org.involve.core.shortlisting.ShortlistingPanel;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * Shortlisting's beans. The panel's {@link ShortlistingPanel} is built over the ShortlistingTable and the roles only
 * (SHORTLISTING_TABLE, ROLES_TABLE, OUTBOX_TABLE): no applications, no audit trail. Staff's {@link ShortlistRecording}
 * adds the round's applications and the audit trail. Anonymous ids are keyed from TOKEN_SIGNING_KEY (with a purpose of
 * their own), which the panel's function is never given.
 */
@Factory
public class ShortlistingFactory {
    @Singleton
    AnonymousIds anonymousIds() {
        return new AnonymousIds("panel:" + Settings.required("TOKEN_SIGNING_KEY"));
    }

    @Singleton
    ShortlistingPanel shortlistingPanel(DynamoDbClient db, DynamoRoles roles) {
        return new ShortlistingPanel(roles, new DynamoShortlistStore(db, Settings.required("SHORTLISTING_TABLE")), ScoreScale.STANDARD);
    }

    @Singleton
    PanelScoring panelScoring(DynamoDbClient db, DynamoRoles roles, DynamoOutbox outbox, Clock clock) {
        return new PanelScoring(roles, new DynamoShortlistStore(db, Settings.required("SHORTLISTING_TABLE")), ScoreScale.STANDARD,
                outbox, clock, Settings.required("STAFF_SITE_URL"));
    }

    @Singleton
    ShortlistRecording shortlistRecording(DynamoDbClient db, DynamoRoles roles, DynamoOutbox outbox, DynamoAuditTrail audit, Clock clock,
                                          AnonymousIds ids,
                                          RoundApplications applications) {
        return new ShortlistRecording(roles,
                new DynamoShortlistStore(db, Settings.required("SHORTLISTING_TABLE"), audit), applications, ids, ScoreScale.STANDARD,
                outbox, audit, clock, Settings.required("STAFF_SITE_URL"));
    }
}
