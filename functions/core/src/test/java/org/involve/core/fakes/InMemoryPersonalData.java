package org.involve.core.fakes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.dataprotection.Held;
import org.involve.core.dataprotection.PersonalData;
import org.involve.core.dataprotection.Subject;
import org.involve.core.outbox.OutboxMessage;

/** One person's records in memory, found by their e-mail address or any of their references. */
public final class InMemoryPersonalData implements PersonalData {
    private final Subject subject;
    private final Map<Held.Kind, List<Held.Entry>> records = new EnumMap<>(Held.Kind.class);
    public final List<AuditEntry> audited = new ArrayList<>();
    public final List<OutboxMessage> sent = new ArrayList<>();
    public final List<String> refereeNotes = new ArrayList<>();

    public InMemoryPersonalData(Subject subject) {
        this.subject = subject;
    }

    public InMemoryPersonalData hold(Held.Kind kind, Map<String, String> fields) {
        records.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Held.Entry(fields));
        return this;
    }

    @Override
    public Optional<Subject> byEmail(String email) {
        return !findable()
                        || subject.emailAddresses().stream()
                                .noneMatch(a -> a.equalsIgnoreCase(email))
                ? Optional.empty()
                : Optional.of(subject);
    }

    @Override
    public Optional<Subject> byReference(String reference) {
        return !findable() || !subject.references().contains(reference)
                ? Optional.empty()
                : Optional.of(subject);
    }

    /** Found through their records, as the tables' indexes would: the audit trail names nobody. */
    private boolean findable() {
        return records.keySet().stream().anyMatch(k -> k != Held.Kind.AUDIT);
    }

    @Override
    public Held heldAbout(Subject s) {
        List<Held.Records> kinds = new ArrayList<>();
        records.forEach((kind, entries) -> kinds.add(new Held.Records(kind, entries)));
        return new Held(kinds);
    }

    @Override
    public void erase(
            Subject s, AuditEntry entry, List<OutboxMessage> messages, String refereeNote) {
        records.keySet().removeIf(k -> k != Held.Kind.AUDIT);
        refereeNotes.add(refereeNote);
        audited.add(entry);
        sent.addAll(messages);
    }
}
