package org.involve.adapters;

import static org.involve.core.application.Application.Status.INTERVIEW_BOOKED;
import static org.involve.core.application.Application.Status.INVITED_TO_INTERVIEW;
import static org.involve.core.application.Application.Status.NOT_SHORTLISTED;
import static org.involve.core.application.Application.Status.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEnvironmentExtension.class)
class DynamoRoundApplicationsTest {
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore store;
    private final DynamoApplications round;

    DynamoRoundApplicationsTest(AwsEnvironment aws) {
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.store =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.round =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
    }

    private Application submitted(String roleId) {
        return submitted(roleId, Samples.NOW);
    }

    private Application submitted(String roleId, java.time.Instant at) {
        Application s = Samples.application(roleId, Samples.unique("applicant"));
        return store.submit(
                        new Application(
                                s.reference(),
                                roleId,
                                s.applicantKey(),
                                s.status(),
                                s.answers(),
                                at,
                                s.contactMethod(),
                                s.acknowledgement(),
                                s.enteredBy()),
                        List.of(),
                        null)
                .application();
    }

    private static AuditEntry entry(Application a, String what, Application.Status to) {
        return new AuditEntry(
                "staff-1",
                what,
                "application:" + a.reference(),
                Samples.NOW,
                a.status().name(),
                to.name());
    }

    @Test
    void aStepStoresTheStatusFactsAuditEntryAndMessagesTogether() {
        Application a = submitted(Samples.unique("role"));
        OutboxMessage invitation = Samples.message(Samples.NOW);
        AuditEntry entry = entry(a, "invited to interview", INVITED_TO_INTERVIEW);

        assertTrue(
                round.advance(
                        a,
                        INVITED_TO_INTERVIEW,
                        Map.of("interview.invitedAt", "2026-12-01"),
                        entry,
                        List.of(invitation)));

        Application now = round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertEquals(INVITED_TO_INTERVIEW, now.status());
        assertEquals("2026-12-01", now.progress("interview.invitedAt"));
        assertEquals(a.answers(), now.answers());
        assertEquals(now, round.findByReference(a.reference(), Read.CONSISTENT).orElseThrow());
        assertEquals(
                now,
                store.find(a.roleId(), a.applicantKey(), Read.EVENTUAL).orElseThrow(),
                "the public site's store reads the same status");
        assertEquals(List.of(entry), audit.trailOf("application:" + a.reference()));
        assertTrue(outbox.find(invitation.id()).isPresent());
    }

    @Test
    void aStepFromAStatusTheApplicationHasLeftWritesNothing() {
        Application a = submitted(Samples.unique("role"));
        assertTrue(
                round.advance(
                        a,
                        NOT_SHORTLISTED,
                        Map.of(),
                        entry(a, "not invited", NOT_SHORTLISTED),
                        List.of()));
        OutboxMessage late = Samples.message(Samples.NOW);

        boolean moved =
                round.advance(
                        a,
                        INVITED_TO_INTERVIEW,
                        Map.of("x", "y"),
                        entry(a, "invited", INVITED_TO_INTERVIEW),
                        List.of(late));

        assertFalse(moved);
        Application now = round.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertEquals(NOT_SHORTLISTED, now.status());
        assertEquals("", now.progress("x"));
        assertEquals(1, audit.trailOf("application:" + a.reference()).size());
        assertTrue(outbox.find(late.id()).isEmpty());
    }

    @Test
    void factsFromSeparateStepsAreKeptAndTheRoleListsItsApplicationsInOrder() {
        String role = Samples.unique("role");
        Application second = submitted(role, Samples.NOW.plusSeconds(60)),
                first = submitted(role, Samples.NOW);
        assertTrue(
                round.advance(
                        first,
                        INVITED_TO_INTERVIEW,
                        Map.of("interview.invitedAt", "1 Dec"),
                        entry(first, "invited", INVITED_TO_INTERVIEW),
                        List.of()));
        Application invited = round.find(role, first.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertTrue(
                round.advance(
                        invited,
                        INTERVIEW_BOOKED,
                        Map.of("interview.slot", "s1"),
                        entry(invited, "booked", INTERVIEW_BOOKED),
                        List.of()));

        List<Application> all = round.forRole(role);

        assertEquals(
                List.of(first.reference(), second.reference()),
                all.stream().map(Application::reference).toList());
        assertEquals(
                Map.of("interview.invitedAt", "1 Dec", "interview.slot", "s1"),
                all.get(0).progress());
        assertEquals(INTERVIEW_BOOKED, all.get(0).status());
        assertEquals(RECEIVED, all.get(1).status());
    }
}
