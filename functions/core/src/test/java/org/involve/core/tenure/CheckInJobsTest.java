package org.involve.core.tenure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The annual check-in: asked on the anniversary (UK dates), chased once, answered by the partner, recorded by staff. */
class CheckInJobsTest {
    static final LocalDate START = LocalDate.of(2025, 7, 1);
    final Round r = new Round();
    final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T09:00:00Z"));
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2024, 11, 20)));
    final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("https://staff.example"),
                    clock);
    final CheckInLetters letters =
            new CheckInLetters(
                    TestPartnerLetters.letters("https://staff.example"), "https://staff.example");
    final CheckInJobs jobs = new CheckInJobs(r.checkIns, changes, r.roles, letters);
    final CheckInDesk desk = new CheckInDesk(r.checkIns, changes, r.roles, letters, clock);

    String appoint(LocalDate start, String method) {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED, method, Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, start, true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        Instant.parse("2024-12-01T10:00:00Z")))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    @Test
    void asksOnTheAnniversaryInUkTimeOnceAndOnlyThoseWhoseDayHasCome() {
        String due = appoint(START, "email");
        String tomorrow = appoint(START.plusDays(1), "email");
        String newer = appoint(START.plusYears(1), "email");
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the anniversary has come
        Instant justAfterUkMidnight = Instant.parse("2026-06-30T23:30:00Z");
        assertEquals(new CheckInJobs.Summary(1, 0), jobs.run(justAfterUkMidnight));
        assertEquals(new CheckInJobs.Summary(0, 0), jobs.run(justAfterUkMidnight));
        assertEquals(
                new CheckInJobs.Summary(0, 0), jobs.run(Instant.parse("2026-07-01T12:00:00Z")));
        assertTrue(r.checkIns.find(due, 1).isPresent());
        assertTrue(r.checkIns.find(tomorrow, 1).isEmpty());
        assertTrue(r.checkIns.find(newer, 1).isEmpty());
        assertEquals(1, sent("checkin-ask").size());
        String body = sent("checkin-ask").get(0).email().text();
        assertTrue(body.contains("https://involve.example/your-involvement/"), body);
        assertTrue(body.contains("/check-in"), body);
        String team = sent("checkin-team-ask").get(0).email().text();
        assertTrue(team.contains(r.partners.appointments.get(due).applicationReference()), team);
        assertTrue(team.contains("https://staff.example/staff/partners/"), team);
        assertEquals(1, r.audit.trailOf("appointment:" + due).size());
        // the next day the other is asked
        assertEquals(
                new CheckInJobs.Summary(1, 0), jobs.run(Instant.parse("2026-07-02T06:00:00Z")));
    }

    @Test
    void aPartnerWhoChoseTelephoneIsNotEmailedTheTeamIsToldToCallThem() {
        appoint(START, "telephone");
        jobs.run(Instant.parse("2026-07-01T06:00:00Z"));
        assertEquals(0, sent("checkin-ask").size());
        String team = sent("checkin-team-ask").get(0).email().text();
        assertTrue(team.contains("contact them by telephone"), team);
    }

    @Test
    void anUnrecordedCheckInIsChasedOnceThePartnerOnlyIfTheyHaveNotAnswered() {
        String id = appoint(START, "email");
        jobs.run(Instant.parse("2026-07-01T06:00:00Z"));
        clock.set(Instant.parse("2026-07-05T10:00:00Z"));
        assertInstanceOf(
                CheckInDesk.Result.Done.class,
                desk.partnerAnswers(id, "Going well", "A laptop would help"));
        assertEquals(1, sent("checkin-answered").size());
        assertEquals(
                new CheckInJobs.Summary(0, 0), jobs.run(Instant.parse("2026-07-14T06:00:00Z")));
        assertEquals(
                new CheckInJobs.Summary(0, 1), jobs.run(Instant.parse("2026-07-15T06:00:00Z")));
        assertEquals(
                new CheckInJobs.Summary(0, 0), jobs.run(Instant.parse("2026-07-16T06:00:00Z")));
        assertEquals(0, sent("checkin-chase").size());
        assertEquals(1, sent("checkin-team-chase").size());
    }

    @Test
    void thePartnerMustSayHowItIsGoingAndStaffRecordOnTheVersionTheyRead() {
        String id = appoint(START, "email");
        clock.set(Instant.parse("2026-06-20T10:00:00Z"));
        assertInstanceOf(CheckInDesk.Result.Refused.class, desk.partnerAnswers(id, "Fine", ""));
        jobs.run(Instant.parse("2026-07-01T06:00:00Z"));
        clock.set(Instant.parse("2026-07-02T10:00:00Z"));
        var invalid =
                assertInstanceOf(
                        CheckInDesk.Result.Invalid.class, desk.partnerAnswers(id, "  ", "x"));
        assertTrue(invalid.errors().has(CheckInDesk.HOW_GOING));
        assertInstanceOf(CheckInDesk.Result.Done.class, desk.partnerAnswers(id, "Fine", ""));
        CheckIn answered = r.checkIns.find(id, 1).orElseThrow();
        assertEquals("Fine", answered.howGoing());

        assertInstanceOf(
                CheckInDesk.Result.Refused.class,
                desk.staffRecords(TestStaff.STAFF, id, "We talked", "1"));
        assertInstanceOf(
                CheckInDesk.Result.Invalid.class,
                desk.staffRecords(TestStaff.STAFF, id, "", answered.formVersion()));
        assertInstanceOf(
                CheckInDesk.Result.Done.class,
                desk.staffRecords(TestStaff.STAFF, id, "We talked", answered.formVersion()));
        CheckIn held = r.checkIns.find(id, 1).orElseThrow();
        assertTrue(held.held());
        assertEquals("We talked", held.notes());
        assertEquals(3, r.audit.trailOf("appointment:" + id).size());
    }

    @Test
    void aPausedPartnerIsNotEmailedTheTeamHoldsItWhenTheyComeBack() {
        String id = appoint(START, "email");
        var p = changes.partner(id);
        var a = p.appointment();
        assertTrue(
                r.partners.change(
                        p,
                        p.changedTo(
                                new Appointment(
                                        a.id(),
                                        a.roleId(),
                                        a.applicationReference(),
                                        a.personKey(),
                                        a.appointedAt(),
                                        a.start(),
                                        a.termEnds(),
                                        a.reviewDate(),
                                        a.latestEnd(),
                                        a.extensionsUsed(),
                                        a.payment(),
                                        a.steppingDown(),
                                        PartnerStatus.PAUSED)),
                        List.of(),
                        List.of()));
        jobs.run(Instant.parse("2026-07-01T06:00:00Z"));
        assertEquals(0, sent("checkin-ask").size());
        assertTrue(sent("checkin-team-ask").get(0).email().text().contains("paused"));
    }

    @Test
    void untilThisYearsCheckInIsAskedLastYearsStaysTheOneToAnswer() {
        String id = appoint(START, "email");
        jobs.run(Instant.parse("2026-07-01T06:00:00Z"));
        // the next anniversary, before the morning job: last year's is still open
        clock.set(Instant.parse("2027-07-01T00:30:00Z"));
        assertEquals(1, desk.latest(changes.partner(id)).orElseThrow().year());
        assertInstanceOf(CheckInDesk.Result.Done.class, desk.partnerAnswers(id, "Fine", ""));
        // the second anniversary is the last day of this 2-year term: no check-in (the tenure
        // review covers it)
        assertEquals(0, jobs.run(Instant.parse("2027-07-01T06:00:00Z")).asked());
        assertTrue(r.checkIns.find(id, 2).isEmpty());
        assertEquals("Fine", desk.latest(changes.partner(id)).orElseThrow().howGoing());
    }
}
