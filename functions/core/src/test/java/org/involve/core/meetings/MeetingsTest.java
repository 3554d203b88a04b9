package org.involve.core.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Refused;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Planning, invitations, attendance and the two jobs, over the in-memory stores. */
class MeetingsTest {
    // 10am BST on 1 June 2026
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    final Round r = new Round();
    final MutableClock clock = new MutableClock(NOW);
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    final MeetingLetters letters =
            new MeetingLetters(
                    TestPartnerLetters.letters("https://staff.example"), "https://staff.example");
    final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("https://staff.example"),
                    clock);
    final MeetingPlans plans =
            new MeetingPlans(r.meetings, r.partners, changes, r.roles, letters, 7, clock);
    final MeetingJobs jobs = new MeetingJobs(r.meetings, plans, r.roles, letters);
    final String active = appoint("email", PartnerStatus.ACTIVE);
    final String byPost = appoint("post", PartnerStatus.ACTIVE);
    final String paused = appoint("email", PartnerStatus.PAUSED);
    final String retired = appoint("email", PartnerStatus.RETIRED);

    String appoint(String method, PartnerStatus status) {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED, method, Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2025, 1, 1), true, false),
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

    static Map<String, String> form(LocalDate day, String time, String papers) {
        Map<String, String> f = new HashMap<>();
        f.put("date-day", String.valueOf(day.getDayOfMonth()));
        f.put("date-month", String.valueOf(day.getMonthValue()));
        f.put("date-year", String.valueOf(day.getYear()));
        f.put("time", time);
        f.put("minutes", "120");
        f.put("place", "Room 2, Trust Headquarters");
        f.put("videoLink", "https://video.example/scg");
        f.put("papers", papers);
        return f;
    }

    Meeting plan(LocalDate day, String time, String papers) {
        return ((MeetingPlans.Result.Done)
                        plans.plan(TestStaff.STAFF, role.id(), form(day, time, papers)))
                .meeting();
    }

    List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    @Test
    void planningInvitesOnlyActivePartnersAndEmailsThoseWhoChoseEmail() {
        Meeting m = plan(LocalDate.of(2026, 10, 29), "6:30pm", "https://papers.example/oct");
        assertEquals(Set.of(active, byPost), Set.copyOf(m.invited()));
        List<OutboxMessage> invites = sent("meeting-invitation");
        assertEquals(1, invites.size());
        String body = invites.get(0).email().text();
        assertTrue(body.contains("29 October 2026 at 6:30pm"), body);
        assertTrue(body.contains("2 hours"), body);
        assertTrue(body.contains("https://video.example/scg"), body);
        assertTrue(body.contains("22 October 2026"), "papers 7 days before: " + body);
        assertTrue(body.contains("https://involve.example/your-involvement/"), body);
        // 6:30pm on 29 October 2026 is GMT (the clocks went back on 25 October)
        assertEquals(Instant.parse("2026-10-29T18:30:00Z"), m.startsAt());
        assertEquals(LocalDate.of(2026, 10, 22), m.papersDue());
        assertEquals(1, r.audit.trailOf(m.auditRecord()).size());
    }

    @Test
    void badInputIsAnsweredFieldByFieldAndNothingIsStored() {
        Map<String, String> f = form(LocalDate.of(2026, 5, 1), "25:00", "");
        f.put("place", "");
        f.put("videoLink", "video.example");
        f.put("minutes", "5");
        MeetingPlans.Result.Invalid bad =
                assertInstanceOf(
                        MeetingPlans.Result.Invalid.class,
                        plans.plan(TestStaff.STAFF, role.id(), f));
        assertEquals(
                List.of("date-day", "time", "minutes", "videoLink"),
                List.copyOf(bad.errors().asMap().keySet()));
        assertTrue(r.meetings.meetings.isEmpty());
        AccessDenied refused =
                assertThrows(
                        AccessDenied.class,
                        () ->
                                plans.plan(
                                        TestStaff.PANEL_A,
                                        role.id(),
                                        form(LocalDate.of(2026, 7, 1), "10am", "")));
        assertEquals(org.involve.core.staff.Permission.MANAGE_MEETINGS, refused.permission());
        assertTrue(refused.getMessage().contains("plan a group's meetings"), refused.getMessage());
    }

    @Test
    void theDateOfAMeetingIsReadAsEveryDateIs() {
        DateCases.check(
                (d, m, y) -> {
                    Map<String, String> f = form(LocalDate.of(2026, 7, 1), "10am", "");
                    f.putAll(Map.of("date-day", d, "date-month", m, "date-year", y));
                    return MeetingForm.plan(f, LocalDate.of(2026, 6, 1)).errors().asMap();
                },
                "date",
                "The date of the meeting must include {parts}",
                "The date of the meeting must be a real date, for example 4 3 2027",
                LocalDate.of(2026, 7, 4));
        Map<String, String> empty = form(LocalDate.of(2026, 7, 1), "10am", "");
        empty.putAll(Map.of("date-day", "", "date-month", " ", "date-year", ""));
        assertEquals(
                Map.of("date-day", "Enter the date of the meeting, for example 4 3 2027"),
                MeetingForm.plan(empty, LocalDate.of(2026, 6, 1)).errors().asMap());
        assertEquals(
                Map.of("date-day", "The date of the meeting must be today or in the future"),
                MeetingForm.plan(
                                form(LocalDate.of(2026, 5, 31), "10am", ""),
                                LocalDate.of(2026, 6, 1))
                        .errors()
                        .asMap());
    }

    @Test
    void theSameTimeTwiceIsOneMeeting() {
        plan(LocalDate.of(2026, 7, 1), "10am", "");
        assertInstanceOf(
                MeetingPlans.Result.Invalid.class,
                plans.plan(
                        TestStaff.STAFF, role.id(), form(LocalDate.of(2026, 7, 1), "10:00", "")));
        assertEquals(1, r.meetings.meetings.size());
        assertEquals(1, sent("meeting-invitation").size());
    }

    @Test
    void timesAreReadAsPeopleWriteThem() {
        assertEquals(LocalTime.of(18, 30), MeetingForm.time("6:30pm"));
        assertEquals(LocalTime.of(18, 30), MeetingForm.time("18:30"));
        assertEquals(LocalTime.of(12, 0), MeetingForm.time("12pm"));
        assertEquals(LocalTime.of(0, 15), MeetingForm.time("12.15am"));
        assertEquals(null, MeetingForm.time("18"));
        assertEquals(null, MeetingForm.time("13pm"));
    }

    @Test
    void papersGoOnTheirDayInUkTimeOnceAndOnlyToActiveInvitedPartnersByEmail() {
        Meeting m = plan(LocalDate.of(2026, 7, 8), "10am", "Read the draft strategy, pages 1 to 4");
        assertEquals(LocalDate.of(2026, 7, 1), m.papersDue());
        Meeting later = plan(LocalDate.of(2026, 9, 8), "10am", "https://papers.example/sep");
        Meeting none = plan(LocalDate.of(2026, 7, 9), "10am", "");

        // 11:30pm BST on 30 June is still 30 June in the UK: not yet
        clock.set(Instant.parse("2026-06-30T22:30:00Z"));
        assertEquals(new MeetingJobs.PapersSummary(0, 0), jobs.sendPapers(clock.instant()));
        // 00:30 BST on 1 July is 23:30 UTC on 30 June: due
        clock.set(Instant.parse("2026-06-30T23:30:00Z"));
        assertEquals(new MeetingJobs.PapersSummary(1, 1), jobs.sendPapers(clock.instant()));
        OutboxMessage papers = sent("meeting-papers").get(0);
        assertTrue(
                papers.email().text().contains("Read the draft strategy"), papers.email().text());
        assertEquals(LocalDate.of(2026, 7, 1), r.meetings.meetings.get(m.id()).papersSent());
        // again: nothing more
        clock.advance(Duration.ofHours(20));
        assertEquals(new MeetingJobs.PapersSummary(0, 0), jobs.sendPapers(clock.instant()));
        assertEquals(1, sent("meeting-papers").size());
        assertEquals(null, r.meetings.meetings.get(later.id()).papersSent());
        assertEquals(null, r.meetings.meetings.get(none.id()).papersDue());
    }

    @Test
    void planningInsideThePapersWindowSendsThemOnTheNextRun() {
        Meeting m = plan(LocalDate.of(2026, 6, 3), "10am", "https://papers.example/june");
        assertEquals(LocalDate.of(2026, 6, 1), m.papersDue());
        assertEquals(1, jobs.sendPapers(clock.instant()).meetings());
    }

    @Test
    void attendanceIsRecordedOncePerPartnerWithHoursAndAudited() {
        Meeting m = plan(LocalDate.of(2026, 6, 2), "10am", "");
        Map<String, String> attended = Map.of("mark", "attended", "hours", "2.5");
        assertThrows(
                Refused.class,
                () -> plans.record(TestStaff.STAFF, role.id(), m.id(), active, attended));
        clock.set(Instant.parse("2026-06-02T12:00:00Z"));
        plans.record(TestStaff.STAFF, role.id(), m.id(), active, attended);
        plans.record(TestStaff.STAFF, role.id(), m.id(), byPost, Map.of("mark", "apologies"));
        Attendance a = plans.recorded(m.id()).get(active);
        assertEquals(150, a.minutes());
        assertEquals(AttendanceMark.APOLOGIES, plans.recorded(m.id()).get(byPost).mark());
        // corrected: still one record, version 2, both changes audited
        plans.record(
                TestStaff.STAFF,
                role.id(),
                m.id(),
                active,
                Map.of("mark", "attended", "hours", "2"));
        assertEquals(2, plans.recorded(m.id()).get(active).version());
        assertEquals(120, plans.recorded(m.id()).get(active).minutes());
        assertEquals(2, r.audit.trailOf("appointment:" + active).size());

        assertInstanceOf(
                MeetingPlans.Result.Invalid.class,
                plans.record(
                        TestStaff.STAFF, role.id(), m.id(), active, Map.of("mark", "attended")));
        assertInstanceOf(
                MeetingPlans.Result.Invalid.class,
                plans.record(TestStaff.STAFF, role.id(), m.id(), active, Map.of()));
        assertThrows(
                PartnerChanges.NoSuchPartner.class,
                () -> plans.record(TestStaff.STAFF, role.id(), m.id(), paused, attended));
        // someone else recorded meanwhile
        Attendance stale = plans.recorded(m.id()).get(active);
        assertFalse(r.meetings.record(null, stale, r.audit.entries().get(0)));
    }

    @Test
    void theMonthlyCheckFlagsThoseBelowOncePerMonthAndTellsTheTeam() {
        // six monthly meetings, held: the active partner attends 1, the partner by post attends all
        for (int i = 0; i < 6; i++) {
            clock.set(NOW);
            Meeting m = plan(LocalDate.of(2026, 6 + i, 10), "10am", "");
            clock.set(m.startsAt().plus(Duration.ofHours(3)));
            plans.record(
                    TestStaff.STAFF,
                    role.id(),
                    m.id(),
                    byPost,
                    Map.of("mark", "attended", "hours", "2"));
            plans.record(
                    TestStaff.STAFF,
                    role.id(),
                    m.id(),
                    active,
                    Map.of(
                            "mark",
                            i == 0 ? "attended" : i < 3 ? "apologies" : "absent",
                            "hours",
                            i == 0 ? "2" : ""));
        }
        clock.set(Instant.parse("2027-01-01T00:30:00Z"));
        assertEquals(
                new MeetingJobs.AttendanceSummary(1, 1), jobs.checkAttendance(clock.instant()));
        assertEquals(
                new MeetingJobs.AttendanceSummary(1, 0), jobs.checkAttendance(clock.instant()));
        List<OutboxMessage> flags = sent("attendance-below");
        assertEquals(1, flags.size());
        assertEquals(role.contact().teamEmail(), flags.get(0).email().to());
        String body = flags.get(0).email().text();
        assertTrue(body.contains("Attended 1, sent apologies 2, absent 3"), body);
        assertTrue(body.contains("supportive"), body);
        assertTrue(body.contains("https://staff.example/staff/partners/" + role.id() + "/"), body);
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(active).status());
        assertTrue(plans.latestFlag(role.id(), active).isPresent());
        assertFalse(plans.latestFlag(role.id(), byPost).isPresent());

        // next month: flagged again, once
        clock.set(Instant.parse("2027-02-01T00:30:00Z"));
        assertEquals(1, jobs.checkAttendance(clock.instant()).flagged());
        assertEquals(0, jobs.checkAttendance(clock.instant()).flagged());
        assertEquals(2, sent("attendance-below").size());
    }

    static Map<String, String> changeForm(
            Meeting m, LocalDate day, String time, String papers, int version) {
        Map<String, String> f = form(day, time, papers);
        f.put("version", String.valueOf(version));
        return f;
    }

    @Test
    void aChangeTellsInvitedPartnersWhatChangedOldAndNewAndIsAudited() {
        Meeting m = plan(LocalDate.of(2026, 7, 8), "10am", "");
        Map<String, String> f = changeForm(m, LocalDate.of(2026, 7, 9), "6:30pm", "", 1);
        f.put("place", "Room 5, Trust Headquarters");
        Meeting after =
                assertInstanceOf(
                                MeetingPlans.Result.Done.class,
                                plans.change(TestStaff.STAFF, role.id(), m.id(), f))
                        .meeting();
        assertEquals(2, after.version());
        assertEquals(LocalDate.of(2026, 7, 9), r.meetings.meetings.get(m.id()).date());
        List<OutboxMessage> told = sent("meeting-changed");
        assertEquals(1, told.size(), "only the active partner who chose e-mail");
        String body = told.get(0).email().text();
        assertTrue(body.contains("It was 8 July 2026 at 10:00am"), body);
        assertTrue(body.contains("It is now 9 July 2026 at 6:30pm"), body);
        assertTrue(body.contains("It was Room 2, Trust Headquarters"), body);
        assertTrue(body.contains("It is now Room 5, Trust Headquarters"), body);
        assertFalse(body.contains("length has changed"), body);
        assertTrue(body.contains("https://involve.example/your-involvement/"), body);
        assertEquals(2, r.audit.trailOf(m.auditRecord()).size());

        // the same values again: nothing to tell
        plans.change(
                TestStaff.STAFF,
                role.id(),
                m.id(),
                new HashMap<>(Map.of()) {
                    {
                        putAll(f);
                        put("version", "2");
                    }
                });
        assertEquals(1, sent("meeting-changed").size());
        assertEquals(2, r.meetings.meetings.get(m.id()).version());
    }

    @Test
    void aFormReadBeforeSomeoneElsesChangeWritesNothingAndKeepsWhatWasTyped() {
        Meeting m = plan(LocalDate.of(2026, 7, 8), "10am", "");
        plans.change(TestStaff.STAFF, role.id(), m.id(), changeForm(m, m.date(), "11am", "", 1));
        Map<String, String> typed = changeForm(m, m.date(), "2pm", "", 1);
        MeetingPlans.Result.Stale stale =
                assertInstanceOf(
                        MeetingPlans.Result.Stale.class,
                        plans.change(TestStaff.STAFF, role.id(), m.id(), typed));
        assertEquals("2pm", stale.values().get("time"));
        assertEquals(LocalTime.of(11, 0), stale.current().time());
        assertInstanceOf(
                MeetingPlans.Result.Stale.class,
                plans.cancel(TestStaff.STAFF, role.id(), m.id(), Map.of("version", "1")));
        assertEquals(LocalTime.of(11, 0), r.meetings.meetings.get(m.id()).time());
        assertFalse(r.meetings.meetings.get(m.id()).cancelled());
        assertEquals(1, sent("meeting-changed").size());
        // and the store refuses an update from an old version
        Meeting v1 = m;
        assertFalse(
                r.meetings.update(v1, v1.cancelledAt(NOW), r.audit.entries().get(0), List.of()));
        // bad input on the change form is answered field by field
        Map<String, String> bad = changeForm(m, m.date(), "25:00", "", 2);
        assertInstanceOf(
                MeetingPlans.Result.Invalid.class,
                plans.change(TestStaff.STAFF, role.id(), m.id(), bad));
    }

    @Test
    void aChangeAfterThePapersWentResendsThemOnlyIfThePapersChanged() {
        Meeting m = plan(LocalDate.of(2026, 6, 5), "10am", "https://papers.example/v1");
        assertEquals(1, jobs.sendPapers(clock.instant()).meetings());
        assertEquals(1, sent("meeting-papers").size());
        // time changed, papers not: not sent again
        plans.change(
                TestStaff.STAFF,
                role.id(),
                m.id(),
                changeForm(m, m.date(), "11am", "https://papers.example/v1", 1));
        Meeting v2 = r.meetings.meetings.get(m.id());
        assertEquals(LocalDate.of(2026, 6, 1), v2.papersSent());
        assertEquals(null, v2.papersDue());
        assertEquals(0, jobs.sendPapers(clock.instant()).meetings());
        assertFalse(sent("meeting-changed").get(0).email().text().contains("papers have changed"));
        // papers changed: sent again, as a new e-mail
        plans.change(
                TestStaff.STAFF,
                role.id(),
                m.id(),
                changeForm(m, m.date(), "11am", "https://papers.example/v2", 2));
        assertTrue(sent("meeting-changed").get(1).email().text().contains("papers have changed"));
        assertEquals(new MeetingJobs.PapersSummary(1, 1), jobs.sendPapers(clock.instant()));
        List<OutboxMessage> papers = sent("meeting-papers");
        assertEquals(2, papers.size());
        assertTrue(papers.get(1).email().text().contains("https://papers.example/v2"));
    }

    @Test
    void aCancelledMeetingTellsPartnersTakesNoAttendanceAndCountsNowhere() {
        Meeting m = plan(LocalDate.of(2026, 6, 10), "10am", "https://papers.example/june");
        Meeting after =
                assertInstanceOf(
                                MeetingPlans.Result.Done.class,
                                plans.cancel(
                                        TestStaff.STAFF, role.id(), m.id(), Map.of("version", "1")))
                        .meeting();
        assertTrue(after.cancelled());
        List<OutboxMessage> told = sent("meeting-cancelled");
        assertEquals(1, told.size());
        String body = told.get(0).email().text();
        assertTrue(body.contains("10 June 2026 at 10:00am has been cancelled"), body);
        assertTrue(body.contains("https://involve.example/your-involvement/"), body);
        assertEquals(2, r.audit.trailOf(m.auditRecord()).size());
        // papers never go
        clock.set(Instant.parse("2026-06-09T12:00:00Z"));
        assertEquals(0, jobs.sendPapers(clock.instant()).meetings());
        // no attendance, and not counted: a partner who attended every held meeting meets the
        // minimum
        clock.set(Instant.parse("2026-06-10T12:00:00Z"));
        assertThrows(
                Refused.class,
                () ->
                        plans.record(
                                TestStaff.STAFF,
                                role.id(),
                                m.id(),
                                active,
                                Map.of("mark", "absent")));
        assertFalse(after.heldBy(LocalDate.of(2026, 12, 31)));
        assertThrows(
                Refused.class,
                () ->
                        plans.change(
                                TestStaff.STAFF,
                                role.id(),
                                m.id(),
                                changeForm(m, m.date(), "11am", "", 2)));
        clock.set(Instant.parse("2026-07-01T00:30:00Z"));
        assertEquals(
                new MeetingJobs.AttendanceSummary(0, 0), jobs.checkAttendance(clock.instant()));
    }

    @Test
    void aMeetingAlreadyHeldCannotBeChangedOrCancelled() {
        Meeting m = plan(LocalDate.of(2026, 6, 2), "10am", "");
        clock.set(Instant.parse("2026-06-02T09:00:00Z")); // 10am BST: started
        Refused changed =
                assertThrows(
                        Refused.class,
                        () ->
                                plans.change(
                                        TestStaff.STAFF,
                                        role.id(),
                                        m.id(),
                                        changeForm(m, LocalDate.of(2026, 6, 9), "10am", "", 1)));
        assertTrue(changed.getMessage().contains("already started or been held"));
        assertThrows(
                Refused.class,
                () -> plans.cancel(TestStaff.STAFF, role.id(), m.id(), Map.of("version", "1")));
        assertEquals(1, r.meetings.meetings.get(m.id()).version());
        assertThrows(
                AccessDenied.class,
                () -> plans.cancel(TestStaff.PANEL_A, role.id(), m.id(), Map.of("version", "1")));
    }
}
