package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.impact.ImpactEntry;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Impact entries in the MeetingsTable on DynamoDB Local: each write one transaction with its audit entries and e-mails;
 * a group's entries and its count between two days one query on ByRole; the unsent ones one query on the sparse index
 * that evaluates only them, however many were sent before.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoImpactsTest {
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoImpacts impacts;
    private final DynamoMeetings meetings;
    private final String roleId = Samples.unique("role");
    private int ticks;

    DynamoImpactsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.impacts = new DynamoImpacts(aws.dynamo(), aws.table("MeetingsTable"), outbox, audit);
        this.meetings = new DynamoMeetings(aws.dynamo(), aws.table("MeetingsTable"), outbox, audit);
    }

    private ImpactEntry entry(String role, LocalDate day) {
        return new ImpactEntry(
                Samples.unique("impact"),
                role,
                "",
                day,
                "Letters were hard to read",
                "We rewrote them",
                "staff-1",
                Samples.NOW.plusMillis(++ticks),
                null,
                1);
    }

    private AuditEntry audit(ImpactEntry e, String state) {
        return new AuditEntry(
                "staff-1",
                "record impact entry",
                e.auditRecord(),
                Samples.NOW.plusMillis(++ticks),
                null,
                state);
    }

    private OutboxMessage message(String id) {
        return new OutboxMessage(
                id, Samples.email("pat@example.org"), Samples.NOW, Samples.NOW, 0, "impact-digest");
    }

    @Test
    void anEntryIsStoredOnceWithItsAuditAndChangedOnlyFromTheRevisionSeen() {
        ImpactEntry e = entry(roleId, LocalDate.of(2026, 6, 1));
        assertTrue(impacts.record(e, audit(e, "revision 1")));
        assertFalse(impacts.record(e, audit(e, "again")));
        assertEquals(e, impacts.find(e.id()).orElseThrow());
        assertEquals(1, audit.trailOf(e.auditRecord()).size());

        ImpactEntry changed = e.changed("", "Letters were hard", "We rewrote every letter");
        assertTrue(impacts.change(e, changed, audit(e, "revision 2")));
        // a second change from the first revision (someone else's stale form) writes nothing
        assertFalse(impacts.change(e, e.changed("", "x", "y"), audit(e, "stale")));
        assertEquals(changed, impacts.find(e.id()).orElseThrow());
        assertEquals(2, audit.trailOf(e.auditRecord()).size());
        assertEquals(List.of(changed), impacts.forRole(roleId));
        assertTrue(impacts.find("no-such").isEmpty());
    }

    @Test
    void aGroupsEntriesBetweenTwoDaysAreOneQueryAndTheCountIncludesBothDays() {
        String role = Samples.unique("role");
        List<ImpactEntry> in = new ArrayList<>();
        for (LocalDate day :
                List.of(
                        LocalDate.of(2026, 3, 31),
                        LocalDate.of(2026, 4, 1),
                        LocalDate.of(2026, 9, 9),
                        LocalDate.of(2027, 3, 31),
                        LocalDate.of(2027, 4, 1))) {
            ImpactEntry e = entry(role, day);
            assertTrue(impacts.record(e, audit(e, "revision 1")));
            if (day.getYear() == 2026 && day.getMonthValue() >= 4
                    || day.equals(LocalDate.of(2027, 3, 31))) in.add(e);
        }
        ImpactEntry elsewhere = entry(Samples.unique("role"), LocalDate.of(2026, 9, 9));
        assertTrue(impacts.record(elsewhere, audit(elsewhere, "revision 1")));

        LocalDate from = LocalDate.of(2026, 4, 1), to = LocalDate.of(2027, 3, 31);
        aws.dynamoCalls().clear();
        assertEquals(in, impacts.between(role, from, to));
        assertEquals(3, impacts.countBetween(role, from, to));
        assertEquals(
                List.of(
                        new RecordedCalls.Call("Query", DynamoImpacts.BY_ROLE, 3),
                        new RecordedCalls.Call("Query", DynamoImpacts.BY_ROLE, 3)),
                aws.dynamoCalls().calls());
        assertEquals(
                0,
                impacts.countBetween(role, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31)));
        assertEquals(5, impacts.forRole(role).size());
        assertEquals(LocalDate.of(2027, 4, 1), impacts.forRole(role).get(0).day());
    }

    @Test
    void sendingReadsOnlyTheUnsentAmongManySentAndMarksThemSentOnce() {
        String role = Samples.unique("role");
        for (int i = 0; i < 20; i++) {
            ImpactEntry e = entry(role, LocalDate.of(2026, 5, 1).plusDays(i));
            assertTrue(impacts.record(e, audit(e, "revision 1")));
            assertTrue(
                    impacts.sent(
                            List.of(e.sentOn(LocalDate.of(2026, 5, 30))),
                            List.of(audit(e, "sent")),
                            List.of()));
        }
        ImpactEntry a = entry(role, LocalDate.of(2026, 6, 1)),
                b = entry(role, LocalDate.of(2026, 6, 2));
        for (ImpactEntry e : List.of(a, b)) assertTrue(impacts.record(e, audit(e, "revision 1")));

        aws.dynamoCalls().clear();
        assertEquals(List.of(a, b), impacts.unsent(role));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoImpacts.UNSENT, 2)),
                aws.dynamoCalls().calls());

        LocalDate today = LocalDate.of(2026, 6, 3);
        String digest = Samples.unique("impact-digest");
        assertTrue(
                impacts.sent(
                        List.of(a.sentOn(today), b.sentOn(today)),
                        List.of(audit(a, "sent"), audit(b, "sent")),
                        List.of(message(digest))));
        assertTrue(outbox.find(digest).isPresent());
        assertEquals(List.of(), impacts.unsent(role));
        assertEquals(today, impacts.find(a.id()).orElseThrow().sentOn());
        assertEquals(2, audit.trailOf(b.auditRecord()).size());

        // the same send again (a second press that read before the first wrote) writes nothing at
        // all
        String again = Samples.unique("impact-digest");
        assertFalse(
                impacts.sent(
                        List.of(a.sentOn(today)),
                        List.of(audit(a, "sent again")),
                        List.of(message(again))));
        assertFalse(outbox.find(again).isPresent());
        assertEquals(2, audit.trailOf(a.auditRecord()).size());

        // an entry changed after the send read it is not marked sent, and nothing of that send is
        // written
        ImpactEntry c = entry(role, LocalDate.of(2026, 6, 4)),
                d = entry(role, LocalDate.of(2026, 6, 4));
        for (ImpactEntry e : List.of(c, d)) assertTrue(impacts.record(e, audit(e, "revision 1")));
        assertTrue(impacts.change(c, c.changed("", "c", "changed"), audit(c, "revision 2")));
        assertFalse(
                impacts.sent(
                        List.of(c.sentOn(today), d.sentOn(today)),
                        List.of(audit(c, "sent"), audit(d, "sent")),
                        List.of()));
        assertEquals(2, impacts.unsent(role).size());
        // meetings of the group are not mistaken for entries, nor entries for meetings
        assertEquals(List.of(), meetings.forRole(role));
    }
}
