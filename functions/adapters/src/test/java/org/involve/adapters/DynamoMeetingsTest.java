package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.involve.core.audit.AuditEntry;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.meetings.Meeting;
import org.involve.core.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Meetings, attendance and flags in the MeetingsTable on DynamoDB Local: each write one transaction with its audit entry
 * and e-mails, and the jobs' reads one query on an index evaluating only what is due. Each test keeps to its own era of
 * dates, so the shared index holds nothing due for another.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoMeetingsTest {
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoMeetings meetings;
    private final String roleId = Samples.unique("role");
    private int entries;

    DynamoMeetingsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.meetings = new DynamoMeetings(aws.dynamo(), aws.table("MeetingsTable"), outbox, audit);
    }

    private Meeting meeting(LocalDate day, String papers, LocalDate papersDue) {
        return new Meeting(
                Samples.unique("m"),
                roleId,
                day,
                LocalTime.of(18, 30),
                120,
                "Room 2",
                "https://video.example/x",
                papers,
                papersDue,
                null,
                List.of("appt-1", "appt-2"),
                "staff-1",
                Samples.NOW);
    }

    private AuditEntry entry(String record) {
        return new AuditEntry(
                "staff-1",
                "plan meeting",
                record,
                Samples.NOW.plusMillis(++entries),
                null,
                "planned");
    }

    private OutboxMessage message(String id) {
        return new OutboxMessage(
                id,
                Samples.email("pat@example.org"),
                Samples.NOW,
                Samples.NOW,
                0,
                "meeting-invitation");
    }

    @Test
    void aMeetingIsStoredOnceWithItsAuditEntryAndInvitations() {
        Meeting m = meeting(LocalDate.of(2031, 3, 4), "", null);
        String invite = Samples.unique("invite");
        assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of(message(invite))));
        assertEquals(m, meetings.find(m.id()).orElseThrow());
        assertEquals(List.of(m), meetings.forRole(roleId));
        assertTrue(outbox.find(invite).isPresent());
        assertEquals(1, audit.trailOf(m.auditRecord()).size());

        String again = Samples.unique("invite");
        assertFalse(meetings.plan(m, entry(m.auditRecord()), List.of(message(again))));
        assertFalse(outbox.find(again).isPresent());
        assertEquals(1, audit.trailOf(m.auditRecord()).size());
    }

    /**
     * A change or cancelling replaces the meeting only from the version read, with its audit entry and e-mails in the
     * same transaction; a change that re-queues the papers puts the meeting back in the papers index, a cancelling
     * takes it out; a papers job that read the meeting before a change writes nothing.
     */
    @Test
    void aChangeOrCancellingIsFromTheVersionReadWithItsAuditAndEmails() {
        LocalDate day = LocalDate.of(2033, 5, 2);
        Meeting m = meeting(day.plusDays(10), "https://papers.example/1", day);
        assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of()));
        Meeting sent = m.papersSentOn(day);
        assertTrue(meetings.papersSent(m, sent, entry(m.auditRecord()), List.of()));
        assertEquals(List.of(), meetings.papersDue(day));

        Meeting changed =
                sent.changedTo(
                        day.plusDays(11),
                        LocalTime.of(10, 0),
                        90,
                        "Room 3",
                        "",
                        "https://papers.example/2",
                        day.plusDays(1));
        String told = Samples.unique("changed");
        assertTrue(meetings.update(sent, changed, entry(m.auditRecord()), List.of(message(told))));
        assertTrue(outbox.find(told).isPresent());
        assertEquals(changed, meetings.find(m.id()).orElseThrow());
        assertEquals(List.of(changed), meetings.papersDue(day.plusDays(1)));
        assertEquals(3, audit.trailOf(m.auditRecord()).size());

        // from the old version: nothing written, no e-mail, no audit entry
        String stale = Samples.unique("changed");
        assertFalse(
                meetings.update(
                        sent,
                        sent.cancelledAt(Samples.NOW),
                        entry(m.auditRecord()),
                        List.of(message(stale))));
        assertFalse(outbox.find(stale).isPresent());
        assertEquals(3, audit.trailOf(m.auditRecord()).size());
        // the papers job read version 2; a cancelling lands first; the job then writes nothing
        Meeting cancelled = changed.cancelledAt(Samples.NOW);
        assertTrue(meetings.update(changed, cancelled, entry(m.auditRecord()), List.of()));
        assertFalse(
                meetings.papersSent(
                        changed,
                        changed.papersSentOn(day.plusDays(1)),
                        entry(m.auditRecord()),
                        List.of()));
        assertEquals(cancelled, meetings.find(m.id()).orElseThrow());
        assertTrue(meetings.find(m.id()).orElseThrow().cancelled());
        assertEquals(List.of(), meetings.papersDue(day.plusDays(1)));
    }

    /**
     * 60 meetings whose papers are not due (later days, none, or already sent) around 3 due on or before the day: one
     * query on the papers index, evaluating only those 3; once sent, they leave the index and cannot be sent twice.
     */
    @Test
    void thePapersQueryReadsOnlyWhatIsDueAndSendingIsOnce() {
        LocalDate day = LocalDate.of(2011, 6, 1);
        List<Meeting> due =
                List.of(
                        meeting(day.plusDays(7), "https://papers.example/1", day),
                        meeting(day.plusDays(2), "https://papers.example/2", day.minusDays(5)),
                        meeting(day.plusDays(1), "Read page 4", day.minusDays(6)));
        List<Meeting> notDue = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            notDue.add(meeting(day.plusDays(7 + i), "https://papers.example/l", day.plusDays(i)));
            notDue.add(meeting(day.plusDays(i), "", null));
        }
        for (Meeting m : notDue) assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of()));
        for (int i = 0; i < 20; i++) {
            Meeting m = meeting(day.minusDays(i), "https://papers.example/s", day.minusDays(7 + i));
            assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of()));
            assertTrue(
                    meetings.papersSent(
                            m, m.papersSentOn(m.papersDue()), entry(m.auditRecord()), List.of()));
        }
        for (Meeting m : due) assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of()));

        aws.dynamoCalls().clear();
        List<Meeting> found = meetings.papersDue(day);
        assertEquals(
                due.stream().sorted(Comparator.comparing(Meeting::papersDue)).toList(),
                found.stream().sorted(Comparator.comparing(Meeting::papersDue)).toList());
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoMeetings.PAPERS_BY_DUE_DAY, 3)),
                aws.dynamoCalls().calls());

        String papers = Samples.unique("papers");
        for (Meeting m : due) {
            boolean first = m == due.get(0);
            assertTrue(
                    meetings.papersSent(
                            m,
                            m.papersSentOn(day),
                            entry(m.auditRecord()),
                            first ? List.of(message(papers)) : List.of()));
        }
        assertTrue(outbox.find(papers).isPresent());
        Meeting first = due.get(0);
        String twice = Samples.unique("papers");
        assertFalse(
                meetings.papersSent(
                        first,
                        first.papersSentOn(day),
                        entry(first.auditRecord()),
                        List.of(message(twice))));
        assertFalse(outbox.find(twice).isPresent());
        assertEquals(day, meetings.find(first.id()).orElseThrow().papersSent());
        assertEquals(List.of(), meetings.papersDue(day.plusDays(0)));
    }

    /** 50 meetings either side of a window around 4 in it: one query on the day index evaluating only those 4. */
    @Test
    void meetingsHeldInAWindowAreOneQueryOnTheDayIndex() {
        LocalDate from = LocalDate.of(2009, 3, 2), to = LocalDate.of(2010, 3, 1);
        for (int i = 1; i <= 25; i++) {
            for (Meeting m :
                    List.of(
                            meeting(from.minusDays(i), "", null),
                            meeting(to.plusDays(i), "", null)))
                assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of()));
        }
        List<Meeting> in =
                List.of(
                        meeting(from, "", null),
                        meeting(LocalDate.of(2009, 10, 25), "", null),
                        meeting(LocalDate.of(2009, 10, 25), "", null),
                        meeting(to, "", null));
        for (Meeting m : in) assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of()));

        aws.dynamoCalls().clear();
        List<Meeting> found = meetings.heldBetween(from, to);
        assertEquals(
                in.stream().map(Meeting::id).sorted().toList(),
                found.stream().map(Meeting::id).sorted().toList());
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoMeetings.BY_DAY, 4)),
                aws.dynamoCalls().calls());
    }

    @Test
    void attendanceIsOneRecordPerPartnerChangedOnlyFromWhatWasSeen() {
        Meeting m = meeting(LocalDate.of(2032, 1, 5), "", null);
        assertTrue(meetings.plan(m, entry(m.auditRecord()), List.of()));
        Attendance first =
                new Attendance(
                        m.id(),
                        "appt-1",
                        roleId,
                        m.date(),
                        AttendanceMark.ATTENDED,
                        150,
                        "staff-1",
                        Samples.NOW,
                        1);
        assertTrue(meetings.record(null, first, entry("appointment:appt-1")));
        assertFalse(meetings.record(null, first, entry("appointment:appt-1")));
        Attendance second =
                new Attendance(
                        m.id(),
                        "appt-1",
                        roleId,
                        m.date(),
                        AttendanceMark.APOLOGIES,
                        0,
                        "staff-1",
                        Samples.NOW,
                        2);
        assertTrue(meetings.record(first, second, entry("appointment:appt-1")));
        assertFalse(meetings.record(first, second, entry("appointment:appt-1")));
        Attendance other =
                new Attendance(
                        m.id(),
                        "appt-2",
                        roleId,
                        m.date(),
                        AttendanceMark.ABSENT,
                        0,
                        "staff-1",
                        Samples.NOW,
                        1);
        assertTrue(meetings.record(null, other, entry("appointment:appt-2")));
        assertEquals(
                List.of(second, other),
                meetings.attendanceAt(m.id()).stream()
                        .sorted(Comparator.comparing(Attendance::appointmentId))
                        .toList());
        assertEquals(
                2,
                audit.trailOf("appointment:appt-1").stream()
                        .filter(e -> e.toState().equals("planned"))
                        .count());
        // attendance stays out of the role's meetings
        assertEquals(List.of(m), meetings.forRole(roleId));
    }

    @Test
    void aPartnerIsFlaggedOncePerPeriodWithOneEmailToTheTeam() {
        String appt = Samples.unique("appt");
        AttendanceFlag march =
                new AttendanceFlag(
                        appt, roleId, "2027-03", 1, 2, 3, Instant.parse("2027-03-01T01:00:00Z"));
        String email = Samples.unique("below");
        assertTrue(meetings.flag(march, entry("appointment:" + appt), message(email)));
        String again = Samples.unique("below");
        assertFalse(meetings.flag(march, entry("appointment:" + appt), message(again)));
        assertTrue(outbox.find(email).isPresent());
        assertFalse(outbox.find(again).isPresent());
        AttendanceFlag april =
                new AttendanceFlag(
                        appt, roleId, "2027-04", 1, 2, 4, Instant.parse("2027-04-01T00:00:00Z"));
        assertTrue(
                meetings.flag(
                        april, entry("appointment:" + appt), message(Samples.unique("below"))));
        assertEquals(List.of(april, march), meetings.flagsForRole(roleId));
        assertEquals(List.of(), meetings.forRole(roleId));
    }
}
