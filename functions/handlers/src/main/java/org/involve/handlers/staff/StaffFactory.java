package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.involve.adapters.CognitoHostedUi;
import org.involve.adapters.DynamoEndedSessions;
import org.involve.adapters.HttpJwks;
import org.involve.adapters.IdTokenVerifier;
import org.involve.core.audit.AuditTrail;
import org.involve.handlers.InvolveSettings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Micronaut beans the staff pages share: the ID-token verifier (settings STAFF_TOKEN_ISSUER, STAFF_TOKEN_AUDIENCE,
 * STAFF_JWKS_URL), Cognito's hosted sign-in (STAFF_AUTH_DOMAIN, STAFF_SITE_URL) and the audit helper. Beans are lazy:
 * a function builds only what its handler asks for. The Clock and the adapters come from InvolveFactory. Each staff
 * area adds its own factory beside this one.
 */
@Factory
public class StaffFactory {
    @Singleton
    IdTokenVerifier idTokenVerifier(Clock clock, InvolveSettings settings) {
        return new IdTokenVerifier(
                settings.staffTokenIssuer(),
                settings.staffTokenAudience(),
                new HttpJwks(settings.staffJwksUrl(), clock),
                clock);
    }

    /** Sessions ended by signing out (ENDED_SESSIONS_TABLE): the authorizer refuses them. */
    @Singleton
    DynamoEndedSessions endedSessions(DynamoDbClient db, InvolveSettings settings) {
        return new DynamoEndedSessions(db, settings.endedSessionsTable());
    }

    @Singleton
    CognitoHostedUi cognitoHostedUi(InvolveSettings settings) {
        return new CognitoHostedUi(
                settings.staffAuthDomain(),
                settings.staffTokenAudience(),
                settings.staffSiteUrl() + "/staff/callback");
    }

    @Singleton
    StaffAudit staffAudit(AuditTrail trail, Clock clock) {
        return new StaffAudit(trail, clock);
    }
}
