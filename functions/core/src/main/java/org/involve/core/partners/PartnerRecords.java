package org.involve.core.partners;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;

/** Partners' appointments: one record per appointment, found by its id or by the person (for the paid-role limit). */
public interface PartnerRecords {

    Optional<Appointment> find(String appointmentId);

    /** Every appointment of one person (their applicant key), whatever the role: a query on an index, never a scan. */
    List<Appointment> forPerson(String personKey);

    /**
     * In one transaction: stores the appointment (unless one with its id exists), moves the application from
     * REFERENCES_RECEIVED to APPOINTED with {@code facts}, appends the audit entries and queues the messages.
     *
     * @return false, writing nothing, when the application is no longer at REFERENCES_RECEIVED or the appointment exists
     */
    boolean appoint(
            Application current,
            Appointment appointment,
            Map<String, String> facts,
            List<AuditEntry> audit,
            List<OutboxMessage> messages);
}
