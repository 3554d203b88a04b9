package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.fakes.InMemoryClaims;
import org.involve.core.fakes.InMemoryPayments;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.Round;
import org.involve.core.fakes.TestPartnerLetters;
import org.involve.core.fakes.TestPayments;
import org.involve.core.fakes.TestRoles;
import org.involve.core.fakes.TestStaff;
import org.involve.core.kit.Email;
import org.involve.core.kit.Paging;
import org.involve.core.kit.Refused;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Offer;
import org.involve.core.role.Role;
import org.involve.core.staff.AccessDenied;
import org.junit.jupiter.api.Test;

/** Staff deciding claims over the in-memory stores: warnings shown, the partner told either way, one payment sent. */
class ClaimDeskTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    final Round r = new Round();
    final MutableClock clock = new MutableClock(NOW);
    final Role role = r.role(TestRoles.dayRate(LocalDate.of(2026, 1, 20)));
    final InMemoryClaims claims = new InMemoryClaims(r.outbox, r.audit);
    final InMemoryPayments payments = new InMemoryPayments();
    final ClaimDesk desk =
            new ClaimDesk(
                    claims,
                    payments,
                    r.partners,
                    r.roles,
                    new PaymentLetters(TestPartnerLetters.letters("https://staff.example")),
                    MileageRatesTest.HMRC,
                    new Guideline(2),
                    clock);

    String appoint(boolean acceptsPayment) {
        Application a =
                r.applicant(role, Application.Status.REFERENCES_RECEIVED, "email", Map.of());
        Appointment made =
                ((Appointment.Outcome.Appointed)
                                Appointment.appoint(
                                        new Offer(
                                                role,
                                                a,
                                                LocalDate.of(2026, 6, 1),
                                                acceptsPayment,
                                                false),
                                        List.of(),
                                        TestStaff.STAFF,
                                        NOW.minus(Duration.ofDays(20))))
                        .appointment();
        assertTrue(r.partners.appoint(a, made, Map.of(), List.of(), List.of()));
        return made.id();
    }

    Claim submitted(String appointmentId, LocalDate... days) {
        List<ApprovedClaim.Session> sessions =
                java.util.Arrays.stream(days).map(d -> new ApprovedClaim.Session(d, 300)).toList();
        Claim c =
                Claim.draft("claim-" + appointmentId, appointmentId, role.id(), null, NOW)
                        .withContents(
                                sessions,
                                List.of(
                                        new Claim.ClaimExpense(
                                                ApprovedClaim.ExpenseKind.RAIL,
                                                days[0],
                                                2340,
                                                null,
                                                "r1")),
                                List.of(
                                        new ApprovedClaim.Journey(
                                                days[0], Vehicle.CAR_OR_VAN, 100)))
                        .submit(NOW);
        claims.claims.put(c.id(), c);
        return c;
    }

    private Email emailTo(String messageId) {
        return r.outbox.find(messageId).orElseThrow().email();
    }

    @Test
    void approvalShowsTheTwoDaysWarningTellsThePartnerAndSendsOnePayment() {
        String appt = appoint(true);
        LocalDate d = LocalDate.of(2026, 6, 2);
        Claim c = submitted(appt, d, d.plusDays(1), d.plusDays(2));

        assertEquals(List.of(c), claimsOn(desk.waiting(TestStaff.STAFF, FIRST)));
        ClaimDesk.Waiting w = desk.review(TestStaff.STAFF, c.id());
        assertEquals(45000, w.review().preview().involvementPence());
        assertEquals(1, w.review().warnings().size());
        assertTrue(w.review().warnings().get(0).contains("more than the guideline of 2 days"));

        Claim approved = desk.approve(TestStaff.STAFF, c.id(), c.version());

        assertEquals(ClaimStatus.APPROVED, approved.status());
        assertEquals(1, claims.sentForPayment.size());
        ApprovedClaim sent = claims.sentForPayment.get(0);
        assertEquals(c.id(), sent.claimId());
        assertEquals(role.payment(), sent.model());
        Email e = emailTo("claim-approved-" + c.id());
        assertTrue(e.text().contains("Involvement payment: £450"), e.text());
        assertTrue(
                e.text().contains("Expenses: £27.90"), e.text()); // rail £23.40 and 10 miles at 45p
        assertTrue(e.text().contains("advice about benefits: email advice@example.org"), e.text());
    }

    @Test
    void everyPaymentEmailCarriesTheBenefitsAdviceLine() {
        String appt = appoint(false);
        Claim c = submitted(appt, LocalDate.of(2026, 6, 2));
        desk.approve(TestStaff.STAFF, c.id(), c.version());
        Email e = emailTo("claim-approved-" + c.id());
        assertTrue(e.text().contains("advice about benefits: email advice@example.org"), e.text());
        assertTrue(e.text().contains("You chose not to take the involvement payment"), e.text());
        assertFalse(e.text().contains("Involvement payment:"), e.text());
        assertEquals(
                org.involve.core.partners.PaymentChoice.DECLINED,
                claims.sentForPayment.get(0).choice());
    }

    @Test
    void aRejectionTellsThePartnerWhyAndSendsNoPayment() {
        String appt = appoint(true);
        Claim c = submitted(appt, LocalDate.of(2026, 6, 2));
        assertThrows(Refused.class, () -> desk.reject(TestStaff.STAFF, c.id(), c.version(), " "));
        desk.reject(
                TestStaff.STAFF, c.id(), c.version(), "This meeting was claimed on another claim");
        Email e = emailTo("claim-rejected-" + c.id());
        assertTrue(
                e.text().contains("The reason: This meeting was claimed on another claim"),
                e.text());
        assertTrue(e.text().contains("advice about benefits: email advice@example.org"), e.text());
        assertTrue(claims.sentForPayment.isEmpty());
        AuditEntry last = r.audit.entries().get(r.audit.entries().size() - 1);
        assertEquals("claim rejected", last.what());
        assertEquals("REJECTED", last.toState());
    }

    @Test
    void aDecisionOnAStaleVersionOrWithoutThePermissionIsRefused() {
        String appt = appoint(true);
        Claim c = submitted(appt, LocalDate.of(2026, 6, 2));
        assertThrows(
                AccessDenied.class, () -> desk.approve(TestStaff.PANEL_A, c.id(), c.version()));
        assertThrows(AccessDenied.class, () -> desk.waiting(TestStaff.FINANCE, FIRST));
        assertThrows(Refused.class, () -> desk.approve(TestStaff.STAFF, c.id(), c.version() - 1));
        desk.approve(TestStaff.STAFF, c.id(), c.version());
        Refused again =
                assertThrows(
                        Refused.class,
                        () -> desk.approve(TestStaff.STAFF, c.id(), c.version() + 1));
        assertEquals("This claim is not waiting for a decision.", again.getMessage());
        assertEquals(1, claims.sentForPayment.size());
    }

    @Test
    void carMilesAlreadyPaidInTheTaxYearCountTowardTheThreshold() {
        String appt = appoint(true);
        LocalDate d = LocalDate.of(2026, 6, 2);
        TestPayments.recordOnce(
                payments,
                new PaymentRecord(
                        "earlier",
                        appt,
                        role.id(),
                        0,
                        List.of(),
                        0,
                        0,
                        99_950,
                        d.minusDays(20),
                        d.minusDays(20),
                        NOW));
        TestPayments.recordOnce(
                payments,
                new PaymentRecord(
                        "last-year",
                        appt,
                        role.id(),
                        0,
                        List.of(),
                        0,
                        0,
                        50_000,
                        LocalDate.of(2026, 4, 5),
                        LocalDate.of(2026, 4, 5),
                        NOW));
        Claim c = submitted(appt, d);
        desk.approve(TestStaff.STAFF, c.id(), c.version());
        assertEquals(99_950, claims.sentForPayment.get(0).earlierCarTenthsThisTaxYear());
    }

    /** Miles count in the tax year of their journeys, not of the claim's first line (time on 4 April, say). */
    @Test
    void earlierCarMilesCountInTheTaxYearOfTheirJourneys() {
        String appt = appoint(true);
        TestPayments.recordOnce(
                payments,
                new PaymentRecord(
                        "time-in-march-miles-in-april",
                        appt,
                        role.id(),
                        7500,
                        List.of(),
                        0,
                        0,
                        2_000,
                        LocalDate.of(2026, 4, 4),
                        LocalDate.of(2026, 4, 7),
                        NOW,
                        List.of(),
                        LocalDate.of(2026, 4, 7),
                        null));
        Claim c = submitted(appt, LocalDate.of(2026, 6, 2));
        desk.approve(TestStaff.STAFF, c.id(), c.version());
        assertEquals(2_000, claims.sentForPayment.get(0).earlierCarTenthsThisTaxYear());
    }

    /**
     * The same day in two claims is paid once for the day's whole time: the second claim tops a half day up to a full
     * one, staff and the partner are told why, and its payment record carries the partner's payroll reference.
     */
    @Test
    void aDayClaimedTwiceIsPaidOnceForItsWholeTime() {
        String appt = appoint(true);
        LocalDate d = LocalDate.of(2026, 6, 2);
        PaymentCalculator calculator =
                new PaymentCalculator(payments, MileageRatesTest.HMRC, clock);
        Claim first = onlyTime("first-" + appt, appt, new ApprovedClaim.Session(d, 180));
        desk.approve(TestStaff.STAFF, first.id(), first.version());
        calculator.handle(claims.sentForPayment.get(0));
        assertEquals(7500, payments.forClaim(first.id()).orElseThrow().involvementPence());

        Claim second = onlyTime("second-" + appt, appt, new ApprovedClaim.Session(d, 60));
        ClaimReview review = desk.review(TestStaff.STAFF, second.id()).review();
        assertEquals(7500, review.preview().involvementPence(), "the other half of the day");
        assertTrue(
                review.warnings().stream()
                        .anyMatch(w -> w.contains("already paid in an earlier claim")),
                review.warnings().toString());
        desk.approve(TestStaff.STAFF, second.id(), second.version());
        calculator.handle(claims.sentForPayment.get(1));
        PaymentRecord topUp = payments.forClaim(second.id()).orElseThrow();
        assertEquals(7500, topUp.involvementPence());
        String reference = r.partners.find(appt).orElseThrow().applicationReference();
        assertEquals(reference, topUp.payrollReference());

        Claim third = onlyTime("third-" + appt, appt, new ApprovedClaim.Session(d, 120));
        assertEquals(
                0,
                desk.review(TestStaff.STAFF, third.id()).review().preview().involvementPence(),
                "a full day already paid");
    }

    /** Two claims for one day approved before either is calculated: the second calculated still only tops up. */
    @Test
    void twoClaimsForOneDayApprovedTogetherArePaidOnceForTheDay() {
        String appt = appoint(true);
        LocalDate d = LocalDate.of(2026, 6, 2);
        PaymentCalculator calculator =
                new PaymentCalculator(payments, MileageRatesTest.HMRC, clock);
        Claim a = onlyTime("a-" + appt, appt, new ApprovedClaim.Session(d, 240));
        Claim b = onlyTime("b-" + appt, appt, new ApprovedClaim.Session(d, 120));
        desk.approve(TestStaff.STAFF, a.id(), a.version());
        desk.approve(TestStaff.STAFF, b.id(), b.version());
        calculator.handle(claims.sentForPayment.get(0));
        calculator.handle(claims.sentForPayment.get(1));
        assertEquals(
                15000,
                payments.forClaim(a.id()).orElseThrow().involvementPence()
                        + payments.forClaim(b.id()).orElseThrow().involvementPence(),
                "6 hours on one day is one full day");
    }

    private Claim onlyTime(String id, String appointmentId, ApprovedClaim.Session... sessions) {
        Claim c =
                Claim.draft(id, appointmentId, role.id(), null, NOW)
                        .withContents(List.of(sessions), List.of(), List.of())
                        .submit(NOW);
        claims.claims.put(c.id(), c);
        return c;
    }

    static final Paging.Asked FIRST = new Paging.Asked(Paging.Cursor.first(), false);

    private static List<Claim> claimsOn(Paging.Page<ClaimDesk.Waiting> page) {
        return page.items().stream().map(ClaimDesk.Waiting::claim).toList();
    }

    /** {@code n} claims of one partner, sent a minute apart from {@code from}: oldest first. */
    private List<Claim> sent(int n, Instant from) {
        String appt = appoint(true);
        List<Claim> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate day = LocalDate.of(2026, 6, 2);
            Claim c =
                    Claim.draft("claim-" + i + "-" + appt, appt, role.id(), null, NOW)
                            .withContents(
                                    List.of(new ApprovedClaim.Session(day, 300)),
                                    List.of(),
                                    List.of())
                            .submit(from.plusSeconds(60L * i));
            claims.claims.put(c.id(), c);
            out.add(c);
        }
        return out;
    }

    private Paging.Page<ClaimDesk.Waiting> page(Paging.Cursor c) {
        return desk.waiting(TestStaff.STAFF, new Paging.Asked(c, false));
    }

    @Test
    void theWaitingListIsOldestFirstAPageAtATime() {
        List<Claim> all = sent(ClaimDesk.PAGE_SIZE + 1, NOW.minus(Duration.ofDays(2)));
        Paging.Page<ClaimDesk.Waiting> first = page(Paging.Cursor.first());
        assertEquals(all.subList(0, ClaimDesk.PAGE_SIZE), claimsOn(first));
        assertEquals(null, first.previous());
        Paging.Page<ClaimDesk.Waiting> second = page(first.next());
        assertEquals(List.of(all.get(ClaimDesk.PAGE_SIZE)), claimsOn(second));
        assertEquals(null, second.next());
        assertEquals(claimsOn(first), claimsOn(page(second.previous())));

        // Deciding the first claim of page two leaves that page's cursor showing what is left after
        // it.
        Claim decided = all.get(ClaimDesk.PAGE_SIZE);
        desk.reject(TestStaff.STAFF, decided.id(), decided.version(), "Not our meeting");
        Paging.Page<ClaimDesk.Waiting> after = page(first.next());
        assertTrue(after.startedOver(), "nothing left after it: the first page, said so");
        assertEquals(ClaimDesk.PAGE_SIZE, after.items().size());
    }

    @Test
    void exactlyAPageOrNoneHasNoOtherPage() {
        assertTrue(page(Paging.Cursor.first()).items().isEmpty());
        sent(ClaimDesk.PAGE_SIZE, NOW.minus(Duration.ofDays(2)));
        Paging.Page<ClaimDesk.Waiting> only = page(Paging.Cursor.first());
        assertEquals(ClaimDesk.PAGE_SIZE, only.items().size());
        assertFalse(only.hasMore());
    }

    @Test
    void onlyAClaimKeyIsACursor() {
        Claim c = sent(1, NOW).get(0);
        assertTrue(ClaimDesk.isKey(ClaimDesk.key(c)));
        assertFalse(ClaimDesk.isKey("2026-01-01T00:00:00Z#x"), "a key of another shape");
        assertFalse(ClaimDesk.isKey(ClaimDesk.key(c) + "#<script>"));
        assertFalse(
                ClaimDesk.isKey("2026-06-10T09:00:00.000000000Z#appointment-INV-1"),
                "the partner directory's cursor");
    }
}
