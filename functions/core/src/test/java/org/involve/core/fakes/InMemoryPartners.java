package org.involve.core.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerRecords;

/** Appointments in memory, written with the application's move to APPOINTED or not at all, as in DynamoDB. */
public final class InMemoryPartners implements PartnerRecords {
    public final Map<String, Appointment> appointments = new LinkedHashMap<>();
    private final InMemoryApplications applications;
    private final InMemoryOutbox outbox;
    private final InMemoryAuditTrail audit;

    public InMemoryPartners(
            InMemoryApplications applications, InMemoryOutbox outbox, InMemoryAuditTrail audit) {
        this.applications = applications;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Override
    public synchronized Optional<Appointment> find(String appointmentId) {
        return Optional.ofNullable(appointments.get(appointmentId));
    }

    @Override
    public synchronized List<Appointment> forPerson(String personKey) {
        return appointments.values().stream().filter(a -> a.personKey().equals(personKey)).toList();
    }

    @Override
    public synchronized boolean appoint(
            Application current,
            Appointment appointment,
            Map<String, String> facts,
            List<AuditEntry> entries,
            List<OutboxMessage> messages) {
        String key = current.roleId() + "|" + current.applicantKey();
        Application stored = applications.applications.get(key);
        if (stored == null
                || stored.status() != Application.Status.REFERENCES_RECEIVED
                || appointments.containsKey(appointment.id())) return false;
        applications.applications.put(key, stored.after(Application.Status.APPOINTED, facts));
        appointments.put(appointment.id(), appointment);
        entries.forEach(audit::append);
        messages.forEach(outbox::add);
        return true;
    }
}
