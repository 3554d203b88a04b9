package org.involve.local;

import java.time.Clock;
import java.time.Instant;
import org.involve.adapters.HttpJwks;
import org.involve.adapters.IdTokenVerifier;
import org.involve.core.staff.EndedSessions;
import org.involve.handlers.StaffSessionAuthorizer;

/**
 * The real StaffSessionAuthorizer, built from this test's settings rather than the JVM-wide Micronaut context (which
 * another test in the same JVM may have built for another port).
 */
public class TestSessionAuthorizer extends StaffSessionAuthorizer {
    public TestSessionAuthorizer() {
        super(
                new IdTokenVerifier(
                        System.getProperty("test.STAFF_TOKEN_ISSUER"),
                        LocalIdentity.AUDIENCE,
                        new HttpJwks(System.getProperty("test.STAFF_JWKS_URL"), Clock.systemUTC()),
                        Clock.systemUTC()),
                new NoSignOuts());
    }

    /** These tests never sign out; sign-out itself is tested in the handlers' StaffSignInEventsTest. */
    private static final class NoSignOuts implements EndedSessions {
        @Override
        public void end(String sessionId, Instant tokenExpires) {}

        @Override
        public boolean hasEnded(String sessionId) {
            return false;
        }
    }
}
