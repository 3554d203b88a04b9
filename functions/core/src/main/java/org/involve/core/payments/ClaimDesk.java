package org.involve.core.payments;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Paging;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff with the approve-claims permission see the claims waiting, each with the payment it makes and its warnings,
 * and approve or reject it (with a reason). Either way the partner is told; an approval sends the claim for payment.
 * Each decision is made on the version staff read, so two people deciding at once cannot both win.
 */
public final class ClaimDesk {
    private static final Words WORDS = Words.of("payments");
    private final Claims claims;
    private final Payments payments;
    private final PartnerRecords partners;
    private final RoleReader roles;
    private final PaymentLetters letters;
    private final MileageRates rates;
    private final Guideline guideline;
    private final Clock clock;

    public ClaimDesk(
            Claims claims,
            Payments payments,
            PartnerRecords partners,
            RoleReader roles,
            PaymentLetters letters,
            MileageRates rates,
            Guideline guideline,
            Clock clock) {
        this.claims = claims;
        this.payments = payments;
        this.partners = partners;
        this.roles = roles;
        this.letters = letters;
        this.rates = rates;
        this.guideline = guideline;
        this.clock = clock;
    }

    /** A claim with what staff need to decide it. */
    public record Waiting(Claim claim, Partner partner, Role role, ClaimReview review) {}

    /**
     * Claims waiting on a page: 25, so the table (with each claim's warnings) fits a screen or two, and a page costs one
     * query of 26 claims and, for each shown, its partner, role and earlier payments.
     */
    public static final int PAGE_SIZE = 25;

    private static final Predicate<String> KEYS =
            Paging.timeKeys("(?!appointment-)[A-Za-z0-9_.:-]{1,200}");

    /**
     * The waiting list's order, oldest first: when the claim was sent (to the nanosecond, so it sorts as text), then
     * its id, which makes each key unique. A page's cursor carries it: no personal data.
     */
    public static String key(Claim c) {
        return Paging.timeKey(c.submittedAt(), c.id());
    }

    /**
     * Whether {@code key} is of the shape {@link #key} makes: a cursor from elsewhere (the partner directory's, whose
     * ids start "appointment-") is not used.
     */
    public static boolean isKey(String key) {
        return KEYS.test(key);
    }

    /**
     * One page of the claims waiting, oldest first, each with what staff need to decide it, from where {@code asked}
     * says. A cursor that leads nowhere (the claims before or after it were decided) gives the first page.
     */
    public Paging.Page<Waiting> waiting(StaffMember who, Paging.Asked asked) {
        who.require(Permission.APPROVE_CLAIMS);
        Instant now = clock.instant();
        return Paging.read(
                        asked,
                        c ->
                                Paging.page(
                                        c,
                                        claims.waiting(c, PAGE_SIZE + 1),
                                        PAGE_SIZE,
                                        ClaimDesk::key))
                .map(claim -> review(claim, now));
    }

    public Waiting review(StaffMember who, String claimId) {
        who.require(Permission.APPROVE_CLAIMS);
        Claim claim = claims.find(claimId).orElseThrow(() -> new NotFound("claim"));
        return review(claim, clock.instant());
    }

    public Claim approve(StaffMember who, String claimId, long version) {
        who.require(Permission.APPROVE_CLAIMS);
        Instant now = clock.instant();
        Claim before = current(claimId, version);
        Waiting w = review(before, now);
        Claim after = before.approve(who.id(), now);
        List<PaymentRecord> earlier = payments.paidSoFar(before.appointmentId()).payments();
        ApprovedClaim forPayment =
                after.forPayment(
                        w.role().payment(),
                        w.partner().appointment().payment(),
                        carTenthsInTaxYear(before, earlier),
                        PaymentCalculator.paidTimeIn(before.id(), before.involvement(), earlier),
                        w.partner().appointment().applicationReference());
        OutboxMessage toPartner =
                hasEmail(w.partner())
                        ? letters.approved(w.role(), w.partner(), after, w.review(), now)
                        : null;
        if (!claims.approve(
                before,
                after,
                entry(who, "claim approved", before, after, now),
                toPartner,
                forPayment)) throw new Refused(WORDS.get("error.changedMeanwhile"));
        return after;
    }

    public Claim reject(StaffMember who, String claimId, long version, String reason) {
        who.require(Permission.APPROVE_CLAIMS);
        Instant now = clock.instant();
        Claim before = current(claimId, version);
        Waiting w = review(before, now);
        Claim after = before.reject(who.id(), now, reason);
        OutboxMessage toPartner =
                hasEmail(w.partner())
                        ? letters.rejected(w.role(), w.partner(), after, w.review().preview(), now)
                        : null;
        if (!claims.reject(
                before, after, entry(who, "claim rejected", before, after, now), toPartner))
            throw new Refused(WORDS.get("error.changedMeanwhile"));
        return after;
    }

    private Claim current(String claimId, long version) {
        Claim claim = claims.find(claimId).orElseThrow(() -> new NotFound("claim"));
        if (claim.version() != version) throw new Refused(WORDS.get("error.changedMeanwhile"));
        return claim;
    }

    private Waiting review(Claim claim, Instant now) {
        Partner partner =
                partners.partner(claim.appointmentId())
                        .flatMap(PartnerRecords.Stored::partner)
                        .orElseThrow(() -> new NotFound("partner"));
        Role role =
                roles.find(claim.roleId(), Read.CONSISTENT).orElseThrow(() -> new NotFound("role"));
        List<PaymentRecord> earlier = payments.paidSoFar(claim.appointmentId()).payments();
        ClaimReview review =
                ClaimReview.of(
                        claim,
                        role.payment(),
                        partner.appointment().payment(),
                        carTenthsInTaxYear(claim, earlier),
                        PaymentCalculator.paidTimeIn(claim.id(), claim.involvement(), earlier),
                        rates,
                        guideline,
                        earlier.stream().flatMap(p -> p.days().stream()).toList(),
                        partner.appointment().start(),
                        0,
                        now);
        return new Waiting(claim, partner, role, review);
    }

    /** Car or van miles already paid in the tax year of the claim's first journey (by the days of their journeys). */
    private static long carTenthsInTaxYear(Claim claim, List<PaymentRecord> earlier) {
        if (claim.journeys().isEmpty()) return 0;
        TaxYear year =
                TaxYear.of(
                        claim.journeys().stream()
                                .map(ApprovedClaim.Journey::date)
                                .min(java.util.Comparator.naturalOrder())
                                .orElseThrow());
        return earlier.stream()
                .filter(p -> year.contains(p.carMilesDate()))
                .mapToLong(PaymentRecord::carTenths)
                .sum();
    }

    private static boolean hasEmail(Partner p) {
        return p.involvement().email() != null && !p.involvement().email().isBlank();
    }

    private static AuditEntry entry(
            StaffMember who, String what, Claim before, Claim after, Instant now) {
        return new AuditEntry(
                who.id(),
                what,
                "claim#" + after.id(),
                now,
                before.status().name(),
                after.status().name());
    }
}
