package org.involve.core.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.InMemoryImpacts;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Version;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.meetings.MeetingPlans;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Recording and changing impact entries, the digest to partners, the tenure count and the year's report. */
class ImpactLogTest {
    // 10am BST on 1 June 2026
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    final Round r = new Round();
    final MutableClock clock = new MutableClock(NOW);
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    final Role other = r.role(TestRoles.monthly(LocalDate.of(2026, 1, 21)));
    final InMemoryImpacts impacts = new InMemoryImpacts(r.outbox, r.audit);
    final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("https://staff.example"),
                    clock);
    final MeetingPlans plans =
            new MeetingPlans(
                    r.meetings,
                    r.partners,
                    changes,
                    r.roles,
                    new MeetingLetters(
                            TestPartnerLetters.letters("https://staff.example"),
                            "https://staff.example"),
                    7,
                    clock);
    final ImpactLog log =
            new ImpactLog(
                    impacts,
                    r.meetings,
                    plans,
                    r.roles,
                    new ImpactLetters(TestPartnerLetters.letters("https://staff.example")),
                    clock);
    final ImpactReports reports = new ImpactReports(log, impacts, r.meetings, plans, clock);
    final String active = appoint(role, "email", PartnerStatus.ACTIVE);
    final String byPost = appoint(role, "post", PartnerStatus.ACTIVE);
    final String paused = appoint(role, "email", PartnerStatus.PAUSED);
    final String retired = appoint(role, "email", PartnerStatus.RETIRED);
    final String ended = appoint(role, "email", PartnerStatus.ENDED);
    final String elsewhere = appoint(other, "email", PartnerStatus.ACTIVE);

    String appoint(Role in, String method, PartnerStatus status) {
        Application a = r.applicant(in, Application.Status.REFERENCES_RECEIVED, method, Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(in, a, LocalDate.of(2025, 1, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minus(Duration.ofDays(600))))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        r.partners.appointments.put(
                made.id(),
                new Appointment(
                        made.id(),
                        made.roleId(),
                        made.applicationReference(),
                        made.personKey(),
                        made.appointedAt(),
                        made.start(),
                        made.termEnds(),
                        made.reviewDate(),
                        made.latestEnd(),
                        made.extensionsUsed(),
                        made.payment(),
                        made.steppingDown(),
                        status));
        return made.id();
    }

    Meeting meetingOn(Role in, LocalDate day) {
        Map<String, String> f = new HashMap<>();
        f.put("date-day", String.valueOf(day.getDayOfMonth()));
        f.put("date-month", String.valueOf(day.getMonthValue()));
        f.put("date-year", String.valueOf(day.getYear()));
        f.put("time", "10am");
        f.put("minutes", "120");
        f.put("place", "Room 2");
        return ((MeetingPlans.Result.Done) plans.plan(TestStaff.STAFF, in.id(), f)).meeting();
    }

    static Map<String, String> entry(String said, String did, String meeting) {
        Map<String, String> f = new HashMap<>();
        f.put("youSaid", said);
        f.put("weDid", did);
        f.put("meeting", meeting);
        return f;
    }

    ImpactEntry record(String said, String did, String meeting) {
        return ((ImpactLog.Result.Done)
                        log.record(TestStaff.STAFF, role.id(), entry(said, did, meeting)))
                .entry();
    }

    List<OutboxMessage> digests() {
        return r.outbox.messages().stream()
                .filter(m -> m.purpose().equals("impact-digest"))
                .toList();
    }

    List<String> texts(String containing) {
        return digests().stream()
                .map(m -> m.email().text())
                .filter(t -> t.contains(containing))
                .toList();
    }

    @Test
    void anEntryNeedsWhatWasSaidAndWhatChangedAndOnlyAMeetingOfTheGroupAlreadyHeld() {
        Meeting later = meetingOn(role, LocalDate.of(2026, 6, 20));
        Meeting theirs = meetingOn(other, LocalDate.of(2026, 6, 1));
        var empty = log.record(TestStaff.STAFF, role.id(), entry(" ", "", ""));
        var invalid = assertInstanceOf(ImpactLog.Result.Invalid.class, empty);
        assertEquals("Enter what partners said", invalid.errors().asMap().get("youSaid"));
        assertEquals("Enter what changed because of it", invalid.errors().asMap().get("weDid"));
        for (String meeting : List.of(later.id(), theirs.id(), "no-such"))
            assertInstanceOf(
                    ImpactLog.Result.Invalid.class,
                    log.record(TestStaff.STAFF, role.id(), entry("a", "b", meeting)));
        assertInstanceOf(
                ImpactLog.Result.Invalid.class,
                log.record(TestStaff.STAFF, role.id(), entry("x".repeat(1001), "b", "")));
        assertTrue(impacts.entries.isEmpty());
        assertTrue(r.audit.entries().stream().noneMatch(a -> a.record().startsWith("impact:")));
    }

    @Test
    void recordingStoresTheEntryWithItsAuditAndPressingTwiceRecordsItOnce() {
        clock.set(Instant.parse("2026-05-20T08:00:00Z"));
        Meeting m = meetingOn(role, LocalDate.of(2026, 5, 21));
        clock.set(NOW);
        ImpactEntry e =
                record("Letters were hard to read", "We rewrote them in plain English", m.id());
        assertEquals(LocalDate.of(2026, 6, 1), e.day());
        assertEquals(m.id(), e.meetingId());
        assertFalse(e.sent());
        assertEquals(1, e.revision());
        assertEquals(
                e.id(),
                record("Letters were hard to read", "We rewrote them in plain English", m.id())
                        .id());
        assertEquals(1, impacts.entries.size());
        assertEquals(1, r.audit.trailOf(e.auditRecord()).size());
        assertEquals("revision 1, not sent", r.audit.trailOf(e.auditRecord()).get(0).toState());
        assertEquals(List.of(m), log.meetingsHeld(role.id()));
    }

    @Test
    void aPanelMemberCannotSeeOrRecordTheLog() {
        assertThrows(AccessDenied.class, () -> log.page(TestStaff.PANEL_A, role.id()));
        assertThrows(
                AccessDenied.class,
                () -> log.record(TestStaff.PANEL_A, role.id(), entry("a", "b", "")));
        assertThrows(AccessDenied.class, () -> log.send(TestStaff.PANEL_A, role.id()));
        assertThrows(
                AccessDenied.class, () -> reports.report(TestStaff.PANEL_A, role.id(), "2026"));
    }

    @Test
    void changingCarriesTheVersionReadAndAStaleFormSavesNothing() {
        ImpactEntry e = record("Parking is hard", "We added two blue badge spaces", "");
        Map<String, String> change =
                entry("Parking is hard", "We added three blue badge spaces", "");
        change.put(Version.FIELD, e.version());
        ImpactEntry after =
                ((ImpactLog.Result.Done) log.change(TestStaff.STAFF, role.id(), e.id(), change))
                        .entry();
        assertEquals(2, after.revision());
        assertEquals("We added three blue badge spaces", impacts.entries.get(e.id()).weDid());
        assertNotEquals(e.version(), after.version());
        assertEquals(
                List.of("revision 1, not sent", "revision 2, not sent"),
                r.audit.trailOf(e.auditRecord()).stream().map(a -> a.toState()).toList());

        // a second person's form, read before that change
        Map<String, String> stale = entry("Parking is hard", "Something else", "");
        stale.put(Version.FIELD, e.version());
        assertThrows(
                ImpactLog.ChangedMeanwhile.class,
                () -> log.change(TestStaff.STAFF, role.id(), e.id(), stale));
        assertThrows(
                ImpactLog.ChangedMeanwhile.class,
                () -> log.change(TestStaff.STAFF, role.id(), e.id(), entry("a", "b", "")));
        assertEquals("We added three blue badge spaces", impacts.entries.get(e.id()).weDid());

        // bad input on the current version: the errors, nothing saved
        Map<String, String> bad = entry("", "", "");
        bad.put(Version.FIELD, after.version());
        assertInstanceOf(
                ImpactLog.Result.Invalid.class,
                log.change(TestStaff.STAFF, role.id(), e.id(), bad));
        // saving the same words again stores nothing
        Map<String, String> same = entry("Parking is hard", "We added three blue badge spaces", "");
        same.put(Version.FIELD, after.version());
        log.change(TestStaff.STAFF, role.id(), e.id(), same);
        assertEquals(2, impacts.entries.get(e.id()).revision());
        assertEquals(2, r.audit.trailOf(e.auditRecord()).size());
        assertThrows(
                ImpactLog.NoSuchEntry.class, () -> log.entry(TestStaff.STAFF, other.id(), e.id()));
    }

    @Test
    void theDigestGoesOnceToEachActivePartnerWhoChoseEmailWithTheirLink() {
        clock.set(Instant.parse("2026-05-20T08:00:00Z"));
        Meeting m = meetingOn(role, LocalDate.of(2026, 5, 21));
        clock.set(NOW);
        ImpactEntry first = record("Letters were hard to read", "We rewrote them", m.id());
        ImpactEntry second = record("Meetings ran late", "We end on time now", "");
        record("x", "y", "").id();
        log.record(TestStaff.STAFF, other.id(), entry("Other group", "Other change", ""));

        assertEquals(new ImpactLog.Sent(3, 1, 0), log.send(TestStaff.STAFF, role.id()));
        List<OutboxMessage> sent = digests();
        assertEquals(1, sent.size()); // not the one by post, paused, retired, ended or elsewhere
        OutboxMessage d = sent.get(0);
        assertEquals(
                r.partners.partner(active).orElseThrow().involvement().email(), d.email().to());
        String body = d.email().text();
        for (String expected :
                List.of(
                        "You said: Letters were hard to read",
                        "We did: We rewrote them",
                        "From the meeting on " + m.when(),
                        "We did: We end on time now",
                        "Recorded on 1 June 2026",
                        "/your-involvement/"))
            assertTrue(
                    body.toLowerCase(java.util.Locale.ROOT)
                            .contains(expected.toLowerCase(java.util.Locale.ROOT)),
                    expected + " in " + body);
        assertFalse(body.contains("Other change"));
        assertEquals(LocalDate.of(2026, 6, 1), impacts.entries.get(first.id()).sentOn());
        assertEquals(2, impacts.entries.get(second.id()).revision());
        assertEquals(
                "revision 2, sent 2026-06-01 to 1",
                r.audit.trailOf(first.auditRecord()).get(1).toState());
        assertEquals(1, log.page(TestStaff.STAFF, other.id()).unsent());

        // pressing again sends nothing; a new entry goes on its own next time
        assertEquals(new ImpactLog.Sent(0, 0, 0), log.send(TestStaff.STAFF, role.id()));
        assertEquals(1, digests().size());
        record("Taxis were late", "We changed the firm", "");
        assertEquals(new ImpactLog.Sent(1, 1, 0), log.send(TestStaff.STAFF, role.id()));
        List<String> taxis = texts("Taxis were late");
        assertEquals(1, taxis.size());
        assertFalse(taxis.get(0).contains("Meetings ran late"));
        assertEquals(1, log.page(TestStaff.STAFF, role.id()).notByEmail());
    }

    @Test
    void anEntrySentAfterItsFormWasReadIsNotOverwritten() {
        ImpactEntry e = record("a", "b", "");
        log.send(TestStaff.STAFF, role.id());
        Map<String, String> stale = entry("a", "changed", "");
        stale.put(Version.FIELD, e.version());
        assertThrows(
                ImpactLog.ChangedMeanwhile.class,
                () -> log.change(TestStaff.STAFF, role.id(), e.id(), stale));
        assertEquals("b", impacts.entries.get(e.id()).weDid());
        assertEquals(1, digests().size());
    }

    @Test
    void aDigestHoldsAtMostTwentyEntriesAndTheRestGoNextTime() {
        for (int i = 1; i <= 23; i++) {
            record("said " + i, "did " + i, "");
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(new ImpactLog.Sent(20, 1, 3), log.send(TestStaff.STAFF, role.id()));
        String body = digests().get(0).email().text();
        assertTrue(body.contains("You said: said 1\n"), body);
        assertTrue(body.contains("You said: said 20\n"), body);
        assertFalse(body.contains("You said: said 21\n"), body);
        assertEquals(new ImpactLog.Sent(3, 1, 0), log.send(TestStaff.STAFF, role.id()));
        List<String> later = texts("You said: said 23\n");
        assertEquals(1, later.size());
        assertTrue(later.get(0).contains("You said: said 21\n"));
        assertFalse(later.get(0).contains("You said: said 20\n"));
    }

    @Test
    void theTenureThankYouCountsAGroupsEntriesBetweenTwoDaysBothIncluded() {
        clock.set(Instant.parse("2026-03-31T22:59:00Z")); // 31 March, 11:59pm BST
        record("a", "b", "");
        clock.set(Instant.parse("2026-03-31T23:00:00Z")); // 1 April, midnight BST
        record("c", "d", "");
        clock.set(Instant.parse("2026-04-30T12:00:00Z"));
        record("e", "f", "");
        log.record(TestStaff.STAFF, other.id(), entry("g", "h", ""));
        assertEquals(
                2,
                impacts.countBetween(
                        role.id(), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)));
        assertEquals(
                1,
                impacts.countBetween(
                        role.id(), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 31)));
        assertEquals(
                0,
                impacts.countBetween(
                        role.id(), LocalDate.of(2026, 5, 1), LocalDate.of(2027, 5, 1)));
    }

    @Test
    void theYearIsTheFinancialYearFromAprilToMarch() {
        assertEquals(new FinancialYear(2025), FinancialYear.of(LocalDate.of(2026, 3, 31)));
        assertEquals(new FinancialYear(2026), FinancialYear.of(LocalDate.of(2026, 4, 1)));
        assertEquals(LocalDate.of(2027, 3, 31), new FinancialYear(2026).last());
        assertEquals("2026 to 2027", new FinancialYear(2026).label());
        assertEquals(null, FinancialYear.parse("26"));
        assertEquals(null, FinancialYear.parse("2026x"));
        assertEquals(new FinancialYear(2026), FinancialYear.parse("2026"));
        assertThrows(NotFound.class, () -> reports.report(TestStaff.STAFF, role.id(), "2027"));
        assertThrows(NotFound.class, () -> reports.report(TestStaff.STAFF, role.id(), "x"));
    }

    @Test
    void theReportCountsMeetingsHeldInTheYearAttendanceDaysPartnersAndEntries() {
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
        Meeting lastYear = meetingOn(role, LocalDate.of(2026, 3, 31));
        Meeting april = meetingOn(role, LocalDate.of(2026, 4, 1));
        Meeting may = meetingOn(role, LocalDate.of(2026, 5, 5));
        Meeting notYet = meetingOn(role, LocalDate.of(2026, 7, 1));
        Meeting called = meetingOn(role, LocalDate.of(2026, 4, 20));
        assertInstanceOf(
                MeetingPlans.Result.Done.class,
                plans.cancel(TestStaff.STAFF, role.id(), called.id(), Map.of("version", "1")));
        meetingOn(other, LocalDate.of(2026, 4, 2));
        clock.set(Instant.parse("2026-05-06T10:00:00Z"));
        String[] all = {active, byPost};
        for (Meeting m : List.of(lastYear, april, may))
            plans.record(
                    TestStaff.STAFF,
                    role.id(),
                    m.id(),
                    active,
                    Map.of("mark", "attended", "hours", "4"));
        plans.record(
                TestStaff.STAFF,
                role.id(),
                april.id(),
                byPost,
                Map.of("mark", "attended", "hours", "3.75"));
        plans.record(TestStaff.STAFF, role.id(), may.id(), byPost, Map.of("mark", "apologies"));
        assertEquals(2, all.length);
        clock.set(Instant.parse("2026-03-30T10:00:00Z"));
        record("Last year", "Old", "");
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        ImpactEntry e = record("=cmd|' /C calc'!A0", "We did, \"quoted\"\nthings", april.id());

        YearReport y = reports.report(TestStaff.STAFF, role.id(), "2026");
        assertEquals(List.of(april, may), y.meetings().stream().map(l -> l.meeting()).toList());
        assertEquals(3, y.attended());
        assertEquals(1, y.apologies());
        assertEquals(0, y.absent());
        assertEquals("11.75", y.hours()); // 4 + 3.75 + 4
        assertEquals("2.5", y.days()); // two of 4 hours, one of less
        assertEquals(2, y.partners(PartnerStatus.ACTIVE));
        assertEquals(1, y.partners(PartnerStatus.PAUSED));
        assertEquals(1, y.partners(PartnerStatus.RETIRED));
        assertEquals(1, y.partners(PartnerStatus.ENDED));
        assertEquals(List.of(e), y.entries());
        assertEquals(april.when(), y.meetingOf(e));
        assertFalse(y.meetings().stream().anyMatch(l -> l.meeting().equals(notYet)));
        assertFalse(
                y.meetings().stream().anyMatch(l -> l.meeting().id().equals(called.id())),
                "a cancelled meeting is not a meeting held");

        String csv = y.csv();
        assertTrue(csv.contains("Meetings held,2\r\n"), csv);
        assertTrue(csv.contains("Days given,2.5\r\n"), csv);
        assertTrue(csv.contains("Financial year,1 April 2026 to 31 March 2027\r\n"), csv);
        assertTrue(csv.contains("\"'=cmd|' /C calc'!A0\""), csv);
        assertTrue(csv.contains("\"We did, \"\"quoted\"\"\nthings\""), csv);
        assertFalse(csv.contains("Last year"), csv);

        YearReport before = reports.report(TestStaff.STAFF, role.id(), "2025");
        assertEquals(List.of(lastYear), before.meetings().stream().map(l -> l.meeting()).toList());
        assertEquals(1, before.entries().size());
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsAFormulaAreMadePlainText() {
        assertEquals("\"'=SUM(A1:A2)\"", Csv.cell("=SUM(A1:A2)"));
        assertEquals("\"'+1\"", Csv.cell("+1"));
        assertEquals("\"'-1\"", Csv.cell("-1"));
        assertEquals("\"'@SUM(1)\"", Csv.cell("@SUM(1)"));
        assertEquals("\"'\tx\"", Csv.cell("\tx"));
        assertEquals("plain text", Csv.cell("plain text"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("", Csv.cell(null));
        assertEquals("a,\"'=b\"\r\n", Csv.line(List.of("a", "=b")));
    }
}
