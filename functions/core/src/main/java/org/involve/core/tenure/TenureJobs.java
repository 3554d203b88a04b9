package org.involve.core.tenure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Read;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.Meetings;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.role.PaymentModel;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The daily tenure review job, on UK dates (Europe/London) so it is right across the GMT/BST changes. It reads only the
 * partners whose time in a role ends, or whose role's review date comes, within {@code reviewDays} days (one index keyed
 * by that due day, {@link org.involve.core.partners.Appointment#nextReview()}), and for each does what {@link
 * TenureRules#step} says: ask the partner and the team, chase once, or end the role with a thank-you to the partner
 * and a note to the team. Each step is one transaction (review, record, audit, e-mails) written on condition nothing
 * changed, so running it twice, or late, does what running it once does.
 */
public final class TenureJobs {
    static final String JOB = "tenure-review";
    private final TenureReviews reviews;
    private final PartnerChanges partners;
    private final RoleReader roles;
    private final Meetings meetings;
    private final TenureLetters letters;
    private final ImpactCount impact;
    private final int reviewDays;

    public TenureJobs(
            TenureReviews reviews,
            PartnerChanges partners,
            RoleReader roles,
            Meetings meetings,
            TenureLetters letters,
            ImpactCount impact,
            int reviewDays) {
        if (reviewDays < 0) throw new IllegalArgumentException("Review days cannot be negative");
        this.reviews = reviews;
        this.partners = partners;
        this.roles = roles;
        this.meetings = meetings;
        this.letters = letters;
        this.impact = impact;
        this.reviewDays = reviewDays;
    }

    /** How many reviews were asked and chased, and how many roles ended. */
    public record Summary(int asked, int chased, int ended) {}

    public Summary run(Instant now) {
        LocalDate today = now.atZone(ClosingTime.UK).toLocalDate();
        int asked = 0, chased = 0, ended = 0;
        for (PartnerRecords.Stored s : reviews.endingBy(TenureRules.dueUpTo(today, reviewDays))) {
            var a = s.appointment();
            Optional<TenureReview> review = reviews.find(a.id(), a.nextReview());
            TenureRules.Step step = TenureRules.step(a, review.orElse(null), today, reviewDays);
            if (step == TenureRules.Step.NOTHING) continue;
            Optional<Role> role = roles.find(a.roleId(), Read.EVENTUAL);
            if (role.isEmpty()) continue;
            Partner p = s.partner().orElseGet(() -> partners.partner(a.id()));
            switch (step) {
                case ASK -> {
                    if (ask(role.get(), p, today, now)) asked++;
                }
                case CHASE -> {
                    if (chase(role.get(), p, review.get(), today, now)) chased++;
                }
                case END -> {
                    if (end(role.get(), p, review.orElse(null), today, now)) ended++;
                }
                default -> {}
            }
        }
        return new Summary(asked, chased, ended);
    }

    private boolean ask(Role role, Partner p, LocalDate today, Instant now) {
        LocalDate ends = p.appointment().nextReview();
        TenureReview r = TenureReview.asked(p.id(), role.id(), ends, today);
        List<OutboxMessage> msgs = new ArrayList<>();
        if (p.involvement().byEmail()) msgs.add(letters.askPartner(role, p, ends, false, now));
        msgs.add(letters.askTeam(role, p, ends, false, now));
        AuditEntry audit =
                AuditEntry.byJob(
                        JOB,
                        "ask for a tenure review",
                        p.auditRecord(),
                        now,
                        null,
                        (p.appointment().reviewDateAhead()
                                        ? "review asked, review date "
                                        : "review asked, ends ")
                                + ends);
        return reviews.save(null, r, null, null, List.of(audit), msgs);
    }

    private boolean chase(Role role, Partner p, TenureReview r, LocalDate today, Instant now) {
        List<OutboxMessage> msgs = new ArrayList<>();
        if (r.partnerAnswer() == null && p.involvement().byEmail())
            msgs.add(letters.askPartner(role, p, r.ends(), true, now));
        if (r.staffAnswer() == null) msgs.add(letters.askTeam(role, p, r.ends(), true, now));
        AuditEntry audit =
                AuditEntry.byJob(
                        JOB,
                        "chase the tenure review",
                        p.auditRecord(),
                        now,
                        "review asked",
                        "review chased");
        return reviews.save(r, r.chased(today), null, null, List.of(audit), msgs);
    }

    private boolean end(Role role, Partner p, TenureReview r, LocalDate today, Instant now) {
        LocalDate due = p.appointment().nextReview();
        // a review date ends on that date, or on the day the job meets a later "stop"; a term on
        // its end date
        LocalDate ends = p.appointment().reviewDateAhead() && today.isAfter(due) ? today : due;
        TenureReview closed =
                (r != null ? r : TenureReview.asked(p.id(), role.id(), due, today))
                        .closed(TenureReview.Outcome.ENDED, today);
        Partner after = p.endedOn(ends);
        List<OutboxMessage> msgs = new ArrayList<>();
        if (p.involvement().byEmail())
            msgs.add(letters.thankYou(role, p, ends, contribution(p, ends, role.payment()), now));
        msgs.add(letters.endedTeam(role, p, ends, now));
        AuditEntry audit =
                AuditEntry.byJob(
                        JOB,
                        "end of the time in the role",
                        p.auditRecord(),
                        now,
                        p.status().name(),
                        after.status().name());
        return reviews.save(r, closed, p, after, List.of(audit), msgs);
    }

    /** Their role's meetings from their start to the end date: a query on the meetings' day index. */
    Contribution contribution(Partner p, LocalDate ends, PaymentModel model) {
        var a = p.appointment();
        List<Attendance> marks = new ArrayList<>();
        for (Meeting m : meetings.heldBetween(a.start(), ends))
            if (m.roleId().equals(a.roleId()) && m.isInvited(a.id()))
                for (Attendance at : meetings.attendanceAt(m.id()))
                    if (at.appointmentId().equals(a.id())) marks.add(at);
        return Contribution.of(marks, a.start(), ends, model, impact.entries(a, ends));
    }
}
