package org.involve.core.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.application.Application.Status;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Retention;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.retention.RetentionRecords.EmailClock;
import org.involve.core.shortlisting.AnonymousIds;
import org.junit.jupiter.api.Test;

class RetentionJobTest {
    private final AnonymousIds ids =
            new AnonymousIds("a test key of at least thirty-two characters");

    /** Records as the indexes hold them: each with the UK day its clock started. */
    private static final class Fake implements RetentionRecords {
        final Map<Application, LocalDate> applications = new java.util.LinkedHashMap<>();
        final Map<String, LocalDate> emails = new java.util.LinkedHashMap<>();

        /** E-mails set aside unsent for staff (failed, or not known to have gone), by the day they were. */
        final Map<String, LocalDate> setAside = new java.util.LinkedHashMap<>();

        final List<Remains> deleted = new ArrayList<>();
        final List<String> stripped = new ArrayList<>();
        final List<AuditEntry> audit = new ArrayList<>();
        final List<LocalDate> asked = new ArrayList<>();

        @Override
        public List<Application> applicationsDue(LocalDate lastStartDay, int limit) {
            asked.add(lastStartDay);
            return applications.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(lastStartDay))
                    .map(Map.Entry::getKey)
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean delete(Remains remains, LocalDate lastStartDay, AuditEntry entry) {
            boolean gone =
                    applications.keySet().removeIf(a -> a.reference().equals(remains.reference()));
            if (gone) {
                deleted.add(remains);
                audit.add(entry);
            }
            return gone;
        }

        final Map<Appointment, LocalDate> partners = new java.util.LinkedHashMap<>();
        final List<Optional<Remains>> partnerApplications = new ArrayList<>();

        @Override
        public List<Appointment> partnersDue(LocalDate lastStartDay, int limit) {
            asked.add(lastStartDay);
            return partners.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(lastStartDay))
                    .map(Map.Entry::getKey)
                    .limit(limit)
                    .toList();
        }

        @Override
        public Optional<Application> application(String roleId, String applicantKey) {
            return applications.keySet().stream()
                    .filter(a -> a.roleId().equals(roleId) && a.applicantKey().equals(applicantKey))
                    .findFirst();
        }

        @Override
        public boolean deletePartner(
                Appointment partner,
                Optional<Remains> application,
                LocalDate lastStartDay,
                AuditEntry entry) {
            if (partners.remove(partner) == null) return false;
            application.ifPresent(
                    r -> applications.keySet().removeIf(a -> a.reference().equals(r.reference())));
            partnerApplications.add(application);
            audit.add(entry);
            return true;
        }

        private Map<String, LocalDate> emails(EmailClock clock) {
            return clock == EmailClock.SENT ? emails : setAside;
        }

        @Override
        public List<String> emailsDue(EmailClock clock, LocalDate lastStartDay, int limit) {
            asked.add(lastStartDay);
            return emails(clock).entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(lastStartDay))
                    .map(Map.Entry::getKey)
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean removeBody(
                String messageId,
                EmailClock clock,
                LocalDate lastStartDay,
                Instant now,
                AuditEntry entry) {
            LocalDate started = emails(clock).get(messageId);
            if (started == null || started.isAfter(lastStartDay)) return false;
            emails(clock).remove(messageId);
            stripped.add(messageId);
            audit.add(entry);
            return true;
        }
    }

    private static Application application(String ref, Status status, Map<String, String> facts) {
        return new Application(
                        ref,
                        "role-1",
                        "key-" + ref,
                        status,
                        Map.of("fullName", "Sam Person", "email", "sam@example.org"),
                        Instant.parse("2026-01-05T10:00:00Z"),
                        "email",
                        Application.Acknowledgement.EMAIL_QUEUED,
                        null)
                .after(status, facts);
    }

    @Test
    void anOutcomeAt0030BstIsDeletedOnTheUkDayAYearLaterNotTheDayBefore() {
        Fake records = new Fake();
        // Told at 00:30 BST on 1 April 2026 (23:30 UTC on 31 March): its clock starts on 1 April.
        LocalDate started = Retention.startDay(Instant.parse("2026-03-31T23:30:00Z"));
        Application told = application("APP-1", Status.NOT_SHORTLISTED, Map.of());
        records.applications.put(told, started);
        RetentionJob job = new RetentionJob(records, Retention.DEFAULTS, ids);

        // 23:30 UTC on 31 March 2027 is 00:30 BST on 1 April 2027 in the UK... but the job runs at
        // 03:00 UK time.
        assertEquals(0, job.run(Instant.parse("2027-03-31T02:00:00Z")).applications());
        assertEquals(LocalDate.of(2026, 3, 31), records.asked.get(0));
        assertEquals(1, job.run(Instant.parse("2027-04-01T02:00:00Z")).applications());
        assertEquals("APP-1", records.deleted.get(0).reference());
        // Again, or late: nothing more.
        assertEquals(0, job.run(Instant.parse("2027-04-02T02:00:00Z")).applications());
    }

    @Test
    void inWinterTheUkDayIsTheUtcDay() {
        Fake records = new Fake();
        records.applications.put(
                application("APP-2", Status.WITHDRAWN, Map.of()),
                Retention.startDay(Instant.parse("2026-12-01T00:30:00Z")));
        RetentionJob job = new RetentionJob(records, Retention.DEFAULTS, ids);
        assertEquals(0, job.run(Instant.parse("2027-11-30T23:59:00Z")).applications());
        assertEquals(1, job.run(Instant.parse("2027-12-01T00:00:00Z")).applications());
    }

    @Test
    void
            anApplicationGoesWithItsReferencesSlotAndShortlistingPaperAndTheAuditSaysNothingAboutThePerson() {
        Fake records = new Fake();
        Application a =
                application(
                        "APP-3",
                        Status.NOT_APPOINTED,
                        Map.of(
                                "references.1.request", "req-1",
                                "references.2.request", "req-2",
                                "interview.slot", "2026-05-04T10:00"));
        records.applications.put(a, LocalDate.of(2026, 5, 10));
        new RetentionJob(records, Retention.DEFAULTS, ids)
                .run(Instant.parse("2027-06-01T02:00:00Z"));

        RetentionRecords.Remains r = records.deleted.get(0);
        assertEquals(List.of("req-1", "req-2"), r.referenceRequestIds());
        assertEquals("2026-05-04T10:00", r.interviewSlot());
        assertEquals(ids.of("role-1", "APP-3"), r.anonymousId());
        AuditEntry e = records.audit.get(0);
        assertEquals("application:APP-3", e.record());
        assertEquals("NOT_APPOINTED", e.fromState());
        assertEquals("DELETED", e.toState());
        String all = e.who() + e.what() + e.record() + e.fromState() + e.toState();
        assertFalse(all.contains("Sam") || all.contains("example.org") || all.contains("key-"));
    }

    @Test
    void onlyApplicationsThatEndedWithoutAPlaceAreDeleted() {
        Fake records = new Fake();
        // An index entry left behind on an application that moved on (never by a step: defensive).
        records.applications.put(
                application("APP-4", Status.APPOINTED, Map.of()), LocalDate.of(2025, 1, 1));
        // Told that their role was withdrawn while it was still RECEIVED: it ended without a place
        // too.
        records.applications.put(
                application("APP-4W", Status.RECEIVED, Map.of("outcome", "unsuccessful")),
                LocalDate.of(2025, 1, 1));
        assertEquals(
                1,
                new RetentionJob(records, Retention.DEFAULTS, ids)
                        .run(Instant.parse("2027-06-01T02:00:00Z"))
                        .applications());
        for (Status s : Status.values())
            assertEquals(
                    List.of(
                                    Status.NOT_SHORTLISTED,
                                    Status.NOT_APPOINTED,
                                    Status.WITHDRAWN,
                                    Status.DID_NOT_ATTEND)
                            .contains(s),
                    s.endedWithoutAPlace(),
                    s.name());
    }

    @Test
    void sentEmailsLoseTheirTextThePeriodAfterTheUkDayTheyWereSent() {
        Fake records = new Fake();
        // Sent at 23:30 UTC on 30 June 2026, 00:30 BST on 1 July: the clock starts on 1 July.
        records.emails.put("ack-APP-5", Retention.startDay(Instant.parse("2026-06-30T23:30:00Z")));
        records.emails.put("ack-APP-6", LocalDate.of(2026, 7, 2));
        RetentionJob job = new RetentionJob(records, Retention.DEFAULTS, ids);
        assertEquals(0, job.run(Instant.parse("2026-07-30T02:00:00Z")).emailBodies());
        assertEquals(1, job.run(Instant.parse("2026-07-31T02:00:00Z")).emailBodies());
        assertEquals(List.of("ack-APP-5"), records.stripped);
        assertEquals("mail:ack-APP-5", records.audit.get(0).record());
        assertEquals(1, job.run(Instant.parse("2026-08-01T02:00:00Z")).emailBodies());
        assertEquals(0, job.run(Instant.parse("2026-08-01T02:00:00Z")).emailBodies());
        assertTrue(records.emails.isEmpty());
    }

    /**
     * An e-mail that could not be sent (failed, or not known to have gone) loses its text the same period after the
     * UK day it was set aside, as a sent one does after the day it was sent: audited as what it is.
     */
    @Test
    void emailsSetAsideUnsentLoseTheirTextThePeriodAfterTheUkDayTheyWereSetAside() {
        Fake records = new Fake();
        // Failed at 23:30 UTC on 30 June 2026, 00:30 BST on 1 July: the clock starts on 1 July.
        records.setAside.put(
                "outcome-APP-7", Retention.startDay(Instant.parse("2026-06-30T23:30:00Z")));
        records.emails.put("ack-APP-8", LocalDate.of(2026, 7, 1));
        RetentionJob job = new RetentionJob(records, Retention.DEFAULTS, ids);
        assertEquals(0, job.run(Instant.parse("2026-07-30T02:00:00Z")).emailBodies());
        assertEquals(2, job.run(Instant.parse("2026-07-31T02:00:00Z")).emailBodies());
        assertEquals(List.of("ack-APP-8", "outcome-APP-7"), records.stripped);
        AuditEntry failed = records.audit.get(1);
        assertEquals("mail:outcome-APP-7", failed.record());
        assertEquals("scheduler:retention", failed.who());
        assertEquals("SET ASIDE, TEXT REMOVED", failed.toState());
        assertEquals("SENT, TEXT REMOVED", records.audit.get(0).toState());
        assertEquals(0, job.run(Instant.parse("2026-07-31T02:00:00Z")).emailBodies());
    }

    /** A setting of 7 days applies to e-mails set aside as to sent ones. */
    @Test
    void theSentEmailSettingIsThePeriodForEmailsSetAsideToo() {
        Fake records = new Fake();
        records.setAside.put("ack-APP-9", LocalDate.of(2026, 3, 1));
        RetentionJob job = new RetentionJob(records, new Retention(14, 12, 3, 6, 7), ids);
        assertEquals(0, job.run(Instant.parse("2026-03-07T03:00:00Z")).emailBodies());
        assertEquals(1, job.run(Instant.parse("2026-03-08T03:00:00Z")).emailBodies());
    }

    private static Appointment partner(String ref, PartnerStatus status) {
        return new Appointment(
                "appt-" + ref,
                "role-1",
                ref,
                "key-" + ref,
                Instant.parse("2020-01-10T10:00:00Z"),
                LocalDate.of(2020, 2, 1),
                LocalDate.of(2022, 1, 31),
                null,
                LocalDate.of(2024, 1, 31),
                0,
                PaymentChoice.ACCEPTED,
                false,
                status);
    }

    @Test
    void aPartnerGoesThreeYearsAfterTheirInvolvementEndedWithTheApplicationThatLedToIt() {
        Fake records = new Fake();
        Application appointed =
                application("APP-7", Status.APPOINTED, Map.of("references.1.request", "req-7"));
        records.applications.put(
                appointed, LocalDate.of(2099, 1, 1)); // in the table, not the index
        // Retired at 00:30 BST on 1 June 2021 (23:30 UTC on 31 May): the clock starts on 1 June.
        records.partners.put(
                partner("APP-7", PartnerStatus.RETIRED),
                Retention.startDay(Instant.parse("2021-05-31T23:30:00Z")));
        records.partners.put(partner("APP-8", PartnerStatus.ENDED), LocalDate.of(2021, 6, 2));
        records.partners.put(partner("APP-9", PartnerStatus.ACTIVE), LocalDate.of(2020, 1, 1));
        RetentionJob job = new RetentionJob(records, Retention.DEFAULTS, ids);

        assertEquals(0, job.run(Instant.parse("2024-05-31T02:00:00Z")).partners());
        assertEquals(1, job.run(Instant.parse("2024-06-01T02:00:00Z")).partners());
        RetentionRecords.Remains r = records.partnerApplications.get(0).orElseThrow();
        assertEquals("APP-7", r.reference());
        assertEquals(List.of("req-7"), r.referenceRequestIds());
        assertTrue(records.applications.isEmpty());
        AuditEntry e = records.audit.get(0);
        assertEquals("appointment:appt-APP-7", e.record());
        assertEquals("RETIRED", e.fromState());
        // The one ended on 2 June goes the next day, with no application left to find; an active
        // one never does.
        assertEquals(1, job.run(Instant.parse("2024-06-02T02:00:00Z")).partners());
        assertTrue(records.partnerApplications.get(1).isEmpty());
        assertEquals(0, job.run(Instant.parse("2030-01-01T02:00:00Z")).partners());
    }

    /** Roles whose round is over, by the UK day it ended, as the RolesTable's retention index holds them. */
    private static final class FakeMonitoring implements MonitoringRetention {
        final Map<String, LocalDate> rounds = new java.util.LinkedHashMap<>();
        final List<String> deleted = new ArrayList<>();
        final List<AuditEntry> audit = new ArrayList<>();

        @Override
        public List<String> rolesDue(LocalDate lastStartDay, int limit) {
            return rounds.entrySet().stream()
                    .filter(e -> !e.getValue().isAfter(lastStartDay))
                    .map(Map.Entry::getKey)
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean deleteAnswers(
                String roleId, LocalDate lastStartDay, LocalDate today, AuditEntry entry) {
            LocalDate from = rounds.get(roleId);
            if (from == null || from.isAfter(lastStartDay)) return false;
            rounds.remove(roleId);
            deleted.add(roleId);
            audit.add(entry);
            return true;
        }
    }

    @Test
    void aRolesMonitoringAnswersGoAllTogetherTheUnsuccessfulPeriodAfterItsRoundEndedOnTheUkDay() {
        FakeMonitoring monitoring = new FakeMonitoring();
        // Filled at 00:30 BST on 1 April 2026 (23:30 UTC on 31 March): its round ended on 1 April.
        monitoring.rounds.put("role-1", Retention.startDay(Instant.parse("2026-03-31T23:30:00Z")));
        monitoring.rounds.put("role-2", LocalDate.parse("2026-06-01"));
        RetentionJob job = new RetentionJob(new Fake(), Retention.DEFAULTS, ids, monitoring);

        assertEquals(0, job.run(Instant.parse("2027-03-31T12:00:00Z")).monitoringRoles());
        assertEquals(List.of(), monitoring.deleted);

        assertEquals(1, job.run(Instant.parse("2027-04-01T02:00:00Z")).monitoringRoles());
        assertEquals(List.of("role-1"), monitoring.deleted);
        assertEquals(0, job.run(Instant.parse("2027-04-01T02:00:00Z")).monitoringRoles());
        AuditEntry entry = monitoring.audit.get(0);
        assertEquals("role:role-1", entry.record());
        assertEquals("scheduler:retention", entry.who());

        // A late run deletes everything due by then.
        assertEquals(1, job.run(Instant.parse("2027-09-01T12:00:00Z")).monitoringRoles());
        assertEquals(List.of("role-1", "role-2"), monitoring.deleted);
    }
}
