package org.involve.core.partners;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.application.ApplicationForm;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.Words;
import org.involve.core.role.Role;
import org.involve.core.role.Tenure;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * A partner's hold on one role: made from a successful application, with the tenure the role sets.
 * The id comes from the application, so appointing the same application twice is one appointment.
 *
 * @param personKey    the applicant key (a hash), which links one person's roles without naming them
 * @param termEnds     the end of the current term, or null when the role has a review date instead
 * @param reviewDate   when the role is reviewed, if it has a review date
 * @param latestEnd    start plus the role's maximum years (4 for any PPV role): nothing extends past it
 * @param steppingDown they hold the most paid roles allowed and will step down from one before starting
 */
public record Appointment(
        String id,
        String roleId,
        String applicationReference,
        String personKey,
        Instant appointedAt,
        LocalDate start,
        LocalDate termEnds,
        LocalDate reviewDate,
        LocalDate latestEnd,
        int extensionsUsed,
        PaymentChoice payment,
        boolean steppingDown,
        PartnerStatus status) {
    private static final Words WORDS = Words.of("partners");

    public Appointment {
        if (id == null
                || roleId == null
                || personKey == null
                || appointedAt == null
                || start == null
                || latestEnd == null
                || payment == null
                || status == null)
            throw new IllegalArgumentException("An appointment is missing a required value");
        if (termEnds != null && termEnds.isAfter(latestEnd))
            throw new IllegalArgumentException("A term cannot run past the maximum time in a role");
        if (extensionsUsed < 0)
            throw new IllegalArgumentException("Extensions used cannot be negative");
    }

    public sealed interface Outcome {
        record Appointed(Appointment appointment, AuditEntry audit) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    public static String idFor(String applicationReference) {
        return "appointment-" + applicationReference;
    }

    /** When their time in the role ends unless extended: the term's end, or the 4-year limit for a role reviewed instead. */
    public LocalDate ends() {
        return termEnds != null ? termEnds : latestEnd;
    }

    /**
     * The day the next tenure review is about: the review date while it comes before the end of their time in the
     * role, otherwise that end. The daily job finds partners by this day (one index serves both).
     */
    public LocalDate nextReview() {
        return reviewDateAhead() ? reviewDate : ends();
    }

    /** The next review is a review date (the role carries on unless someone chooses to stop), not the end. */
    public boolean reviewDateAhead() {
        return reviewDate != null && reviewDate.isBefore(ends());
    }

    /** Holds the role on that day (paused partners still hold it). */
    public boolean currentOn(LocalDate day) {
        return (status == PartnerStatus.ACTIVE || status == PartnerStatus.PAUSED)
                && day.isBefore(ends());
    }

    public boolean paidRoleOn(LocalDate day) {
        return payment == PaymentChoice.ACCEPTED && currentOn(day);
    }

    /** The same appointment with another status (paused, back, retired or ended). */
    Appointment withStatus(PartnerStatus newStatus) {
        return new Appointment(
                id,
                roleId,
                applicationReference,
                personKey,
                appointedAt,
                start,
                termEnds,
                reviewDate,
                latestEnd,
                extensionsUsed,
                payment,
                steppingDown,
                newStatus);
    }

    Appointment withReviewDate(LocalDate newReviewDate) {
        return new Appointment(
                id,
                roleId,
                applicationReference,
                personKey,
                appointedAt,
                start,
                termEnds,
                newReviewDate,
                latestEnd,
                extensionsUsed,
                payment,
                steppingDown,
                status);
    }

    Appointment withTerm(LocalDate newTermEnds, int newExtensionsUsed) {
        return new Appointment(
                id,
                roleId,
                applicationReference,
                personKey,
                appointedAt,
                start,
                newTermEnds,
                reviewDate,
                latestEnd,
                newExtensionsUsed,
                payment,
                steppingDown,
                status);
    }

    /**
     * Makes the appointment, or says in plain words why it cannot be made.
     *
     * @param personsAppointments every appointment in the system for the same person (same applicant key)
     */
    public static Outcome appoint(
            Offer offer, List<Appointment> personsAppointments, StaffMember by, Instant now) {
        by.require(Permission.APPOINT_PARTNERS);
        Role role = offer.role();
        var app = offer.application();
        String id = idFor(app.reference());
        LocalDate start = offer.start();
        if (personsAppointments.stream()
                .anyMatch(
                        a ->
                                a.id().equals(id)
                                        || (a.roleId().equals(role.id()) && a.currentOn(start))))
            return new Outcome.Refused(WORDS.get("error.appoint.already"));

        Tenure tenure = role.tenure();
        LocalDate latestEnd = start.plusYears(tenure.maximumYears());
        LocalDate reviewDate = tenure.reviewDate();
        if (reviewDate != null && !reviewDate.isAfter(start))
            return new Outcome.Refused(
                    WORDS.format(
                            "error.appoint.reviewBeforeStart",
                            "review",
                            ClosingTime.displayDate(reviewDate),
                            "start",
                            ClosingTime.displayDate(start)));
        if (reviewDate != null && reviewDate.isAfter(latestEnd)) reviewDate = latestEnd;
        LocalDate termEnds =
                tenure.initialYears() > 0
                        ? start.plusYears(tenure.initialYears())
                        : reviewDate == null ? latestEnd : null;

        PaymentChoice payment =
                !role.payment().isPaid()
                        ? PaymentChoice.UNPAID_ROLE
                        : offer.acceptsPayment() ? PaymentChoice.ACCEPTED : PaymentChoice.DECLINED;
        boolean atLimit = false;
        if (payment == PaymentChoice.ACCEPTED) {
            int limit = role.eligibility().maximumPaidRoles();
            int held = paidRolesHeld(offer, personsAppointments);
            atLimit = held >= limit;
            if (atLimit && !offer.willStepDown()) {
                return new Outcome.Refused(
                        WORDS.format(
                                held == 1
                                        ? "error.appoint.paidRoleLimit.one"
                                        : "error.appoint.paidRoleLimit.many",
                                "held",
                                held,
                                "limit",
                                limit));
            }
        }
        Appointment a =
                new Appointment(
                        id,
                        role.id(),
                        app.reference(),
                        app.applicantKey(),
                        now,
                        start,
                        termEnds,
                        reviewDate,
                        latestEnd,
                        0,
                        payment,
                        atLimit,
                        PartnerStatus.ACTIVE);
        return new Outcome.Appointed(
                a,
                AuditEntry.by(
                        by,
                        "appointed to the role from application " + app.reference(),
                        "appointment:" + id,
                        now,
                        null,
                        PartnerStatus.ACTIVE.name()));
    }

    /**
     * Paid roles they will hold on the start date: those they declared when applying (with any organisation, so
     * including roles here), plus paid roles here that they have been appointed to since they applied. Adding
     * every paid role here to the declaration would count twice the ones they already told us about.
     */
    public static int paidRolesHeld(Offer offer, List<Appointment> personsAppointments) {
        int declared;
        try {
            declared =
                    Math.max(
                            0,
                            Integer.parseInt(
                                    offer.application()
                                            .answer(ApplicationForm.PAID_ROLES_HELD)
                                            .strip()));
        } catch (NumberFormatException e) {
            declared = 0;
        }
        Instant applied = offer.application().submittedAt();
        long since =
                personsAppointments.stream()
                        .filter(
                                a ->
                                        a.paidRoleOn(offer.start())
                                                && (applied == null
                                                        || a.appointedAt().isAfter(applied)))
                        .count();
        return declared + (int) since;
    }
}
