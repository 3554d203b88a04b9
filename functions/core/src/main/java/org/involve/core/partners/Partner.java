package org.involve.core.partners;

import java.time.LocalDate;
import org.involve.core.kit.Version;

/**
 * One partner in one role: the appointment (role, tenure, payment, status) and their involvement (contact, documents,
 * induction, IT support). The partner's link names the appointment, never the person.
 */
public record Partner(Appointment appointment, Involvement involvement) {
    public Partner {
        if (appointment == null || involvement == null)
            throw new IllegalArgumentException(
                    "A partner needs the appointment and the involvement");
        if (!appointment.id().equals(involvement.appointmentId()))
            throw new IllegalArgumentException("The involvement is for another appointment");
    }

    public String id() {
        return appointment.id();
    }

    public PartnerStatus status() {
        return appointment.status();
    }

    /** Still in the role (active or paused): they can change things from their link. */
    public boolean current() {
        return status() == PartnerStatus.ACTIVE || status() == PartnerStatus.PAUSED;
    }

    /**
     * Paused with a return date that has come: on or before {@code today} (a UK date). The pause ends that day, as if
     * they had come back themselves.
     */
    public boolean returnDue(LocalDate today) {
        LocalDate back = involvement.returnDate();
        return status() == PartnerStatus.PAUSED && back != null && !back.isAfter(today);
    }

    /** The record their audit entries are kept under. */
    public String auditRecord() {
        return "appointment:" + id();
    }

    /**
     * The record as a version a staff form carries: the appointment as it stands (status, tenure, payment) and the
     * involvement's count of changes. Any change to either gives another.
     */
    public String version() {
        return Version.of(appointment + "|" + involvement.version());
    }

    /**
     * The same partner with the appointment changed by a rule outside this package (a tenure extension, or the end of
     * their time in the role): the involvement's count of changes moves on, so the write is conditional like any
     * other change to the record.
     */
    public Partner changedTo(Appointment changed) {
        if (!changed.id().equals(appointment.id()))
            throw new IllegalArgumentException("That is another appointment");
        return new Partner(changed, involvement.next(m -> {}));
    }

    /**
     * The last day they can claim for: the day before their time in the role ends unless extended, or, once they have
     * left, the last day they held the role if that was sooner (they retired, or it ended at a review date).
     */
    public LocalDate lastDayInRole() {
        LocalDate termLast = appointment.ends().minusDays(1);
        LocalDate left = involvement.lastDayInRole();
        return left != null && left.isBefore(termLast) ? left : termLast;
    }

    /**
     * The same partner, their time in the role over: {@code ends} is the day it ended (their term's end, or a review
     * date), so they held it until the day before. A pause is over with it.
     */
    public Partner endedOn(LocalDate ends) {
        Appointment changed = appointment.withStatus(PartnerStatus.ENDED);
        return new Partner(
                changed,
                involvement.next(
                        m -> {
                            m.pausedOn = null;
                            m.returnDate = null;
                            m.lastDayInRole = ends.minusDays(1);
                        }));
    }
}
