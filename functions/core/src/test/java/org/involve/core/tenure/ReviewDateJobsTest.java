package org.involve.core.tenure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

/**
 * A role reviewed on a date ("until September 2025, then reviewed") through the daily job and the desk: asked before
 * the review date with its own wording, chased once, carried on to the next review (the last one saying so), or ended
 * on the review date when the partner or the team chose to stop.
 */
class ReviewDateJobsTest {
    // the monthly test role: no term, reviewed 3 months after it closes, 4 years at most
    static final LocalDate START = LocalDate.of(2025, 1, 1),
            REVIEW = LocalDate.of(2025, 9, 1),
            LIMIT = LocalDate.of(2029, 1, 1);
    final Round r = new Round();
    final MutableClock clock = new MutableClock(ukNoon(REVIEW.minusDays(90)));
    final Role role = r.role(TestRoles.monthly(LocalDate.of(2025, 6, 1)));
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
    final TenureDesk desk = new TenureDesk(r.tenure, changes, r.roles, letters, clock);
    final String id = appoint();

    static Instant ukNoon(LocalDate d) {
        return d.atTime(LocalTime.NOON).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    String appoint() {
        Application a = r.applicant(role, Application.Status.REFERENCES_RECEIVED);
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, START, true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        Instant.parse("2024-12-01T10:00:00Z")))
                        .appointment();
        assertEquals(REVIEW, made.reviewDate());
        assertEquals(null, made.termEnds());
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    String lastText(String purpose) {
        List<OutboxMessage> s = sent(purpose);
        return s.get(s.size() - 1).email().text();
    }

    Appointment appointment() {
        return r.partners.appointments.get(id);
    }

    TenureJobs.Summary runOn(LocalDate day) {
        clock.set(ukNoon(day));
        return jobs.run(ukNoon(day));
    }

    void carryOn() {
        var done =
                assertInstanceOf(
                        TenureDesk.Result.Done.class,
                        desk.extend(TestStaff.STAFF, id, changes.partner(id).version()));
        assertEquals("carriedOn", done.notice());
    }

    @Test
    void askedBeforeTheReviewDateSaidSoAndChasedOnce() {
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW.minusDays(91)));
        assertEquals(new TenureJobs.Summary(1, 0, 0), runOn(REVIEW.minusDays(90)));
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW.minusDays(90)));
        String partner = lastText("tenure-ask");
        assertTrue(partner.contains("is due to be reviewed on 1 September 2025"), partner);
        assertTrue(partner.contains("your next review will be on 1 September 2026"), partner);
        assertTrue(partner.contains("https://involve.example/your-involvement/"), partner);
        assertTrue(sent("tenure-ask").get(0).email().subject().contains("due to be reviewed"));
        String team = lastText("tenure-team-ask");
        assertTrue(team.contains("is due to be reviewed on 1 September 2025"), team);
        assertTrue(team.contains("https://staff.example/staff/"), team);
        assertTrue(r.tenure.find(id, REVIEW).isPresent());
        assertEquals(
                "review asked, review date 2025-09-01",
                r.audit.trailOf("appointment:" + id).get(0).toState());

        assertEquals(new TenureJobs.Summary(0, 1, 0), runOn(REVIEW.minusDays(76)));
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW.minusDays(70)));
        String chase = lastText("tenure-chase");
        assertTrue(chase.contains("Your role is due to be reviewed on 1 September 2025"), chase);
        assertEquals(1, sent("tenure-team-chase").size());
    }

    @Test
    void unansweredOnTheReviewDateTheRoleWaitsItDoesNotEnd() {
        runOn(REVIEW.minusDays(90));
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW));
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW.plusDays(10)));
        assertEquals(PartnerStatus.ACTIVE, appointment().status());
        // the team decides to stop after the date: the role ends on the day the job meets it
        clock.set(ukNoon(REVIEW.plusDays(11)));
        assertInstanceOf(
                TenureDesk.Result.Done.class,
                desk.staffAnswers(TestStaff.STAFF, id, "no", changes.partner(id).version()));
        assertEquals(new TenureJobs.Summary(0, 0, 1), runOn(REVIEW.plusDays(12)));
        assertEquals(PartnerStatus.ENDED, appointment().status());
        assertTrue(lastText("tenure-thanks").contains("13 September 2025"));
        assertEquals(
                REVIEW.plusDays(11),
                changes.partner(id).lastDayInRole(),
                "they can claim for their time up to the day before it ended");
    }

    @Test
    void thePartnerChoosingToStopEndsTheRoleOnTheReviewDateWithTheThankYou() {
        runOn(REVIEW.minusDays(90));
        clock.set(ukNoon(REVIEW.minusDays(60)));
        assertInstanceOf(TenureDesk.Result.Done.class, desk.partnerAnswers(id, "no"));
        String told = lastText("tenure-answered");
        assertTrue(told.contains("would not like to carry on after 1 September 2025"), told);
        assertTrue(told.contains("the role ends on the review date"), told);
        // staff cannot carry the role on against the partner's wish
        var refused =
                assertInstanceOf(
                        TenureDesk.Result.Refused.class,
                        desk.extend(TestStaff.STAFF, id, changes.partner(id).version()));
        assertTrue(refused.reason().contains("would like to stop"), refused.reason());

        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW.minusDays(1)));
        assertEquals(new TenureJobs.Summary(0, 0, 1), runOn(REVIEW));
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW));
        assertEquals(PartnerStatus.ENDED, appointment().status());
        assertEquals(1, sent("tenure-thanks").size());
        assertTrue(lastText("tenure-thanks").contains("ended on 1 September 2025"));
        assertEquals(
                REVIEW.minusDays(1),
                changes.partner(id).lastDayInRole(),
                "not the four-year limit: the last day to claim for is the day before the review");
        assertTrue(lastText("tenure-thanks").contains("https://involve.example/your-involvement/"));
        assertEquals(1, sent("tenure-team-ended").size());
        assertEquals(TenureReview.Outcome.ENDED, r.tenure.find(id, REVIEW).orElseThrow().outcome());
    }

    @Test
    void carriedOnYearByYearTheLastReviewSaysSoAndTheLimitEndsIt() {
        runOn(REVIEW.minusDays(90));
        clock.set(ukNoon(REVIEW.minusDays(50)));
        desk.partnerAnswers(id, "yes");
        carryOn();
        assertEquals(LocalDate.of(2026, 9, 1), appointment().reviewDate());
        // carrying on again before the next review is asked cannot skip it
        var skip =
                assertInstanceOf(
                        TenureDesk.Result.Refused.class,
                        desk.extend(TestStaff.STAFF, id, changes.partner(id).version()));
        assertTrue(skip.reason().contains("has not started yet"), skip.reason());
        assertEquals(LocalDate.of(2026, 9, 1), appointment().reviewDate());
        assertEquals(
                TenureReview.Outcome.EXTENDED, r.tenure.find(id, REVIEW).orElseThrow().outcome());
        assertEquals(
                TenureReview.Answer.YES, r.tenure.find(id, REVIEW).orElseThrow().staffAnswer());
        String told = lastText("tenure-carried-on");
        assertTrue(told.contains("Your next review will be on 1 September 2026"), told);
        assertTrue(told.contains("https://involve.example/your-involvement/"), told);
        assertTrue(
                r.audit.trailOf("appointment:" + id).stream()
                        .anyMatch(e -> "review date 2026-09-01".equals(e.toState())));
        // the old review date passes with nothing to do; the next one is asked in its turn
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(REVIEW));
        assertEquals(new TenureJobs.Summary(0, 0, 0), runOn(LocalDate.of(2026, 6, 2)));
        assertEquals(new TenureJobs.Summary(1, 0, 0), runOn(LocalDate.of(2026, 6, 3)));
        carryOn();
        runOn(LocalDate.of(2027, 6, 3));
        carryOn();
        assertEquals(LocalDate.of(2028, 9, 1), appointment().reviewDate());
        // a year after 1 September 2028 is past the limit: this review is the last, and says so
        assertEquals(new TenureJobs.Summary(1, 0, 0), runOn(LocalDate.of(2028, 6, 3)));
        String last = lastText("tenure-ask");
        assertTrue(last.contains("This is your last review"), last);
        assertTrue(last.contains("1 January 2029 at the latest"), last);
        assertTrue(lastText("tenure-team-ask").contains("This is their last review"));
        carryOn();
        assertTrue(
                lastText("tenure-carried-on").contains("That was your last review"),
                lastText("tenure-carried-on"));
        assertEquals(LIMIT, appointment().nextReview());
        // what is left is the end at the limit: asked as an end, not extendable, and ended on the
        // day
        assertEquals(new TenureJobs.Summary(1, 0, 0), runOn(LIMIT.minusDays(90)));
        assertTrue(lastText("tenure-ask").contains("ends on 1 January 2029"));
        clock.set(ukNoon(LIMIT.minusDays(30)));
        assertInstanceOf(
                TenureDesk.Result.Refused.class,
                desk.extend(TestStaff.STAFF, id, changes.partner(id).version()));
        assertEquals(new TenureJobs.Summary(0, 0, 1), runOn(LIMIT));
        assertEquals(PartnerStatus.ENDED, appointment().status());
    }

    @Test
    void theReviewDateWindowOpensOnTheUkDateInSummerTime() {
        // 90 days before 1 September 2025 is 3 June 2025, in BST
        assertEquals(LocalDate.of(2025, 6, 3), REVIEW.minusDays(90));
        assertEquals(0, jobs.run(Instant.parse("2025-06-02T22:59:00Z")).asked());
        // 00:30 on 3 June UK time is still 2 June in UTC
        assertEquals(1, jobs.run(Instant.parse("2025-06-02T23:30:00Z")).asked());
    }
}
