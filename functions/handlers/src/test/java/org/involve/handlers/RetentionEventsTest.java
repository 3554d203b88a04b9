package org.involve.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Retention;
import org.involve.core.partners.Appointment;
import org.involve.core.retention.MonitoringRetention;
import org.involve.core.retention.RetentionJob;
import org.involve.core.retention.RetentionRecords;
import org.involve.core.retention.RetentionRecords.EmailClock;
import org.involve.core.shortlisting.AnonymousIds;
import org.junit.jupiter.api.Test;

/**
 * events/schedule-retention.json through the retention job's handler (EventBridge Scheduler at 03:00 UK time): it
 * deletes what is due as of its clock, returns (and logs) counts only, and a second run does nothing more.
 */
class RetentionEventsTest {
    /** What the retention indexes hold: each record with the UK day its clock started. */
    private final Map<Application, LocalDate> applications = new LinkedHashMap<>();

    private final Map<String, LocalDate> emails = new LinkedHashMap<>();

    /** E-mails set aside unsent for staff (failed, or not known to have gone), by the day they were. */
    private final Map<String, LocalDate> setAside = new LinkedHashMap<>();

    private final List<AuditEntry> audit = new ArrayList<>();

    private final RetentionRecords records =
            new RetentionRecords() {
                @Override
                public List<Application> applicationsDue(LocalDate last, int limit) {
                    return applications.entrySet().stream()
                            .filter(e -> !e.getValue().isAfter(last))
                            .map(Map.Entry::getKey)
                            .toList();
                }

                @Override
                public boolean delete(Remains remains, LocalDate last, AuditEntry entry) {
                    audit.add(entry);
                    return applications
                            .keySet()
                            .removeIf(a -> a.reference().equals(remains.reference()));
                }

                @Override
                public List<Appointment> partnersDue(LocalDate last, int limit) {
                    return List.of();
                }

                @Override
                public Optional<Application> application(String roleId, String applicantKey) {
                    return Optional.empty();
                }

                @Override
                public boolean deletePartner(
                        Appointment partner,
                        Optional<Remains> application,
                        LocalDate last,
                        AuditEntry entry) {
                    return false;
                }

                @Override
                public List<String> emailsDue(EmailClock clock, LocalDate last, int limit) {
                    return (clock == EmailClock.SENT ? emails : setAside)
                            .entrySet().stream()
                                    .filter(e -> !e.getValue().isAfter(last))
                                    .map(Map.Entry::getKey)
                                    .toList();
                }

                @Override
                public boolean removeBody(
                        String id,
                        EmailClock clock,
                        LocalDate last,
                        Instant now,
                        AuditEntry entry) {
                    audit.add(entry);
                    return (clock == EmailClock.SENT ? emails : setAside).remove(id) != null;
                }
            };

    private static Application ended(String reference) {
        return new Application(
                reference,
                "role-1",
                "key-" + reference,
                Application.Status.NOT_SHORTLISTED,
                Map.of("fullName", "Sam Person"),
                Instant.parse("2024-01-10T10:00:00Z"),
                "email",
                Application.Acknowledgement.EMAIL_QUEUED,
                null);
    }

    @Test
    void theNightlyRunDeletesWhatIsDueOnceAndSaysHowManyOnly() {
        applications.put(ended("APP-1"), LocalDate.of(2024, 3, 1));
        applications.put(ended("APP-2"), LocalDate.of(2024, 3, 2));
        emails.put("ack-APP-3", LocalDate.of(2025, 1, 30));
        emails.put("ack-APP-4", LocalDate.of(2025, 1, 31));
        // An e-mail that failed on 30 January, and one that failed the day after.
        setAside.put("outcome-APP-5", LocalDate.of(2025, 1, 30));
        setAside.put("outcome-APP-6", LocalDate.of(2025, 1, 31));
        // A role whose round ended a year before, and one whose round ended the day after.
        Map<String, LocalDate> rounds = new java.util.HashMap<>();
        rounds.put("role-1", LocalDate.of(2024, 3, 1));
        rounds.put("role-2", LocalDate.of(2024, 3, 2));
        MonitoringRetention roundsOver =
                new MonitoringRetention() {
                    @Override
                    public List<String> rolesDue(LocalDate lastStartDay, int limit) {
                        return rounds.entrySet().stream()
                                .filter(e -> !e.getValue().isAfter(lastStartDay))
                                .map(Map.Entry::getKey)
                                .toList();
                    }

                    @Override
                    public boolean deleteAnswers(
                            String roleId, LocalDate lastStartDay, LocalDate today, AuditEntry e) {
                        return rounds.remove(roleId) != null;
                    }
                };
        // The event's own time: 03:00 UK time on 1 March 2025.
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T03:00:00Z"), ZoneOffset.UTC);
        RetentionJobHandler handler =
                new RetentionJobHandler(
                        new RetentionJob(
                                records,
                                Retention.DEFAULTS,
                                new AnonymousIds("a test key of at least thirty-two characters"),
                                roundsOver),
                        clock);

        Map<String, Object> first =
                handler.handleRequest(
                        SampleEvents.use("schedule-retention.json", Map.class, Map.of()), null);
        assertEquals(
                Map.of(
                        "applications",
                        1,
                        "partners",
                        0,
                        "emailBodies",
                        2,
                        "monitoringRoles",
                        1,
                        "payments",
                        0),
                first);
        assertEquals(Set.of("role-2"), rounds.keySet());
        assertTrue(applications.keySet().stream().anyMatch(a -> a.reference().equals("APP-2")));
        assertEquals(List.of("ack-APP-4"), List.copyOf(emails.keySet()));
        assertEquals(List.of("outcome-APP-6"), List.copyOf(setAside.keySet()));
        assertFalse(audit.toString().contains("Sam Person"));

        Map<String, Object> again =
                handler.handleRequest(
                        SampleEvents.use("schedule-retention.json", Map.class, Map.of()), null);
        assertEquals(
                Map.of(
                        "applications",
                        0,
                        "partners",
                        0,
                        "emailBodies",
                        0,
                        "monitoringRoles",
                        0,
                        "payments",
                        0),
                again);
    }
}
