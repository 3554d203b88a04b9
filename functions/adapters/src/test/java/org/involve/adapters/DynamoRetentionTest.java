package org.involve.adapters;

import static org.involve.adapters.internal.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Email;
import org.involve.core.kit.Read;
import org.involve.core.kit.Retention;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.meetings.Meeting;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.retention.RetentionJob;
import org.involve.core.retention.RetentionRecords.EmailClock;
import org.involve.core.shortlisting.AnonymousIds;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.TenureReview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The retention job on DynamoDB Local: it deletes exactly what is due (an application that ended without a place, with
 * its reference requests, booked slot and shortlisting paper, scores and conflicts; a sent e-mail's text), each with its
 * audit entry, across the GMT/BST change, reading only what is due among many records that are not. Each test keeps to
 * its own era of start days (other tests' steps start clocks today), so the shared indexes hold nothing due for another.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoRetentionTest {
    private static final String KEY = "a test key of at least thirty-two characters";
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore store;
    private final DynamoRetention retention;
    private final AnonymousIds ids = new AnonymousIds(KEY);
    private final String roleId = Samples.unique("role");
    private int entries;

    DynamoRetentionTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.store =
                new DynamoApplicationStore(
                        aws.dynamo(), aws.table("ApplicationsTable"), outbox, drafts());
        this.retention =
                new DynamoRetention(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        aws.table("ReferencesTable"),
                        aws.table("InterviewSlotsTable"),
                        aws.table("ShortlistingTable"),
                        aws.table("PartnersTable"),
                        aws.table("OutboxTable"),
                        aws.table("MeetingsTable"),
                        audit);
    }

    private DynamoDraftStore drafts() {
        return new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable"));
    }

    /** The round's steps as taken at {@code at}. */
    private DynamoApplications stepsAt(Instant at) {
        return new DynamoApplications(
                aws.dynamo(),
                aws.table("ApplicationsTable"),
                outbox,
                () -> audit,
                drafts(),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    private Application submitted() {
        return store.submit(
                        Samples.application(roleId, Samples.unique("applicant")), List.of(), null)
                .application();
    }

    private AuditEntry entry(Application a, Status to) {
        return new AuditEntry(
                "staff-1",
                "step",
                "application:" + a.reference(),
                Samples.NOW.plusMillis(++entries),
                a.status().name(),
                to.name());
    }

    /** An application taken to {@code to} at {@code at}, with {@code facts}. */
    private Application stepped(Status to, Instant at, Map<String, String> facts) {
        Application a = submitted();
        assertTrue(stepsAt(at).advance(a, to, facts, entry(a, to), List.of()));
        return stepsAt(at).find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    private void put(String table, Map<String, AttributeValue> item) {
        aws.dynamo().putItem(r -> r.tableName(aws.table(table)).item(item));
    }

    private boolean exists(String table, Map<String, AttributeValue> key) {
        var item =
                aws.dynamo()
                        .getItem(r -> r.tableName(aws.table(table)).key(key).consistentRead(true))
                        .item();
        return item != null && !item.isEmpty();
    }

    private static Map<String, AttributeValue> key(String... nameValue) {
        Map<String, AttributeValue> k = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) k.put(nameValue[i], s(nameValue[i + 1]));
        return k;
    }

    private DynamoApplicationCounts counts() {
        return new DynamoApplicationCounts(aws.dynamo(), aws.table("ApplicationsTable"));
    }

    private RetentionJob job() {
        return new RetentionJob(retention, Retention.DEFAULTS, ids);
    }

    @Test
    void aDueApplicationGoesWithWhatBelongsToItAndNothingElse() {
        Instant outcome = Instant.parse("1981-05-06T10:00:00Z");
        String request1 = Samples.unique("req"), request2 = Samples.unique("req");
        Application due =
                stepped(
                        Status.NOT_APPOINTED,
                        outcome,
                        Map.of(
                                "references.1.request", request1,
                                "references.2.request", request2,
                                "interview.slot", "1981-04-01T10:00"));
        Application other = stepped(Status.APPOINTED, outcome, Map.of());
        String anon = ids.of(roleId, due.reference()),
                otherAnon = ids.of(roleId, other.reference());
        for (String r : List.of(request1, request2))
            put("ReferencesTable", Map.of("requestId", s(r), "data", s("{\"referee\":\"Jo\"}")));
        put(
                "InterviewSlotsTable",
                Map.of(
                        "roleId", s(roleId),
                        "slotId", s("1981-04-01T10:00"),
                        "bookedBy", s(due.reference())));
        put(
                "InterviewSlotsTable",
                Map.of(
                        "roleId", s(roleId),
                        "slotId", s("1981-04-01T11:00"),
                        "bookedBy", s(other.reference())));
        for (String item :
                List.of(
                        "paper#" + anon,
                        "score#" + anon + "#c1#pm1",
                        "score#" + anon + "#c2#pm1",
                        "conflict#" + anon + "#pm2",
                        "paper#" + otherAnon,
                        "score#" + otherAnon + "#c1#pm1",
                        "decision"))
            put("ShortlistingTable", Map.of("roleId", s(roleId), "itemKey", s(item)));

        // A year after 6 May 1981 is 6 May 1982: not on the 5th.
        assertEquals(0, job().run(Instant.parse("1982-05-05T02:00:00Z")).applications());
        assertEquals(2, counts().of(roleId));
        assertEquals(1, job().run(Instant.parse("1982-05-06T02:00:00Z")).applications());
        assertEquals(1, counts().of(roleId), "the role's count goes down with the deletion");

        assertFalse(
                exists(
                        "ApplicationsTable",
                        DynamoApplicationStore.key(roleId, due.applicantKey())));
        assertFalse(exists("ReferencesTable", key("requestId", request1)));
        assertFalse(exists("ReferencesTable", key("requestId", request2)));
        assertFalse(
                exists("InterviewSlotsTable", key("roleId", roleId, "slotId", "1981-04-01T10:00")));
        for (String item :
                List.of(
                        "paper#" + anon,
                        "score#" + anon + "#c1#pm1",
                        "score#" + anon + "#c2#pm1",
                        "conflict#" + anon + "#pm2"))
            assertFalse(exists("ShortlistingTable", key("roleId", roleId, "itemKey", item)), item);
        // Everything else stays: the appointed applicant, their slot, paper and score, and the
        // role's decision.
        assertTrue(
                exists(
                        "ApplicationsTable",
                        DynamoApplicationStore.key(roleId, other.applicantKey())));
        assertTrue(
                exists("InterviewSlotsTable", key("roleId", roleId, "slotId", "1981-04-01T11:00")));
        for (String item :
                List.of("paper#" + otherAnon, "score#" + otherAnon + "#c1#pm1", "decision"))
            assertTrue(exists("ShortlistingTable", key("roleId", roleId, "itemKey", item)), item);

        AuditEntry deleted =
                audit.trailOf("application:" + due.reference()).stream()
                        .filter(e -> e.who().equals("scheduler:retention"))
                        .findFirst()
                        .orElseThrow();
        assertEquals("delete after the unsuccessful retention period", deleted.what());
        assertEquals("NOT_APPOINTED", deleted.fromState());
        assertEquals("DELETED", deleted.toState());

        // Again, or a day late: nothing more, and nothing else goes.
        assertEquals(0, job().run(Instant.parse("1982-05-07T02:00:00Z")).applications());
        assertEquals(1, counts().of(roleId));
        assertTrue(
                exists(
                        "ApplicationsTable",
                        DynamoApplicationStore.key(roleId, other.applicantKey())));
    }

    /**
     * Many applications not due (later outcomes, successful ones, ones still in the round) around 3 due, told either
     * side of the clocks going forward on 29 March 1992: one query on the retention index, evaluating only the 3.
     */
    @Test
    void theJobReadsOnlyWhatIsDueAcrossTheChangeToBst() {
        // 00:30 BST on 30 March 1992 is 23:30 UTC on the 29th: its clock starts on the 30th.
        Instant justAfterMidnightBst = Instant.parse("1992-03-29T23:30:00Z");
        List<Application> due =
                List.of(
                        stepped(
                                Status.NOT_SHORTLISTED,
                                Instant.parse("1992-03-28T12:00:00Z"),
                                Map.of()),
                        stepped(Status.WITHDRAWN, Instant.parse("1992-03-29T00:30:00Z"), Map.of()),
                        stepped(
                                Status.DID_NOT_ATTEND,
                                Instant.parse("1992-03-29T22:59:00Z"),
                                Map.of()));
        List<Application> notDue = new ArrayList<>();
        notDue.add(stepped(Status.NOT_SHORTLISTED, justAfterMidnightBst, Map.of()));
        for (int i = 1; i <= 20; i++)
            notDue.add(
                    stepped(
                            Status.NOT_APPOINTED,
                            Instant.parse("1992-03-30T10:00:00Z").plusSeconds(86_400L * i),
                            Map.of()));
        for (int i = 0; i < 20; i++) {
            notDue.add(stepped(Status.APPOINTED, Instant.parse("1992-01-01T10:00:00Z"), Map.of()));
            notDue.add(submitted());
        }

        aws.dynamoCalls().clear();
        // 29 March 1993 UK time: a year after the 29th, not yet a year after the 30th.
        LocalDate last =
                Retention.DEFAULTS.lastStartDayDue(
                        Retention.Kind.UNSUCCESSFUL, LocalDate.of(1993, 3, 29));
        List<Application> found = retention.applicationsDue(last, 500);
        assertEquals(
                due.stream().map(Application::reference).collect(Collectors.toSet()),
                found.stream().map(Application::reference).collect(Collectors.toSet()));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoRetention.INDEX, 3)),
                aws.dynamoCalls().calls());

        assertEquals(3, job().run(Instant.parse("1993-03-29T02:00:00Z")).applications());
        for (Application a : due)
            assertFalse(
                    exists(
                            "ApplicationsTable",
                            DynamoApplicationStore.key(roleId, a.applicantKey())));
        for (Application a : notDue)
            assertTrue(
                    exists(
                            "ApplicationsTable",
                            DynamoApplicationStore.key(roleId, a.applicantKey())));

        // The next UK day (the 30th, BST): the one told at 00:30 BST goes, the rest stay.
        assertEquals(1, job().run(Instant.parse("1993-03-30T02:00:00Z")).applications());
        assertFalse(
                exists(
                        "ApplicationsTable",
                        DynamoApplicationStore.key(roleId, notDue.get(0).applicantKey())));
        assertEquals(
                notDue.size() - 1,
                notDue.stream()
                        .filter(
                                a ->
                                        exists(
                                                "ApplicationsTable",
                                                DynamoApplicationStore.key(
                                                        roleId, a.applicantKey())))
                        .count());
    }

    @Test
    void tellingTheApplicantLaterStartsTheClockAgain() {
        Application a =
                stepped(Status.NOT_SHORTLISTED, Instant.parse("1984-02-01T10:00:00Z"), Map.of());
        // Told a month later (the outcome e-mail): a step on the same status, from its own day.
        assertTrue(
                stepsAt(Instant.parse("1984-03-01T10:00:00Z"))
                        .advance(
                                a,
                                Status.NOT_SHORTLISTED,
                                Map.of("outcome", "unsuccessful"),
                                entry(a, Status.NOT_SHORTLISTED),
                                List.of()));
        assertEquals(0, job().run(Instant.parse("1985-02-15T02:00:00Z")).applications());
        // Read before it was told, deleted after: the condition keeps it.
        assertFalse(
                retention.delete(
                        org.involve.core.retention.RetentionRecords.Remains.of(a, ids),
                        LocalDate.of(1984, 2, 1),
                        new AuditEntry(
                                "scheduler:retention",
                                "delete",
                                "application:" + a.reference(),
                                Samples.NOW,
                                "NOT_SHORTLISTED",
                                "DELETED")));
        assertTrue(
                exists("ApplicationsTable", DynamoApplicationStore.key(roleId, a.applicantKey())));
        assertEquals(1, job().run(Instant.parse("1985-03-01T02:00:00Z")).applications());
    }

    /**
     * A role withdrawn while its applications were still being considered: each applicant is told there will be no
     * place (an unsuccessful outcome written on the application as it stands, RECEIVED here), and no later step moves
     * it. That outcome starts the clock, so the application goes the period later like any other without a place.
     */
    @Test
    void anApplicantToldTheirRoleWasWithdrawnGoesThePeriodAfterBeingTold() {
        Application a = submitted();
        Instant told = Instant.parse("1984-05-10T10:00:00Z");
        assertTrue(
                stepsAt(told)
                        .recordOnce(
                                a,
                                "outcome",
                                Map.of(
                                        "outcome",
                                        "unsuccessful",
                                        "outcome.by",
                                        "email",
                                        "outcome.sentAt",
                                        told.toString()),
                                entry(a, Status.RECEIVED),
                                List.of()));
        assertEquals(0, job().run(Instant.parse("1985-05-09T02:00:00Z")).applications());
        assertTrue(
                exists("ApplicationsTable", DynamoApplicationStore.key(roleId, a.applicantKey())));
        assertEquals(1, job().run(Instant.parse("1985-05-10T02:00:00Z")).applications());
        assertFalse(
                exists("ApplicationsTable", DynamoApplicationStore.key(roleId, a.applicantKey())));
    }

    @Test
    void aSentEmailKeepsThatItWasSentButNotItsTextAfterThePeriod() {
        String sentInBst = Samples.unique("ack"),
                sentLater = Samples.unique("ack"),
                unsent = Samples.unique("ack");
        for (String id : List.of(sentInBst, sentLater, unsent))
            outbox.addOnce(
                    new OutboxMessage(
                            id,
                            Samples.email("alex@example.org"),
                            Samples.NOW,
                            Samples.NOW,
                            0,
                            "acknowledgement"));
        // 00:30 BST on 1 July 1975 (23:30 UTC on 30 June): its clock starts on 1 July.
        outbox.markSent(sentInBst, Instant.parse("1975-06-30T23:30:00Z"), "ses-1");
        outbox.markSent(sentLater, Instant.parse("1975-07-02T09:00:00Z"), "ses-2");

        aws.dynamoCalls().clear();
        assertEquals(
                List.of(), retention.emailsDue(EmailClock.SENT, LocalDate.of(1975, 6, 30), 500));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoRetention.INDEX, 0)),
                aws.dynamoCalls().calls());
        assertEquals(0, job().run(Instant.parse("1975-07-30T02:00:00Z")).emailBodies());
        assertEquals(1, job().run(Instant.parse("1975-07-31T02:00:00Z")).emailBodies());

        var stripped =
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("OutboxTable"))
                                                .key(key("messageId", sentInBst))
                                                .consistentRead(true))
                        .item();
        for (String gone : List.of("to", "subject", "html", "text", "retention", "retentionFrom"))
            assertNull(stripped.get(gone), gone);
        assertEquals("SENT", stripped.get("status").s());
        assertEquals("acknowledgement", stripped.get("purpose").s());
        assertTrue(stripped.containsKey("sentAt"));
        assertTrue(stripped.containsKey("bodyRemovedAt"));
        assertFalse(stripped.toString().contains("alex@example.org"));
        // Nothing is left to send or show.
        assertTrue(outbox.find(sentInBst).isEmpty());
        assertTrue(outbox.tracked(sentInBst).orElseThrow().textDeleted());
        assertTrue(outbox.find(sentLater).isPresent());
        assertTrue(outbox.find(unsent).isPresent());
        assertEquals(
                Set.of("mail:" + sentInBst),
                audit.trailOf("mail:" + sentInBst).stream()
                        .map(AuditEntry::record)
                        .collect(Collectors.toSet()));

        assertEquals(0, job().run(Instant.parse("1975-07-31T02:00:00Z")).emailBodies());
        assertEquals(1, job().run(Instant.parse("1975-08-01T02:00:00Z")).emailBodies());
    }

    /**
     * An e-mail that failed (or may not have gone) and that nobody dealt with loses its text, subject and address the
     * sent-e-mail period after the UK day it was set aside, as a sent one does; it stays on the problems list, saying
     * so, until staff take it off, and can no longer be sent again or marked sent. Sending one again stops its clock;
     * sending it starts the sent clock. Era 1976.
     */
    @Test
    void anEmailSetAsideUnsentLosesItsTextThePeriodAfterTheDayItWasSetAside() {
        DynamoOutbox staffs =
                new DynamoOutbox(
                        aws.dynamo(),
                        aws.table("OutboxTable"),
                        aws.table("ApplicationsTable"),
                        new Announcements(),
                        warning -> {},
                        () -> audit);
        String failedInBst = Samples.unique("outcome"),
                unsure = Samples.unique("ack"),
                sentAgain = Samples.unique("ack");
        for (String id : List.of(failedInBst, unsure, sentAgain))
            staffs.addOnce(
                    new OutboxMessage(
                            id,
                            Samples.email("alex@example.org"),
                            Samples.NOW,
                            Instant.parse("1976-01-01T00:00:00Z"),
                            0,
                            "acknowledgement"));
        // 00:30 BST on 1 July 1976 (23:30 UTC on 30 June): its clock starts on 1 July.
        staffs.fail(
                failedInBst,
                org.involve.core.outbox.MailSender.Problem.MESSAGE_REJECTED,
                "MessageRejected",
                Instant.parse("1976-06-30T23:30:00Z"));
        assertEquals("SET_ASIDE", item(failedInBst).get("retention").s());
        assertEquals("1976-07-01", item(failedInBst).get("retentionFrom").s());
        Instant claimed = Instant.parse("1976-07-02T09:00:00Z");
        assertTrue(staffs.claim(unsure, claimed, claimed.plusSeconds(120)));
        staffs.needsChecking(
                unsure,
                org.involve.core.outbox.MailSender.Problem.NO_ANSWER,
                "no answer",
                claimed.plusSeconds(60));
        assertEquals("1976-07-02", item(unsure).get("retentionFrom").s());
        // Failed, then sent again by staff (the clock stops), then sent: the sent clock, from that
        // day.
        staffs.fail(
                sentAgain,
                org.involve.core.outbox.MailSender.Problem.MESSAGE_REJECTED,
                "MessageRejected",
                Instant.parse("1976-06-01T10:00:00Z"));
        assertTrue(
                staffs.sendAgain(
                        sentAgain,
                        Instant.parse("1976-06-02T10:00:00Z"),
                        AuditEntry.byJob(
                                "test",
                                "e-mail sent again",
                                "mail:" + sentAgain,
                                Instant.parse("1976-06-02T10:00:00Z"),
                                "FAILED",
                                "PENDING")));
        assertNull(item(sentAgain).get("retention"), "no clock while it waits to go again");
        assertNull(item(sentAgain).get("retentionFrom"));
        Instant sentAt = Instant.parse("1976-07-05T10:00:00Z");
        assertTrue(staffs.claim(sentAgain, sentAt, sentAt.plusSeconds(120)));
        staffs.markSent(sentAgain, sentAt, "ses-1");
        assertEquals("SENT", item(sentAgain).get("retention").s());
        assertEquals("1976-07-05", item(sentAgain).get("retentionFrom").s());

        aws.dynamoCalls().clear();
        assertEquals(
                List.of(),
                retention.emailsDue(EmailClock.SET_ASIDE, LocalDate.of(1976, 6, 30), 500));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoRetention.INDEX, 0)),
                aws.dynamoCalls().calls(),
                "one query of the index, reading nothing not due");
        assertEquals(0, job().run(Instant.parse("1976-07-30T02:00:00Z")).emailBodies());
        assertEquals(1, job().run(Instant.parse("1976-07-31T02:00:00Z")).emailBodies());

        var stripped = item(failedInBst);
        for (String gone : List.of("to", "subject", "html", "text", "retention", "retentionFrom"))
            assertNull(stripped.get(gone), gone);
        assertEquals("FAILED", stripped.get("status").s());
        assertEquals("acknowledgement", stripped.get("purpose").s());
        assertTrue(stripped.containsKey("bodyRemovedAt"));
        assertEquals("TROUBLE", stripped.get("trouble").s(), "still on the problems list");
        assertFalse(stripped.toString().contains("alex@example.org"));
        assertTrue(staffs.find(failedInBst).isEmpty(), "nothing left to send");
        var tracked = staffs.tracked(failedInBst).orElseThrow();
        assertTrue(tracked.textDeleted());
        assertNull(tracked.message().email());
        assertEquals(
                List.of("SET ASIDE, TEXT REMOVED"),
                audit.trailOf("mail:" + failedInBst).stream().map(AuditEntry::toState).toList());

        // Staff can no longer send it again or mark it passed on; they take it off the list, once.
        Instant later = Instant.parse("1976-08-01T10:00:00Z");
        assertFalse(staffs.sendAgain(failedInBst, later, staffEntry(failedInBst, 1)));
        assertFalse(staffs.confirmSent(failedInBst, later, staffEntry(failedInBst, 2)));
        assertEquals("FAILED", item(failedInBst).get("status").s());
        assertFalse(staffs.removeFromList(unsure, staffEntry(unsure, 3)), "its text is kept");
        assertTrue(staffs.removeFromList(failedInBst, staffEntry(failedInBst, 4)));
        assertFalse(staffs.removeFromList(failedInBst, staffEntry(failedInBst, 5)), "once");
        assertNull(item(failedInBst).get("trouble"));
        assertEquals("FAILED", item(failedInBst).get("status").s());

        // The unsure one a day later; the one sent after being sent again by its sent clock.
        assertEquals(1, job().run(Instant.parse("1976-08-02T02:00:00Z")).emailBodies());
        assertTrue(staffs.tracked(unsure).orElseThrow().textDeleted());
        assertTrue(staffs.find(sentAgain).isPresent());
        assertEquals(1, job().run(Instant.parse("1976-08-04T02:00:00Z")).emailBodies());
        assertTrue(staffs.find(sentAgain).isEmpty());
        assertTrue(
                audit.trailOf("mail:" + sentAgain).stream()
                        .anyMatch(e -> e.toState().equals("SENT, TEXT REMOVED")));
        assertEquals(0, job().run(Instant.parse("1976-08-04T02:00:00Z")).emailBodies());
        assertTrue(staffs.removeFromList(unsure, staffEntry(unsure, 6)));
    }

    /** A staff member's entry about a message, the {@code n}th (each entry is written once). */
    private static AuditEntry staffEntry(String messageId, int n) {
        return new AuditEntry(
                "staff-1",
                "staff action " + n,
                "mail:" + messageId,
                Instant.parse("1976-08-01T10:00:00Z").plusSeconds(n),
                "FAILED",
                "FAILED, OFF THE LIST");
    }

    private Map<String, AttributeValue> item(String messageId) {
        return aws.dynamo()
                .getItem(
                        r ->
                                r.tableName(aws.table("OutboxTable"))
                                        .key(key("messageId", messageId))
                                        .consistentRead(true))
                .item();
    }

    private AuditEntry entry(Appointment p, String what) {
        return new AuditEntry(
                "staff-1",
                what,
                "appointment:" + p.id(),
                Samples.NOW.plusMillis(++entries),
                "ACTIVE",
                what);
    }

    /** An application at REFERENCES_RECEIVED, appointed (ACTIVE), then changed to {@code status} at {@code at}. */
    private Appointment partner(PartnerStatus status, Instant at, Map<String, String> facts) {
        DynamoApplications steps = stepsAt(at);
        Application a = submitted();
        assertTrue(
                steps.advance(
                        a,
                        Status.REFERENCES_RECEIVED,
                        facts,
                        entry(a, Status.REFERENCES_RECEIVED),
                        List.of()));
        a = steps.find(a.roleId(), a.applicantKey(), Read.CONSISTENT).orElseThrow();
        DynamoPartnerRecords records =
                new DynamoPartnerRecords(
                        aws.dynamo(), aws.table("PartnersTable"), steps, outbox, audit);
        Appointment active =
                new Appointment(
                        Appointment.idFor(a.reference()),
                        a.roleId(),
                        a.reference(),
                        a.applicantKey(),
                        at,
                        LocalDate.of(1975, 1, 1),
                        LocalDate.of(1977, 1, 1),
                        null,
                        LocalDate.of(1979, 1, 1),
                        0,
                        PaymentChoice.ACCEPTED,
                        false,
                        PartnerStatus.ACTIVE);
        assertTrue(records.appoint(a, active, Map.of(), List.of(), List.of()));
        if (status == PartnerStatus.ACTIVE) return active;
        Partner before = records.partner(active.id()).orElseThrow().partner().orElseThrow();
        Appointment changed =
                new Appointment(
                        active.id(),
                        active.roleId(),
                        active.applicationReference(),
                        active.personKey(),
                        active.appointedAt(),
                        active.start(),
                        active.termEnds(),
                        active.reviewDate(),
                        active.latestEnd(),
                        0,
                        PaymentChoice.ACCEPTED,
                        false,
                        status);
        AuditEntry retired =
                new AuditEntry(
                        "partner",
                        "retired",
                        "appointment:" + active.id(),
                        at,
                        "ACTIVE",
                        status.name());
        assertTrue(
                records.change(
                        before,
                        new Partner(changed, before.involvement()),
                        List.of(retired),
                        List.of()));
        return changed;
    }

    /**
     * A partner who retired at 00:30 BST on 1 June 1977 goes on 1 June 1980 (not the day before) with the application
     * that led to it and its reference requests; the query reads only what is due among many partners that are not.
     */
    @Test
    void aPartnerGoesThreeYearsAfterTheirInvolvementEndedReadingOnlyWhatIsDue() {
        String request = Samples.unique("req");
        Appointment retired =
                partner(
                        PartnerStatus.RETIRED,
                        Instant.parse("1977-05-31T23:30:00Z"),
                        Map.of("references.1.request", request));
        put("ReferencesTable", Map.of("requestId", s(request), "data", s("{}")));
        List<Appointment> notDue = new ArrayList<>();
        // Two meetings of the role; the retired partner and one who stays attended both, and the
        // retired one was flagged once.
        Appointment stays =
                partner(PartnerStatus.ACTIVE, Instant.parse("1977-01-01T10:00:00Z"), Map.of());
        notDue.add(stays);
        DynamoMeetings meetings =
                new DynamoMeetings(aws.dynamo(), aws.table("MeetingsTable"), outbox, audit);
        List<Meeting> held = new ArrayList<>();
        for (int m = 0; m < 2; m++) {
            Meeting meeting =
                    Meeting.planned(
                            Samples.unique("m"),
                            roleId,
                            LocalDate.of(1977, 3, 1 + m),
                            LocalTime.of(18, 30),
                            60,
                            "Room 2",
                            "",
                            "",
                            null,
                            List.of(retired.id(), stays.id()),
                            "staff-1",
                            Samples.NOW);
            assertTrue(meetings.plan(meeting, entry(retired, "planned"), List.of()));
            held.add(meeting);
            for (Appointment who : List.of(retired, stays))
                assertTrue(
                        meetings.record(
                                null,
                                new Attendance(
                                        meeting.id(),
                                        who.id(),
                                        roleId,
                                        meeting.date(),
                                        AttendanceMark.ATTENDED,
                                        60,
                                        "staff-1",
                                        Samples.NOW,
                                        1),
                                entry(who, "attended")));
        }
        assertTrue(
                meetings.flag(
                        new AttendanceFlag(retired.id(), roleId, "1977-04", 0, 0, 2, Samples.NOW),
                        entry(retired, "flagged"),
                        new OutboxMessage(
                                Samples.unique("flag"),
                                new Email("team@example.org", "A flag", "<p>A flag</p>", "A flag"),
                                Samples.NOW,
                                Samples.NOW.plusSeconds(3600),
                                0,
                                "attendance-flag")));
        // Each has a yearly check-in (free text about them) and a review of their time in the role.
        DynamoCheckIns checkIns =
                new DynamoCheckIns(aws.dynamo(), aws.table("PartnersTable"), outbox, audit);
        DynamoTenureReviews reviews =
                new DynamoTenureReviews(
                        aws.dynamo(),
                        aws.table("PartnersTable"),
                        new DynamoPartnerRecords(
                                aws.dynamo(),
                                aws.table("PartnersTable"),
                                stepsAt(Samples.NOW),
                                outbox,
                                audit),
                        outbox,
                        audit);
        for (Appointment who : List.of(retired, stays)) {
            assertTrue(
                    checkIns.save(
                            null,
                            CheckIn.asked(
                                            who.id(),
                                            roleId,
                                            1976,
                                            LocalDate.of(1976, 1, 1),
                                            LocalDate.of(1976, 1, 1),
                                            true)
                                    .recorded("Going well", "staff-1", LocalDate.of(1976, 1, 5)),
                            List.of(entry(who, "checked in")),
                            List.of()));
            assertTrue(
                    reviews.save(
                            null,
                            TenureReview.asked(
                                    who.id(), roleId, who.termEnds(), LocalDate.of(1976, 10, 1)),
                            null,
                            null,
                            List.of(entry(who, "review asked")),
                            List.of()));
        }
        for (int i = 0; i < 10; i++) {
            notDue.add(
                    partner(PartnerStatus.ACTIVE, Instant.parse("1977-01-01T10:00:00Z"), Map.of()));
            notDue.add(
                    partner(
                            PartnerStatus.ENDED,
                            Instant.parse("1977-06-01T23:30:00Z").plusSeconds(86_400L * i),
                            Map.of()));
        }

        aws.dynamoCalls().clear();
        LocalDate last =
                Retention.DEFAULTS.lastStartDayDue(
                        Retention.Kind.PARTNERS, LocalDate.of(1980, 6, 1));
        assertEquals(
                List.of(retired.id()),
                retention.partnersDue(last, 500).stream().map(Appointment::id).toList());
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoRetention.INDEX, 1)),
                aws.dynamoCalls().calls());

        assertEquals(0, job().run(Instant.parse("1980-05-31T02:00:00Z")).partners());
        int before = counts().of(roleId);
        assertEquals(1, job().run(Instant.parse("1980-06-01T02:00:00Z")).partners());
        assertEquals(before - 1, counts().of(roleId), "the partner's application, and its count");
        assertFalse(exists("PartnersTable", key("appointmentId", retired.id())));
        assertFalse(
                exists(
                        "ApplicationsTable",
                        DynamoApplicationStore.key(roleId, retired.personKey())));
        assertFalse(exists("ReferencesTable", key("requestId", request)));
        // Their check-in and tenure review went with the record; the other partner's stay.
        assertFalse(
                exists("PartnersTable", key("appointmentId", "checkin#" + retired.id() + "#1976")));
        assertFalse(
                exists(
                        "PartnersTable",
                        key(
                                "appointmentId",
                                "tenure-review#" + retired.id() + "#" + retired.termEnds())));
        assertTrue(
                exists("PartnersTable", key("appointmentId", "checkin#" + stays.id() + "#1976")));
        assertTrue(
                exists(
                        "PartnersTable",
                        key(
                                "appointmentId",
                                "tenure-review#" + stays.id() + "#" + stays.termEnds())));
        // Their attendance marks and flag went; the meetings and the other partner's marks stay.
        for (Meeting m : held) {
            assertFalse(
                    exists(
                            "MeetingsTable",
                            key("pk", "meeting#" + m.id(), "sk", "attendance#" + retired.id())));
            assertTrue(
                    exists(
                            "MeetingsTable",
                            key("pk", "meeting#" + m.id(), "sk", "attendance#" + stays.id())));
            assertTrue(meetings.find(m.id()).isPresent());
        }
        assertTrue(
                aws.dynamo()
                        .query(
                                r ->
                                        r.tableName(aws.table("MeetingsTable"))
                                                .keyConditionExpression("pk = :p")
                                                .expressionAttributeValues(
                                                        Map.of(":p", s("flag#" + retired.id())))
                                                .consistentRead(true))
                        .items()
                        .isEmpty());
        for (Appointment p : notDue) {
            assertTrue(exists("PartnersTable", key("appointmentId", p.id())));
            assertTrue(
                    exists("ApplicationsTable", DynamoApplicationStore.key(roleId, p.personKey())));
        }
        assertTrue(
                audit.trailOf("appointment:" + retired.id()).stream()
                        .anyMatch(
                                e ->
                                        e.who().equals("scheduler:retention")
                                                && e.toState().equals("DELETED")));
        assertEquals(0, job().run(Instant.parse("1980-06-01T02:00:00Z")).partners());
    }
}
