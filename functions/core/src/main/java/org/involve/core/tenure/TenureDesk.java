package org.involve.core.tenure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Read;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.ReviewDates;
import org.involve.core.partners.TenureExtension;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * The answers to a tenure review and the extension. The partner says from their link whether they would like to carry
 * on (the team is told); staff record whether they recommend it, and extend the term ({@link TenureExtension}: once,
 * by the role's extension, never past its most time) or let it end on the day (the daily job ends it). Each is one
 * transaction with its audit entry, written on condition nothing changed meanwhile; a staff form carries the record's
 * {@link Partner#version}.
 */
public final class TenureDesk {
    public static final String ANSWER = "answer";
    private static final Words WORDS = Words.of("tenure");
    private final TenureReviews reviews;
    private final PartnerChanges partners;
    private final RoleReader roles;
    private final TenureLetters letters;
    private final Clock clock;

    public TenureDesk(
            TenureReviews reviews,
            PartnerChanges partners,
            RoleReader roles,
            TenureLetters letters,
            Clock clock) {
        this.reviews = reviews;
        this.partners = partners;
        this.roles = roles;
        this.letters = letters;
        this.clock = clock;
    }

    public sealed interface Result {
        /** Done; {@code notice} is the key of the notice to show (notice.tenure.*). */
        record Done(Partner partner, String notice) implements Result {}

        /** Nothing was done, for {@code reason} (plain words for the page). */
        record Refused(Partner partner, String reason) implements Result {}

        record Invalid(Partner partner, FieldErrors errors) implements Result {}
    }

    /** The review of the partner's current end date, if they were asked. */
    public Optional<TenureReview> review(Partner p) {
        return reviews.find(p.id(), p.appointment().nextReview());
    }

    /** The partner, from their link: would they like to carry on? The team is told. */
    public Result partnerAnswers(String appointmentId, String answer) {
        Partner p = partners.partner(appointmentId);
        Optional<TenureReview> r = review(p);
        if (!p.current() || r.isEmpty() || !r.get().open())
            return new Result.Refused(p, WORDS.get("error.review.notOpen"));
        TenureReview.Answer a = TenureReview.Answer.fromSlug(answer == null ? "" : answer.strip());
        if (a == null)
            return new Result.Invalid(
                    p, FieldErrors.of(ANSWER, WORDS.get("field.partnerAnswer.error")));
        Instant now = clock.instant();
        TenureReview after = r.get().partnerSaid(a);
        AuditEntry audit =
                new AuditEntry(
                        "partner",
                        "answer the tenure review",
                        p.auditRecord(),
                        now,
                        r.get().partnerAnswer() == null
                                ? null
                                : "continue " + r.get().partnerAnswer().slug(),
                        "continue " + a.slug());
        OutboxMessage toTeam = letters.partnerAnswered(role(p), p, after, now);
        if (!reviews.save(r.get(), after, null, null, List.of(audit), List.of(toTeam)))
            return new Result.Refused(p, WORDS.get("error.review.changedMeanwhile"));
        return new Result.Done(p, a == TenureReview.Answer.YES ? "partnerYes" : "partnerNo");
    }

    /** Staff record whether they recommend the partner carries on. */
    public Result staffAnswers(
            StaffMember who, String appointmentId, String answer, String version) {
        who.require(Permission.APPOINT_PARTNERS);
        Partner p = current(appointmentId, version);
        Optional<TenureReview> r = review(p);
        if (!p.current() || r.isEmpty() || !r.get().open())
            return new Result.Refused(p, WORDS.get("error.review.notOpen"));
        TenureReview.Answer a = TenureReview.Answer.fromSlug(answer == null ? "" : answer.strip());
        if (a == null)
            return new Result.Invalid(
                    p, FieldErrors.of(ANSWER, WORDS.get("field.staffAnswer.error")));
        Instant now = clock.instant();
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "record the team's tenure review answer",
                        p.auditRecord(),
                        now,
                        r.get().staffAnswer() == null
                                ? null
                                : "recommend " + r.get().staffAnswer().slug(),
                        "recommend " + a.slug());
        if (!reviews.save(
                r.get(), r.get().staffSaid(a, who.id()), null, null, List.of(audit), List.of()))
            return new Result.Refused(p, WORDS.get("error.review.changedMeanwhile"));
        return new Result.Done(p, a == TenureReview.Answer.YES ? "staffYes" : "staffNo");
    }

    /**
     * Extends the term once by the role's extension, closing the review of the old end date; the partner is told.
     * Refused with the plain reason {@link TenureExtension} gives (a second extension, or one past the most time).
     */
    public Result extend(StaffMember who, String appointmentId, String version) {
        Partner p = current(appointmentId, version);
        Role role = role(p);
        Instant now = clock.instant();
        if (p.appointment().reviewDateAhead()) return carryOn(who, p, role, now);
        TenureExtension.Outcome o = TenureExtension.extend(p.appointment(), role, who, now);
        if (o instanceof TenureExtension.Outcome.Refused refused)
            return new Result.Refused(p, refused.reason());
        var extended = (TenureExtension.Outcome.Extended) o;
        Partner after = p.changedTo(extended.appointment());
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        LocalDate oldEnd = p.appointment().ends();
        Optional<TenureReview> r = review(p);
        TenureReview closed =
                r.orElseGet(() -> TenureReview.asked(p.id(), role.id(), oldEnd, today))
                        .closed(TenureReview.Outcome.EXTENDED, today);
        List<OutboxMessage> msgs = new ArrayList<>();
        if (p.involvement().byEmail()) msgs.add(letters.extended(role, after, oldEnd, now));
        if (!reviews.save(r.orElse(null), closed, p, after, List.of(extended.audit()), msgs))
            return new Result.Refused(p, WORDS.get("error.review.changedMeanwhile"));
        return new Result.Done(after, "extended");
    }

    /**
     * A role with a review date: staff agree the partner carries on, which sets the next review date ({@link
     * ReviewDates}) and closes the review of this one; refused before that review is asked (so carrying on twice cannot
     * skip a review) and when the partner said they would like to stop. The
     * partner is told when their next review is (or that this was the last one).
     */
    private Result carryOn(StaffMember who, Partner p, Role role, Instant now) {
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        LocalDate reviewDate = p.appointment().reviewDate();
        Optional<TenureReview> r = review(p);
        if (r.isEmpty() || !r.get().open())
            return new Result.Refused(p, WORDS.get("error.review.carryOnNotAsked"));
        if (r.get().partnerAnswer() == TenureReview.Answer.NO)
            return new Result.Refused(p, WORDS.get("error.review.partnerStops"));
        ReviewDates.Outcome o = ReviewDates.carryOn(p.appointment(), role, who, now);
        if (o instanceof ReviewDates.Outcome.Refused refused)
            return new Result.Refused(p, refused.reason());
        var continued = (ReviewDates.Outcome.Continued) o;
        Partner after = p.changedTo(continued.appointment());
        TenureReview closed =
                r.get()
                        .staffSaid(TenureReview.Answer.YES, who.id())
                        .closed(TenureReview.Outcome.EXTENDED, today);
        List<OutboxMessage> msgs = new ArrayList<>();
        if (p.involvement().byEmail()) msgs.add(letters.carriedOn(role, after, reviewDate, now));
        if (!reviews.save(r.get(), closed, p, after, List.of(continued.audit()), msgs))
            return new Result.Refused(p, WORDS.get("error.review.changedMeanwhile"));
        return new Result.Done(after, "carriedOn");
    }

    private Partner current(String appointmentId, String version) {
        Partner p = partners.partner(appointmentId);
        if (!Version.matches(version, p.version()))
            throw new org.involve.core.kit.Refused(WORDS.get("error.review.changedMeanwhile"));
        return p;
    }

    private Role role(Partner p) {
        return roles.find(p.appointment().roleId(), Read.EVENTUAL)
                .orElseThrow(() -> new NotFound("No such role"));
    }
}
