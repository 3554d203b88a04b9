package org.involve.core.tenure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.involve.core.application.Application;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.meetings.Meeting;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** The daily tenure job over the in-memory stores: ask, chase, end; once each, on UK dates. */
class TenureJobsTest {
    // The SCG-like test role: 2 years, one extension of 2 years, 4 at most.
    static final LocalDate START = LocalDate.of(2025, 1, 1), ENDS = LocalDate.of(2027, 1, 1);
    final Round r = new Round();
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T09:00:00Z"));
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2024, 11, 20)));
    final PartnerChanges changes =
            new PartnerChanges(
                    r.partners,
                    r.roles,
                    r.round,
                    TestPartnerLetters.letters("https://staff.example"),
                    clock);
    final TenureLetters letters =
            new TenureLetters(
                    TestPartnerLetters.letters("https://staff.example"), "https://staff.example");
    final TenureJobs jobs =
            new TenureJobs(
                    r.tenure, changes, r.roles, r.meetings, letters, ImpactCount.NOT_KEPT, 90);

    String appoint(LocalDate start, String method, PartnerStatus status) {
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
        if (status != PartnerStatus.ACTIVE) {
            var p = changes.partner(made.id());
            assertTrue(
                    r.partners.change(
                            p,
                            p.changedTo(
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
                                            status)),
                            List.of(),
                            List.of()));
        }
        return made.id();
    }

    List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    static Instant ukNoon(LocalDate d) {
        return d.atTime(LocalTime.NOON).atZone(java.time.ZoneId.of("Europe/London")).toInstant();
    }

    @Test
    void asksThePartnerAndTheTeamOnceAndOnlyThoseWhoseWindowIsOpen() {
        String due = appoint(START, "email", PartnerStatus.ACTIVE);
        String later = appoint(START.plusMonths(6), "email", PartnerStatus.ACTIVE);
        Instant first = ukNoon(ENDS.minusDays(90));
        assertEquals(new TenureJobs.Summary(1, 0, 0), jobs.run(first));
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(first));
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(first.plusSeconds(3600)));

        List<OutboxMessage> toPartner = sent("tenure-ask");
        assertEquals(1, toPartner.size());
        String body = toPartner.get(0).email().text();
        assertTrue(body.contains("1 January 2027"), body);
        assertTrue(body.contains("https://involve.example/your-involvement/"), body);
        List<OutboxMessage> toTeam = sent("tenure-team-ask");
        assertEquals(1, toTeam.size());
        String team = toTeam.get(0).email().text();
        assertTrue(team.contains("https://staff.example/staff/"), team);
        assertTrue(team.contains(r.partners.appointments.get(due).applicationReference()), team);
        assertTrue(r.tenure.find(due, ENDS).isPresent());
        assertTrue(r.tenure.find(later, ENDS.plusMonths(6)).isEmpty());
        assertEquals(1, r.audit.trailOf("appointment:" + due).size());
    }

    @Test
    void aPartnerWhoChosePostIsNotEmailedButTheTeamIsAskedAndReminded() {
        appoint(START, "post", PartnerStatus.ACTIVE);
        jobs.run(ukNoon(ENDS.minusDays(60)));
        assertEquals(0, sent("tenure-ask").size());
        assertEquals(1, sent("tenure-team-ask").size());
        jobs.run(ukNoon(ENDS.minusDays(46)));
        assertEquals(0, sent("tenure-chase").size());
        assertEquals(1, sent("tenure-team-chase").size());
    }

    @Test
    void anUnansweredReviewIsChasedOnceAndOnlyTheSideThatHasNotAnswered() {
        String id = appoint(START, "email", PartnerStatus.ACTIVE);
        LocalDate asked = ENDS.minusDays(90);
        jobs.run(ukNoon(asked));
        TenureReview r1 = r.tenure.find(id, ENDS).orElseThrow();
        assertTrue(
                r.tenure.save(
                        r1,
                        r1.staffSaid(TenureReview.Answer.YES, TestStaff.STAFF.id()),
                        null,
                        null,
                        List.of(),
                        List.of()));
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(ukNoon(asked.plusDays(13))));
        assertEquals(new TenureJobs.Summary(0, 1, 0), jobs.run(ukNoon(asked.plusDays(14))));
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(ukNoon(asked.plusDays(15))));
        assertEquals(1, sent("tenure-chase").size());
        assertEquals(0, sent("tenure-team-chase").size());
        assertEquals(asked.plusDays(14), r.tenure.find(id, ENDS).orElseThrow().chasedOn());
    }

    @Test
    void onTheEndDateTheRoleEndsWithAThankYouSummingUpWhatTheyGaveAndTheTeamIsTold() {
        String id = appoint(START, "email", PartnerStatus.PAUSED);
        String other = appoint(START, "email", PartnerStatus.ACTIVE);
        Meeting m =
                Meeting.planned(
                        "m1",
                        role.id(),
                        LocalDate.of(2025, 5, 1),
                        LocalTime.of(18, 30),
                        270,
                        "Room 2",
                        "",
                        "",
                        null,
                        List.of(id, other),
                        "staff",
                        Instant.parse("2025-04-01T10:00:00Z"));
        r.meetings.meetings.put(m.id(), m);
        r.meetings.attendance.put(
                "m1#" + id,
                new Attendance(
                        "m1",
                        id,
                        role.id(),
                        m.date(),
                        AttendanceMark.ATTENDED,
                        270,
                        "staff",
                        Instant.parse("2025-05-01T20:00:00Z"),
                        1));
        r.meetings.attendance.put(
                "m1#" + other,
                new Attendance(
                        "m1",
                        other,
                        role.id(),
                        m.date(),
                        AttendanceMark.ABSENT,
                        0,
                        "staff",
                        Instant.parse("2025-05-01T20:00:00Z"),
                        1));

        assertEquals(0, jobs.run(ukNoon(ENDS.minusDays(1))).ended());
        assertEquals(
                new TenureJobs.Summary(0, 0, 2), jobs.run(Instant.parse("2027-01-01T00:00:00Z")));
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(ukNoon(ENDS)));
        assertEquals(PartnerStatus.ENDED, r.partners.appointments.get(id).status());
        assertEquals(PartnerStatus.ENDED, r.partners.appointments.get(other).status());
        assertEquals(ENDS.minusDays(1), r.partners.involvements.get(id).lastDayInRole());

        List<OutboxMessage> thanks = sent("tenure-thanks");
        assertEquals(2, thanks.size());
        String body =
                thanks.stream()
                        .filter(t -> t.id().contains(id))
                        .findFirst()
                        .orElseThrow()
                        .email()
                        .text();
        assertTrue(
                body.contains("Meetings you came to: 1. Hours at meetings: 4.5. That is 1 days"),
                body);
        assertTrue(body.contains("ended on 1 January 2027"), body);
        assertTrue(!body.contains("Changes your group recorded"), body);
        String otherBody =
                thanks.stream()
                        .filter(t -> t.id().contains(other))
                        .findFirst()
                        .orElseThrow()
                        .email()
                        .text();
        assertTrue(otherBody.contains("Meetings you came to: 0."), otherBody);
        assertEquals(2, sent("tenure-team-ended").size());
        assertTrue(
                r.audit.trailOf("appointment:" + id).stream()
                        .anyMatch(e -> "ENDED".equals(e.toState())));
    }

    @Test
    void theImpactEntriesGoInTheThankYouOnceTheLogIsConnected() {
        TenureJobs withImpact =
                new TenureJobs(
                        r.tenure,
                        changes,
                        r.roles,
                        r.meetings,
                        letters,
                        (a, to) -> OptionalInt.of(4),
                        90);
        appoint(START, "email", PartnerStatus.ACTIVE);
        withImpact.run(ukNoon(ENDS));
        String body = sent("tenure-thanks").get(0).email().text();
        assertTrue(
                body.contains("Changes your group recorded because of what partners said: 4."),
                body);
    }

    @Test
    void retiredPartnersAreNeitherAskedNorEnded() {
        String id = appoint(START, "email", PartnerStatus.RETIRED);
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(ukNoon(ENDS.minusDays(30))));
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(ukNoon(ENDS)));
        assertEquals(PartnerStatus.RETIRED, r.partners.appointments.get(id).status());
        assertTrue(r.outbox.messages().isEmpty());
    }

    @Test
    void theReviewWindowOpensOnTheUkDateInSummerTime() {
        appoint(START, "email", PartnerStatus.ACTIVE);
        // 90 days before 1 January 2027 is 3 October 2026, in BST: 23:59 on 2 October UK time is
        // 22:59Z
        assertEquals(LocalDate.of(2026, 10, 3), ENDS.minusDays(90));
        assertEquals(0, jobs.run(Instant.parse("2026-10-02T22:59:00Z")).asked());
        // 00:30 on 3 October UK time is still 2 October in UTC
        assertEquals(1, jobs.run(Instant.parse("2026-10-02T23:30:00Z")).asked());
    }
}
