package org.involve.adapters;

import static org.involve.core.application.Application.Status.INTERVIEW_BOOKED;
import static org.involve.core.application.Application.Status.INVITED_TO_INTERVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.involve.adapters.internal.Items;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.interviews.InterviewSchedule;
import org.involve.core.interviews.InterviewSchedule.Booked;
import org.involve.core.interviews.InterviewSlot;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Interview slots against DynamoDB Local: conditional booking, a link spent once under a race, and the reminder index. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoInterviewScheduleTest {
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore store;
    private final DynamoApplications round;
    private final DynamoInterviewSchedule schedule;

    DynamoInterviewScheduleTest(AwsEnvironment aws) {
        this.aws = aws;
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
        this.schedule =
                new DynamoInterviewSchedule(
                        aws.dynamo(),
                        aws.table("InterviewSlotsTable"),
                        round,
                        () -> new DynamoUsedLinks(aws.dynamo(), aws.table("UsedLinksTable")),
                        outbox,
                        audit);
    }

    private Application invited(String roleId) {
        Application a =
                store.submit(
                                Samples.application(roleId, Samples.unique("applicant")),
                                List.of(),
                                null)
                        .application();
        assertTrue(
                round.advance(
                        a,
                        INVITED_TO_INTERVIEW,
                        Map.of(),
                        entry(a, "invited", INVITED_TO_INTERVIEW),
                        List.of()));
        return round.find(roleId, a.applicantKey(), Read.CONSISTENT).orElseThrow();
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

    private InterviewSlot slot(String roleId, LocalDateTime ukStart) {
        InterviewSlot s = InterviewSlot.free(roleId, ukStart, 45);
        assertTrue(
                schedule.add(
                        s,
                        new AuditEntry(
                                "staff-1",
                                "slot added",
                                "role:" + roleId,
                                Samples.NOW,
                                null,
                                s.slotId())));
        return s;
    }

    private InterviewSchedule.Booking booking(InterviewSlot s, Application a, String tokenId) {
        OutboxMessage m =
                new OutboxMessage(
                        Samples.unique("interview-booked"),
                        Samples.email("team@example.org"),
                        Samples.NOW,
                        Samples.NOW,
                        0,
                        "interview-booked");
        return new InterviewSchedule.Booking(
                s,
                a,
                tokenId,
                Samples.NOW,
                Map.of("interview.slot", s.slotId(), "interview.adjustments", "Captions"),
                new AuditEntry(
                        "applicant-link",
                        "booked " + Samples.unique("b"),
                        "application:" + a.reference(),
                        Samples.NOW,
                        "INVITED_TO_INTERVIEW",
                        "INTERVIEW_BOOKED"),
                List.of(m));
    }

    @Test
    void slotsAreListedInTimeOrderAddedOnceAndOnlyFreeOnesRemoved() {
        String role = Samples.unique("role");
        InterviewSlot later = slot(role, LocalDateTime.of(2030, 12, 17, 14, 0));
        InterviewSlot earlier = slot(role, LocalDateTime.of(2030, 12, 17, 9, 30));
        assertFalse(
                schedule.add(
                        InterviewSlot.free(role, LocalDateTime.of(2030, 12, 17, 9, 30), 30),
                        new AuditEntry(
                                "staff-1",
                                "slot added again",
                                "role:" + role,
                                Samples.NOW,
                                null,
                                "x")));
        assertEquals(List.of(earlier, later), schedule.forRole(role));
        assertEquals(2, audit.trailOf("role:" + role).size());

        Application a = invited(role);
        assertEquals(Booked.BOOKED, schedule.book(booking(later, a, null)));
        assertFalse(
                schedule.removeFree(
                        later,
                        new AuditEntry(
                                "staff-1",
                                "slot removed",
                                "role:" + role,
                                Samples.NOW,
                                "x",
                                "removed")));
        assertTrue(
                schedule.removeFree(
                        earlier,
                        new AuditEntry(
                                "staff-1",
                                "slot removed",
                                "role:" + role,
                                Samples.NOW,
                                "y",
                                "removed")));
        assertEquals(
                List.of(later.bookedFor(a.reference(), a.applicantKey())), schedule.forRole(role));
    }

    @Test
    void aBookingTakesTheSlotMovesTheApplicationAndWritesItsAuditAndEmailTogether() {
        String role = Samples.unique("role");
        InterviewSlot s = slot(role, LocalDateTime.of(2030, 12, 18, 10, 0));
        Application a = invited(role);
        var b = booking(s, a, Samples.unique("token"));

        assertEquals(Booked.BOOKED, schedule.book(b));

        Application now = round.find(role, a.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertEquals(INTERVIEW_BOOKED, now.status());
        assertEquals("Captions", now.progress("interview.adjustments"));
        assertEquals(a.reference(), schedule.forRole(role).get(0).bookedBy());
        assertTrue(outbox.find(b.messages().get(0).id()).isPresent());
        assertEquals(2, audit.trailOf("application:" + a.reference()).size());
        assertEquals(
                Booked.LINK_USED,
                schedule.book(
                        booking(
                                slot(role, LocalDateTime.of(2030, 12, 18, 11, 0)),
                                now,
                                b.tokenId())));
    }

    @Test
    void releasingFreesTheSlotLeavesTheReminderIndexAndMovesTheApplicationTogether() {
        String role = Samples.unique("role");
        Instant day = Instant.parse("2030-12-19T00:00:00Z");
        InterviewSlot s = slot(role, LocalDateTime.of(2030, 12, 19, 10, 0));
        Application a = invited(role), other = invited(role);
        assertEquals(Booked.BOOKED, schedule.book(booking(s, a, null)));
        Application booked = round.find(role, a.applicantKey(), Read.CONSISTENT).orElseThrow();
        InterviewSlot taken = schedule.forRole(role).get(0);
        assertEquals(1, schedule.awaitingReminder(day, day.plusSeconds(86400)).size());
        OutboxMessage told = Samples.message(Samples.NOW);

        // Not theirs: nothing is written.
        assertFalse(
                schedule.release(
                        taken,
                        round.find(role, other.applicantKey(), Read.CONSISTENT).orElseThrow(),
                        Application.Status.WITHDRAWN,
                        Map.of("withdrawal.how", "link"),
                        entry(other, "withdrawn", Application.Status.WITHDRAWN),
                        List.of()));
        assertTrue(
                schedule.release(
                        taken,
                        booked,
                        Application.Status.WITHDRAWN,
                        Map.of("withdrawal.how", "link"),
                        entry(booked, "withdrawn", Application.Status.WITHDRAWN),
                        List.of(told)));

        InterviewSlot freed = schedule.forRole(role).get(0);
        assertTrue(freed.free());
        assertEquals(null, freed.applicantKey());
        assertEquals(List.of(), schedule.awaitingReminder(day, day.plusSeconds(86400)));
        Application now = round.find(role, a.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertEquals(Application.Status.WITHDRAWN, now.status());
        assertEquals("link", now.progress("withdrawal.how"));
        assertTrue(outbox.find(told.id()).isPresent());
        assertEquals(3, audit.trailOf("application:" + a.reference()).size());
        assertEquals(
                INVITED_TO_INTERVIEW,
                round.find(role, other.applicantKey(), Read.CONSISTENT).orElseThrow().status());
        // Released once: a second time finds it neither booked nor where it was.
        assertFalse(
                schedule.release(
                        taken,
                        booked,
                        Application.Status.WITHDRAWN,
                        Map.of(),
                        entry(booked, "again", Application.Status.WITHDRAWN),
                        List.of()));
        // Free again, so someone else can book it.
        assertEquals(Booked.BOOKED, schedule.book(booking(freed, other, null)));
    }

    /** Submitted and still RECEIVED: the shortlisting step another area owns moves it to INVITED_TO_INTERVIEW. */
    private Application shortlisted(String roleId) {
        Application a =
                store.submit(
                                Samples.application(roleId, Samples.unique("applicant")),
                                List.of(),
                                null)
                        .application();
        assertTrue(
                round.advance(
                        a,
                        INVITED_TO_INTERVIEW,
                        Map.of(),
                        entry(a, "shortlisted", INVITED_TO_INTERVIEW),
                        List.of()));
        return round.find(roleId, a.applicantKey(), Read.CONSISTENT).orElseThrow();
    }

    @Test
    void theReminderToBookIndexHoldsOnlyInviteesDueAndEachIsRemindedOnce() {
        String role = Samples.unique("role");
        Instant due = Instant.parse("2031-05-09T00:00:00Z");
        Application waiting = shortlisted(role),
                booking = shortlisted(role),
                team = shortlisted(role);
        for (Application a : List.of(waiting, booking))
            assertTrue(
                    schedule.invite(
                            a,
                            Map.of("interview.invitedAt", "2031-05-01T10:00:00Z"),
                            entry(a, "invited", INVITED_TO_INTERVIEW),
                            List.of(),
                            due));
        assertTrue(
                schedule.invite(
                        team,
                        Map.of("interview.invitedAt", "2031-05-01T10:00:00Z"),
                        entry(team, "task", INVITED_TO_INTERVIEW),
                        List.of(),
                        null));
        InterviewSlot s = slot(role, LocalDateTime.of(2031, 5, 14, 10, 0));
        Application invitedBooking =
                round.find(role, booking.applicantKey(), Read.CONSISTENT).orElseThrow();
        assertEquals(Booked.BOOKED, schedule.book(booking(s, invitedBooking, null)));

        aws.dynamoCalls().clear();
        assertEquals(List.of(), refs(schedule.awaitingBookingReminder(due.minusSeconds(1)), role));
        List<Application> found = schedule.awaitingBookingReminder(due);
        assertEquals(List.of(waiting.reference()), refs(found, role));
        assertTrue(
                aws.dynamoCalls().calls().stream()
                        .allMatch(
                                c ->
                                        c.operation().equals("Query")
                                                && DynamoInterviewSchedule.AWAITING_BOOKING_REMINDER
                                                        .equals(c.index())),
                aws.dynamoCalls().calls().toString());

        Application current =
                round.find(role, waiting.applicantKey(), Read.CONSISTENT).orElseThrow();
        OutboxMessage reminder = Samples.message(due);
        AuditEntry reminded =
                new AuditEntry(
                        "scheduler:interview-reminders",
                        "reminded " + Samples.unique("r"),
                        "application:" + current.reference(),
                        due,
                        "INVITED_TO_INTERVIEW",
                        "INVITED_TO_INTERVIEW");
        assertTrue(
                schedule.remindToBookOnce(
                        current,
                        Map.of("interview.remindedToBookAt", due.toString()),
                        reminded,
                        reminder));
        assertTrue(outbox.find(reminder.id()).isPresent());
        assertEquals(List.of(), refs(schedule.awaitingBookingReminder(due), role));
        assertFalse(
                schedule.remindToBookOnce(
                        current,
                        Map.of("interview.remindedToBookAt", due.toString()),
                        new AuditEntry(
                                "scheduler:interview-reminders",
                                "again " + Samples.unique("r"),
                                "application:" + current.reference(),
                                due,
                                "INVITED_TO_INTERVIEW",
                                "INVITED_TO_INTERVIEW"),
                        Samples.message(due)),
                "reminded once");
        assertEquals(
                due.toString(),
                round.find(role, waiting.applicantKey(), Read.CONSISTENT)
                        .orElseThrow()
                        .progress("interview.remindedToBookAt"));
    }

    @Test
    void anApplicationNoLongerNeedingAReminderLeavesTheIndex() {
        String role = Samples.unique("role");
        Instant due = Instant.parse("2031-06-09T00:00:00Z");
        Application a = shortlisted(role);
        assertTrue(
                schedule.invite(
                        a,
                        Map.of("interview.invitedAt", "2031-06-01T10:00:00Z"),
                        entry(a, "invited", INVITED_TO_INTERVIEW),
                        List.of(),
                        due));
        assertEquals(List.of(a.reference()), refs(schedule.awaitingBookingReminder(due), role));
        schedule.noBookingReminder(a);
        assertEquals(List.of(), refs(schedule.awaitingBookingReminder(due), role));
    }

    /** The references among {@code apps} of this test's role (other tests share the table). */
    private static List<String> refs(List<Application> apps, String roleId) {
        return apps.stream()
                .filter(a -> a.roleId().equals(roleId))
                .map(Application::reference)
                .toList();
    }

    @Test
    void twoApplicantsRacingForOneSlotBookItOnce() throws Exception {
        String role = Samples.unique("role");
        InterviewSlot s = slot(role, LocalDateTime.of(2030, 12, 19, 10, 0));
        List<Application> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) racers.add(invited(role));
        List<Callable<Booked>> attempts = new ArrayList<>();
        for (Application a : racers)
            attempts.add(() -> schedule.book(booking(s, a, Samples.unique("token"))));

        List<Booked> results = race(attempts);

        assertEquals(
                1, results.stream().filter(r -> r == Booked.BOOKED).count(), results.toString());
        assertEquals(
                5,
                results.stream().filter(r -> r == Booked.SLOT_TAKEN).count(),
                results.toString());
        assertEquals(
                1,
                racers.stream()
                        .filter(
                                a ->
                                        round.find(role, a.applicantKey(), Read.CONSISTENT)
                                                        .orElseThrow()
                                                        .status()
                                                == INTERVIEW_BOOKED)
                        .count());
    }

    @Test
    void oneLinkSentFromTwoPlacesAtOnceIsSpentOnce() throws Exception {
        String role = Samples.unique("role");
        Application a = invited(role);
        String token = Samples.unique("token");
        List<InterviewSlot> slots = new ArrayList<>();
        for (int h = 9; h < 15; h++) slots.add(slot(role, LocalDateTime.of(2030, 12, 20, h, 0)));
        List<Callable<Booked>> attempts = new ArrayList<>();
        for (InterviewSlot s : slots) attempts.add(() -> schedule.book(booking(s, a, token)));

        List<Booked> results = race(attempts);

        assertEquals(
                1, results.stream().filter(r -> r == Booked.BOOKED).count(), results.toString());
        assertTrue(
                results.stream()
                        .filter(r -> r != Booked.BOOKED)
                        .allMatch(r -> r == Booked.LINK_USED || r == Booked.APPLICATION_MOVED),
                results.toString());
        assertEquals(1, schedule.forRole(role).stream().filter(s -> !s.free()).count());
        assertTrue(
                aws.dynamo()
                        .getItem(
                                r ->
                                        r.tableName(aws.table("UsedLinksTable"))
                                                .key(Map.of("tokenId", Items.s(token))))
                        .hasItem());
    }

    @Test
    void invitingTwiceWritesOnce() {
        String role = Samples.unique("role");
        Application a = invited(role);
        OutboxMessage first = Samples.message(Samples.NOW);
        assertTrue(
                schedule.invite(
                        a,
                        Map.of("interview.invitedAt", "2030-12-01T10:00:00Z"),
                        entry(a, "invitation e-mailed", INVITED_TO_INTERVIEW),
                        List.of(first),
                        null));
        OutboxMessage second = Samples.message(Samples.NOW);
        assertFalse(
                schedule.invite(
                        a,
                        Map.of("interview.invitedAt", "2030-12-01T10:05:00Z"),
                        entry(a, "invitation e-mailed again", INVITED_TO_INTERVIEW),
                        List.of(second),
                        null));
        assertEquals(
                "2030-12-01T10:00:00Z",
                round.find(role, a.applicantKey(), Read.CONSISTENT)
                        .orElseThrow()
                        .progress("interview.invitedAt"));
        assertTrue(outbox.find(second.id()).isEmpty());
    }

    /**
     * 400 slots that are not due - booked for later, already reminded, or free - around two due ones: one query on the
     * index, reading only those two. Each is reminded once.
     */
    @Test
    void theReminderQueryReadsOnlyBookedSlotsDueAndEachIsRemindedOnce() {
        String role = Samples.unique("role");
        Instant from = Instant.parse("2031-03-29T09:00:00Z"),
                until = Instant.parse("2031-03-30T23:00:00Z");
        for (int i = 0; i < 400; i++) {
            Instant at =
                    i % 4 == 0 ? from.minusSeconds(3600L * (i + 1)) : until.plusSeconds(600L * i);
            Map<String, AttributeValue> item =
                    new HashMap<>(
                            Map.of(
                                    "roleId",
                                    Items.s(role),
                                    "slotId",
                                    Items.s(
                                            String.format(
                                                    "2031-01-01T%02d-%02d", i / 60 % 24, i % 60)),
                                    "startsAt",
                                    Items.time(at),
                                    "minutes",
                                    Items.n(30),
                                    "bookedBy",
                                    Items.s("INV-X-" + i),
                                    "applicantKey",
                                    Items.s("k" + i)));
            if (i % 4 != 1)
                item.put(
                        DynamoInterviewSchedule.REMINDER_DUE, Items.s(DynamoInterviewSchedule.DUE));
            aws.dynamo().putItem(r -> r.tableName(aws.table("InterviewSlotsTable")).item(item));
        }
        // Due in the window, but free or already reminded: not in the index.
        slot(role, LocalDateTime.of(2031, 3, 30, 12, 0));
        Application a = invited(role), b = invited(role);
        InterviewSlot lateSunday =
                slot(role, LocalDateTime.of(2031, 3, 30, 23, 30)); // 22:30 UTC, in BST
        InterviewSlot saturday = slot(role, LocalDateTime.of(2031, 3, 29, 15, 0));
        assertEquals(Booked.BOOKED, schedule.book(booking(lateSunday, a, null)));
        assertEquals(Booked.BOOKED, schedule.book(booking(saturday, b, null)));
        aws.dynamoCalls().clear();

        List<InterviewSlot> due = schedule.awaitingReminder(from, until);

        assertEquals(
                List.of(saturday.slotId(), lateSunday.slotId()),
                due.stream().map(InterviewSlot::slotId).toList());
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoInterviewSchedule.AWAITING_REMINDER, 2)),
                aws.dynamoCalls().calls());
        OutboxMessage reminder = Samples.message(from);
        assertTrue(schedule.remindOnce(due.get(0), reminder));
        assertFalse(
                schedule.remindOnce(due.get(0), Samples.message(from)),
                "a second run reminds nobody again");
        assertEquals(
                List.of(lateSunday.slotId()),
                schedule.awaitingReminder(from, until).stream()
                        .map(InterviewSlot::slotId)
                        .toList());
        assertTrue(outbox.find(reminder.id()).isPresent());
    }

    private static List<Booked> race(List<Callable<Booked>> attempts) throws Exception {
        var pool = Executors.newFixedThreadPool(attempts.size());
        try {
            List<Booked> results = new ArrayList<>();
            for (var f : pool.invokeAll(attempts)) results.add(f.get());
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
