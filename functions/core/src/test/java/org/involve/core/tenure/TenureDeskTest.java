package org.involve.core.tenure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.involve.core.kit.Refused;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Answering a tenure review (partner and staff) and extending once, never past 4 years. */
class TenureDeskTest {
    static final LocalDate START = LocalDate.of(2025, 1, 1), ENDS = LocalDate.of(2027, 1, 1);
    final Round r = new Round();
    final MutableClock clock = new MutableClock(ukNoon(ENDS.minusDays(80)));
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
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    List<OutboxMessage> sent(String purpose) {
        return r.outbox.messages().stream().filter(m -> m.purpose().equals(purpose)).toList();
    }

    String version() {
        return changes.partner(id).version();
    }

    @Test
    void nothingToAnswerBeforeTheReviewIsAsked() {
        assertInstanceOf(TenureDesk.Result.Refused.class, desk.partnerAnswers(id, "yes"));
        assertInstanceOf(
                TenureDesk.Result.Refused.class,
                desk.staffAnswers(TestStaff.STAFF, id, "yes", version()));
        assertTrue(r.outbox.messages().isEmpty());
    }

    @Test
    void thePartnerAnswersFromTheirLinkAndTheTeamIsTold() {
        jobs.run(clock.instant());
        TenureDesk.Result.Invalid bad =
                assertInstanceOf(TenureDesk.Result.Invalid.class, desk.partnerAnswers(id, ""));
        assertTrue(bad.errors().has(TenureDesk.ANSWER));
        var done = assertInstanceOf(TenureDesk.Result.Done.class, desk.partnerAnswers(id, "yes"));
        assertEquals("partnerYes", done.notice());
        assertEquals(
                TenureReview.Answer.YES, r.tenure.find(id, ENDS).orElseThrow().partnerAnswer());
        List<OutboxMessage> told = sent("tenure-answered");
        assertEquals(1, told.size());
        assertTrue(
                told.get(0).email().text().contains("would like to carry on after 1 January 2027"));
        assertTrue(told.get(0).email().text().contains("https://staff.example/staff/partners/"));
    }

    @Test
    void staffRecordTheirAnswerWithTheVersionTheyRead() {
        jobs.run(clock.instant());
        String stale = version();
        desk.extend(TestStaff.STAFF, id, stale);
        assertThrows(Refused.class, () -> desk.staffAnswers(TestStaff.STAFF, id, "yes", stale));
        assertThrows(
                AccessDenied.class,
                () -> desk.staffAnswers(TestStaff.PANEL_A, id, "yes", version()));
    }

    @Test
    void staffSayNoAndTheRoleEndsOnTheDay() {
        jobs.run(clock.instant());
        var done =
                assertInstanceOf(
                        TenureDesk.Result.Done.class,
                        desk.staffAnswers(TestStaff.STAFF, id, "no", version()));
        assertEquals("staffNo", done.notice());
        TenureReview review = r.tenure.find(id, ENDS).orElseThrow();
        assertEquals(TenureReview.Answer.NO, review.staffAnswer());
        assertEquals(TestStaff.STAFF.id(), review.staffBy());
        jobs.run(ukNoon(ENDS));
        assertEquals(PartnerStatus.ENDED, r.partners.appointments.get(id).status());
        assertEquals(TenureReview.Outcome.ENDED, r.tenure.find(id, ENDS).orElseThrow().outcome());
    }

    @Test
    void extendedOnceByTwoYearsThenASecondExtensionPastFourYearsIsRefusedInPlainWords() {
        jobs.run(clock.instant());
        desk.partnerAnswers(id, "yes");
        desk.staffAnswers(TestStaff.STAFF, id, "yes", version());
        var done =
                assertInstanceOf(
                        TenureDesk.Result.Done.class, desk.extend(TestStaff.STAFF, id, version()));
        Partner after = done.partner();
        assertEquals(LocalDate.of(2029, 1, 1), after.appointment().termEnds());
        assertEquals(1, after.appointment().extensionsUsed());
        assertEquals(after.appointment(), r.partners.appointments.get(id));
        assertEquals(
                TenureReview.Outcome.EXTENDED, r.tenure.find(id, ENDS).orElseThrow().outcome());
        List<OutboxMessage> told = sent("tenure-extended");
        assertEquals(1, told.size());
        assertTrue(told.get(0).email().text().contains("now ends on 1 January 2029"));

        // the job does not end them on the old date, and asks again 90 days before the new one
        assertEquals(new TenureJobs.Summary(0, 0, 0), jobs.run(ukNoon(ENDS)));
        assertEquals(PartnerStatus.ACTIVE, r.partners.appointments.get(id).status());
        assertEquals(1, jobs.run(ukNoon(LocalDate.of(2029, 1, 1).minusDays(90))).asked());

        var refused =
                assertInstanceOf(
                        TenureDesk.Result.Refused.class,
                        desk.extend(TestStaff.STAFF, id, version()));
        assertEquals(
                "Their term has already been extended once, which is as many times as this role"
                        + " allows.",
                refused.reason());
        assertEquals(LocalDate.of(2029, 1, 1), r.partners.appointments.get(id).termEnds());
        assertEquals(1, sent("tenure-extended").size());
    }
}
