package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.involve.core.application.Application;
import org.involve.core.fakes.DateCases;
import org.involve.core.fakes.InMemoryClaims;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.role.Role;
import org.junit.jupiter.api.Test;

/** A partner making a claim line by line: each good line kept at once, a bad one refused with plain words. */
class ClaimMakingTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    final Round r = new Round();
    final MutableClock clock = new MutableClock(NOW);
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    final AtomicInteger ids = new AtomicInteger();
    final ClaimMaking making = new ClaimMaking(claims, clock, () -> "c" + ids.incrementAndGet());
    final Partner partner = appoint();

    Partner appoint() {
        Application a =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, "email", Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(role, a, LocalDate.of(2026, 6, 1), true, false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minus(Duration.ofDays(20))))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return r.partners.partner(made.id()).flatMap(PartnerRecords.Stored::partner).orElseThrow();
    }

    static Map<String, String> on(String day, String... more) {
        var m = new java.util.HashMap<String, String>();
        m.put("date-day", day);
        m.put("date-month", "6");
        m.put("date-year", "2026");
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    /** The appointment's end is the first day they no longer hold the role: the day before is the last to claim for. */
    @Test
    void theLastDayToClaimForIsTheDayBeforeTheirTimeInTheRoleEnds() {
        LocalDate ends = partner.appointment().ends();
        clock.set(ends.plusMonths(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        var onTheEnd = making.add(partner, ClaimMaking.TIME, dated(ends, "hours", "1"), null);
        assertTrue(
                assertInstanceOf(ClaimMaking.Result.Invalid.class, onTheEnd)
                        .errors()
                        .asMap()
                        .get("date-day")
                        .startsWith("The date must be while you were in the role"));
        var dayBefore =
                making.add(partner, ClaimMaking.TIME, dated(ends.minusDays(1), "hours", "1"), null);
        assertInstanceOf(ClaimMaking.Result.Saved.class, dayBefore);
    }

    /** Someone who has left can still claim, for their time in the role: up to the day they retired, no later. */
    @Test
    void aPartnerWhoRetiredCanClaimUpToTheDayTheyRetiredAndNoLater() {
        PartnerChanges changes =
                new PartnerChanges(
                        r.partners,
                        r.roles,
                        r.round,
                        TestPartnerLetters.letters("https://staff.example"),
                        clock);
        assertInstanceOf(
                PartnerChanges.Result.Done.class,
                changes.act(
                        PartnerChanges.Actor.partner(),
                        partner.id(),
                        PartnerChanges.RETIRE,
                        Map.of("confirm", "yes")));
        Partner retired = changes.partner(partner.id());
        clock.advance(Duration.ofDays(20));
        assertInstanceOf(
                ClaimMaking.Result.Saved.class,
                making.add(retired, ClaimMaking.TIME, on("10", "hours", "2"), null),
                "the day they retired");
        var after = making.add(retired, ClaimMaking.TIME, on("11", "hours", "1"), null);
        assertEquals(
                "The date must be while you were in the role, from 1 June 2026 to 10 June 2026",
                assertInstanceOf(ClaimMaking.Result.Invalid.class, after)
                        .errors()
                        .asMap()
                        .get("date-day"));
    }

    @Test
    void aDateWithOnlyTheDaySaysTheMonthAndYearAreMissingAndNothingElse() {
        var partial =
                making.add(partner, ClaimMaking.TIME, Map.of("date-day", "3", "hours", "1"), null);
        assertEquals(
                Map.of("date-month", "The date must include a month and year"),
                assertInstanceOf(ClaimMaking.Result.Invalid.class, partial).errors().asMap());
        assertTrue(making.draft(partner).isEmpty());
    }

    @Test
    void theDateOfALineIsReadAsEveryDateIs() {
        DateCases.check(
                (d, m, y) -> {
                    Map<String, String> line = on(d, "hours", "1");
                    line.putAll(Map.of("date-month", m, "date-year", y));
                    return making.add(partner, ClaimMaking.TIME, line, null)
                                    instanceof ClaimMaking.Result.Invalid bad
                            ? bad.errors().asMap()
                            : Map.of();
                },
                "date",
                "The date must include {parts}",
                "The date must be a real date, for example 4 3 2027",
                LocalDate.of(2026, 6, 3));
        assertEquals(1, making.draft(partner).orElseThrow().involvement().size());
    }

    private static Map<String, String> dated(LocalDate day, String... more) {
        var m = on(Integer.toString(day.getDayOfMonth()), more);
        m.put("date-month", Integer.toString(day.getMonthValue()));
        m.put("date-year", Integer.toString(day.getYear()));
        return m;
    }

    @Test
    void linesAreKeptInOneDraftAndSentTogether() {
        var rail =
                making.add(
                        partner,
                        ClaimMaking.COST,
                        on("3", "kind", "rail", "amount", "23.40"),
                        null);
        var drive =
                making.add(
                        partner,
                        ClaimMaking.JOURNEY,
                        on("4", "vehicle", "car-or-van", "miles", "12.5"),
                        null);
        var time =
                making.add(partner, ClaimMaking.TIME, on("5", "hours", "2", "minutes", "30"), null);
        assertInstanceOf(ClaimMaking.Result.Saved.class, rail);
        assertInstanceOf(ClaimMaking.Result.Saved.class, drive);
        assertInstanceOf(ClaimMaking.Result.Saved.class, time);

        Claim draft = making.draft(partner).orElseThrow();
        assertEquals(1, claims.claims.size(), "one draft, not one per line");
        assertEquals(2340, draft.expenses().get(0).pence());
        assertEquals(125, draft.journeys().get(0).tenths());
        assertEquals(150, draft.involvement().get(0).minutes());
        assertEquals(3, r.audit.trailOf("claim#" + draft.id()).size());

        assertInstanceOf(ClaimMaking.Result.Saved.class, making.submit(partner, null));
        assertEquals(ClaimStatus.SUBMITTED, claims.find(draft.id()).orElseThrow().status());
        assertTrue(making.draft(partner).isEmpty());
        assertEquals(List.of(claims.find(draft.id()).orElseThrow()), claims.waiting());

        making.add(
                partner,
                ClaimMaking.COST,
                on("6", "kind", "parking", "amount", "4", "reason", "no bus"),
                null);
        assertEquals(2, claims.claims.size(), "after sending, a new line starts a new claim");
    }

    @Test
    void aBadLineIsRefusedInPlainWordsAndLosesNothing() {
        making.add(partner, ClaimMaking.COST, on("3", "kind", "rail", "amount", "10"), null);
        var taxi =
                making.add(
                        partner, ClaimMaking.COST, on("3", "kind", "taxi", "amount", "-5"), null);
        var errors = assertInstanceOf(ClaimMaking.Result.Invalid.class, taxi).errors().asMap();
        assertEquals("The amount must be more than £0", errors.get("amount"));
        assertTrue(errors.get("reason").startsWith("Tell us why"));

        var future =
                making.add(
                        partner,
                        ClaimMaking.JOURNEY,
                        on("30", "vehicle", "bicycle", "miles", "3"),
                        null);
        assertTrue(
                assertInstanceOf(ClaimMaking.Result.Invalid.class, future)
                        .errors()
                        .asMap()
                        .get("date-day")
                        .contains("today or in the past"));
        var notReal = making.add(partner, ClaimMaking.TIME, on("31", "hours", "1"), null);
        assertEquals(
                "The date must be a real date, for example 4 3 2027",
                assertInstanceOf(ClaimMaking.Result.Invalid.class, notReal)
                        .errors()
                        .asMap()
                        .get("date-day"));
        var beforeStart =
                making.add(
                        partner,
                        ClaimMaking.TIME,
                        Map.of(
                                "date-day",
                                "20",
                                "date-month",
                                "5",
                                "date-year",
                                "2026",
                                "minutes",
                                "45"),
                        null);
        assertTrue(
                assertInstanceOf(ClaimMaking.Result.Invalid.class, beforeStart)
                        .errors()
                        .asMap()
                        .get("date-day")
                        .startsWith("The date must be while you were in the role"));
        var noTime = making.add(partner, ClaimMaking.TIME, on("3", "minutes", "75"), null);
        assertTrue(
                assertInstanceOf(ClaimMaking.Result.Invalid.class, noTime).errors().has("minutes"));

        Claim draft = making.draft(partner).orElseThrow();
        assertEquals(1, draft.expenses().size(), "the rail fare is still there");
    }

    @Test
    void aLineCanBeTakenOutAndAnEmptyClaimIsNotSent() {
        assertInstanceOf(ClaimMaking.Result.Refused.class, making.submit(partner, null));
        making.add(partner, ClaimMaking.TIME, on("3", "hours", "1"), null);
        making.add(
                partner, ClaimMaking.COST, on("3", "kind", "subsistence", "amount", "6.20"), null);
        assertInstanceOf(ClaimMaking.Result.Saved.class, making.remove(partner, "0", null));
        Claim draft = making.draft(partner).orElseThrow();
        assertTrue(draft.involvement().isEmpty());
        assertEquals(ApprovedClaim.ExpenseKind.SUBSISTENCE, draft.expenses().get(0).kind());
        assertInstanceOf(ClaimMaking.Result.Refused.class, making.remove(partner, "7", null));
        making.remove(partner, "0", null);
        assertInstanceOf(ClaimMaking.Result.Refused.class, making.submit(partner, null));
    }

    @Test
    void staffMakingAClaimForAPartnerAreNamedInTheAuditTrail() {
        making.add(partner, ClaimMaking.TIME, on("3", "hours", "4"), TestStaff.STAFF.id());
        Claim draft = making.draft(partner).orElseThrow();
        assertEquals(TestStaff.STAFF.id(), draft.onBehalfOf());
        assertEquals(TestStaff.STAFF.id(), r.audit.trailOf("claim#" + draft.id()).get(0).who());
    }
}
