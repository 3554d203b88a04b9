package org.involve.core.fakes;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.AnswerRules;
import org.involve.core.kit.Paging;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Involvement;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerDirectory;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;

/** Appointments in memory, written with the application's move to APPOINTED or not at all, as in DynamoDB. */
public final class InMemoryPartners implements PartnerRecords {
    public final Map<String, Appointment> appointments = new LinkedHashMap<>();
    public final Map<String, Involvement> involvements = new LinkedHashMap<>();
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
        involvements.put(appointment.id(), Involvement.from(current, appointment.id()));
        entries.forEach(audit::append);
        messages.forEach(outbox::add);
        return true;
    }

    @Override
    public synchronized Optional<Stored> partner(String appointmentId) {
        return find(appointmentId).map(a -> new Stored(a, involvements.get(a.id())));
    }

    @Override
    public synchronized List<Stored> forRole(String roleId) {
        return appointments.values().stream()
                .filter(a -> a.roleId().equals(roleId))
                .map(a -> new Stored(a, involvements.get(a.id())))
                .toList();
    }

    /** Counts the partners each {@link #directory} call returned, so a test can see a page reads a bounded number. */
    public int directoryReads;

    @Override
    public synchronized List<Stored> directory(
            List<String> roleIds, PartnerStatus status, Paging.Cursor cursor, int limit) {
        Comparator<Stored> order =
                Comparator.comparing((Stored s) -> PartnerDirectory.key(s.appointment()));
        List<Stored> out =
                appointments.values().stream()
                        .filter(a -> roleIds == null || roleIds.contains(a.roleId()))
                        .filter(a -> status == null || a.status() == status)
                        .map(a -> new Stored(a, involvements.get(a.id())))
                        .filter(
                                s ->
                                        switch (cursor.direction()) {
                                            case FIRST -> true;
                                            case AFTER ->
                                                    PartnerDirectory.key(s.appointment())
                                                                    .compareTo(cursor.key())
                                                            < 0;
                                            case BEFORE ->
                                                    PartnerDirectory.key(s.appointment())
                                                                    .compareTo(cursor.key())
                                                            > 0;
                                        })
                        .sorted(
                                cursor.direction() == Paging.Direction.BEFORE
                                        ? order
                                        : order.reversed())
                        .limit(limit)
                        .toList();
        directoryReads += out.size();
        return out;
    }

    /** Counts the appointments each {@link #returningBy} call returned, so a test can see the job reads only those due. */
    public int returningReads;

    @Override
    public synchronized List<String> returningBy(LocalDate day) {
        List<String> due =
                appointments.values().stream()
                        .filter(
                                a ->
                                        a.status() == PartnerStatus.PAUSED
                                                && involvements.containsKey(a.id())
                                                && involvements.get(a.id()).returnDate() != null
                                                && !involvements
                                                        .get(a.id())
                                                        .returnDate()
                                                        .isAfter(day))
                        .map(Appointment::id)
                        .toList();
        returningReads += due.size();
        return due;
    }

    @Override
    public synchronized List<Stored> withEmail(String email) {
        String wanted = AnswerRules.normaliseEmail(email);
        return appointments.values().stream()
                .filter(
                        a ->
                                involvements.containsKey(a.id())
                                        && AnswerRules.normaliseEmail(
                                                        involvements.get(a.id()).email())
                                                .equals(wanted))
                .map(a -> new Stored(a, involvements.get(a.id())))
                .toList();
    }

    @Override
    public synchronized boolean change(
            Partner before, Partner after, List<AuditEntry> entries, List<OutboxMessage> messages) {
        Involvement stored = involvements.get(before.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (!appointments.containsKey(before.id())
                || storedVersion != before.involvement().version()) return false;
        appointments.put(after.id(), after.appointment());
        involvements.put(after.id(), after.involvement());
        entries.forEach(audit::append);
        messages.forEach(outbox::add);
        return true;
    }
}
