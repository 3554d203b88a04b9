package org.involve.handlers.staff;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.involve.adapters.CognitoHostedUi;
import org.involve.adapters.DynamoAuditTrail;
import org.involve.adapters.HttpJwks;
import org.involve.adapters.IdTokenVerifier;
import org.involve.adapters.Settings;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * Micronaut beans the staff pages share: the ID-token verifier (settings STAFF_TOKEN_ISSUER, STAFF_TOKEN_AUDIENCE,
 * STAFF_JWKS_URL), Cognito's hosted sign-in (STAFF_AUTH_DOMAIN, STAFF_SITE_URL), the audit trail (AUDIT_TABLE) and the
 * audit helper, and the round's applications (APPLICATIONS_TABLE, OUTBOX_TABLE) that every recruitment step moves on. Beans are lazy: a function builds only what its handler asks for. The Clock and DynamoDbClient come
 * from InvolveFactory. Each staff area adds its own factory beside this one.
 */
@Factory
public class StaffFactory {
    @Singleton
    IdTokenVerifier idTokenVerifier(Clock clock) {
        return new IdTokenVerifier(Settings.required("STAFF_TOKEN_ISSUER"), Settings.required("STAFF_TOKEN_AUDIENCE"),
                new HttpJwks(Settings.required("STAFF_JWKS_URL"), clock), clock);
    }

    @Singleton
    CognitoHostedUi cognitoHostedUi() {
        return new CognitoHostedUi(Settings.optional("STAFF_AUTH_DOMAIN", ""), Settings.required("STAFF_TOKEN_AUDIENCE"),
                Settings.required("STAFF_SITE_URL") + "/staff/callback");
    }

    @Singleton
    StaffAudit staffAudit(DynamoAuditTrail trail, Clock clock) {
        return new StaffAudit(trail, clock);
    }
}
