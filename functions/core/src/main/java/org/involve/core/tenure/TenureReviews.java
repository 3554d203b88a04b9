package org.involve.core.tenure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;

/**
 * Tenure reviews, and the partners whose time in a role is coming to an end or whose role's review date is coming. The
 * job's list is a query on an index keyed by that due day (sparse: only partners still in the role are in it), never a
 * scan.
 */
public interface TenureReviews {

    /**
     * Partners still in a role (active or paused) whose next review day ({@link
     * org.involve.core.partners.Appointment#nextReview()}: a review date, or the end of their time) is on or before
     * {@code day}.
     */
    List<PartnerRecords.Stored> endingBy(LocalDate day);

    /** The review of one appointment's end date, if one was asked. */
    Optional<TenureReview> find(String appointmentId, LocalDate ends);

    /**
     * In one transaction: stores {@code after} on condition the stored review is still {@code before} (none stored
     * when null); when {@code partnerAfter} is given, replaces the partner's record on condition it is still at {@code
     * partnerBefore}'s version; appends the audit entries and queues the messages.
     *
     * @return false, writing nothing, when the review or the record changed meanwhile
     */
    boolean save(
            TenureReview before,
            TenureReview after,
            Partner partnerBefore,
            Partner partnerAfter,
            List<AuditEntry> audit,
            List<OutboxMessage> messages);
}
