package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Appointment;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.role.Role;
import org.involve.core.role.RoleStatus;
import org.involve.core.tenure.CheckIn;
import org.involve.core.tenure.CheckInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Annual check-ins beside the partners' records on DynamoDB Local: the job's reads are queries on the sparse
 * CheckInByDay index evaluating only the partners still in a role whose anniversary falls in the range, and only the
 * check-ins whose reminder is due; a save is one transaction with the audit and the e-mails, on condition nothing
 * changed. Other tests' partners share the table, so the checks are on this test's own partners and on every item
 * evaluated being one returned.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoCheckInsTest {
    private final AwsEnvironment aws;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoApplicationStore store;
    private final DynamoApplications round;
    private final DynamoPartnerRecords partners;
    private final DynamoCheckIns checkIns;
    private final Role role;
    private int entries;

    DynamoCheckInsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.outbox = Samples.outbox(aws);
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.store =
                new DynamoApplicationStore(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.round =
                new DynamoApplications(
                        aws.dynamo(),
                        aws.table("ApplicationsTable"),
                        outbox,
                        audit,
                        new DynamoDraftStore(aws.dynamo(), aws.table("DraftsTable")));
        this.partners =
                new DynamoPartnerRecords(
                        aws.dynamo(), aws.table("PartnersTable"), round, outbox, audit);
        this.checkIns = new DynamoCheckIns(aws.dynamo(), aws.table("PartnersTable"), outbox, audit);
        Role r = Samples.role(RoleStatus.SHORTLISTING, LocalDate.of(2000, 1, 20));
        assertTrue(Samples.roles(aws).create(r, entry("role:" + r.id(), "SHORTLISTING")));
        this.role = r;
    }

    private AuditEntry entry(String record, String state) {
        return new AuditEntry(
                "staff-1", "tenure", record, Samples.NOW.plusMillis(++entries), null, state);
    }

    /** A partner appointed from a new application, in the role from {@code start} for 2 years. */
    private Partner appointed(LocalDate start, PartnerStatus status) {
        Application s = Samples.application(role.id(), Samples.unique("person"));
        Application submitted =
                store.submit(
                                new Application(
                                        s.reference(),
                                        role.id(),
                                        s.applicantKey(),
                                        s.status(),
                                        new HashMap<>(s.answers()),
                                        Samples.NOW.minusSeconds(86400),
                                        s.contactMethod(),
                                        s.acknowledgement(),
                                        s.enteredBy()),
                                List.of(),
                                null)
                        .application();
        assertTrue(
                round.advance(
                        submitted,
                        Application.Status.REFERENCES_RECEIVED,
                        Map.of("references.1.state", "received"),
                        entry("application:" + s.reference(), "REFERENCES_RECEIVED"),
                        List.of()));
        Application a = round.find(role.id(), s.applicantKey(), Read.CONSISTENT).orElseThrow();
        Appointment made =
                new Appointment(
                        Appointment.idFor(a.reference()),
                        a.roleId(),
                        a.reference(),
                        a.applicantKey(),
                        Samples.NOW,
                        start,
                        start.plusYears(2),
                        null,
                        start.plusYears(4),
                        0,
                        PaymentChoice.ACCEPTED,
                        false,
                        PartnerStatus.ACTIVE);
        assertTrue(partners.appoint(a, made, Map.of(), List.of(), List.of()));
        Partner p = partners.partner(made.id()).orElseThrow().partner().orElseThrow();
        if (status == PartnerStatus.ACTIVE) return p;
        Partner changed =
                status == PartnerStatus.ENDED ? p.ended() : p.changedTo(with(made, status));
        assertTrue(partners.change(p, changed, List.of(), List.of()));
        return changed;
    }

    private static Appointment with(Appointment a, PartnerStatus status) {
        return new Appointment(
                a.id(),
                a.roleId(),
                a.applicationReference(),
                a.personKey(),
                a.appointedAt(),
                a.start(),
                a.termEnds(),
                a.reviewDate(),
                a.latestEnd(),
                a.extensionsUsed(),
                a.payment(),
                a.steppingDown(),
                status);
    }

    private OutboxMessage message(String purpose) {
        return new OutboxMessage(
                Samples.unique(purpose),
                Samples.email("pat@example.org"),
                Samples.NOW,
                Samples.NOW,
                0,
                purpose);
    }

    /**
     * 3 partners (one paused) whose start anniversary is in the week to 10 June among 24 in the role whose day is
     * outside it, and 2 retired or ended whose day is inside it: the query returns the 3 and evaluates nothing else.
     */
    @Test
    void theJobsReadIsOneQueryEvaluatingOnlyThePartnersWhoseAnniversaryHasCome() {
        LocalDate today = LocalDate.of(2007, 6, 10);
        List<String> due = new ArrayList<>();
        due.add(appointed(today.minusYears(1), PartnerStatus.ACTIVE).id());
        due.add(appointed(today.minusYears(1).minusDays(3), PartnerStatus.PAUSED).id());
        due.add(appointed(today.minusYears(2).minusDays(6), PartnerStatus.ACTIVE).id());
        List<String> notDue = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            notDue.add(appointed(today.minusYears(1).plusDays(i), PartnerStatus.ACTIVE).id());
            notDue.add(appointed(today.minusYears(1).minusDays(6 + i), PartnerStatus.ACTIVE).id());
        }
        notDue.add(appointed(today.minusYears(1), PartnerStatus.RETIRED).id());
        notDue.add(appointed(today.minusYears(1), PartnerStatus.ENDED).id());

        List<CheckInRules.KeyRange> ranges = CheckInRules.dayKeyRanges(today);
        assertEquals(1, ranges.size());
        aws.dynamoCalls().clear();
        List<PartnerRecords.Stored> found = checkIns.startedOnDays(ranges.get(0));
        Set<String> ids = Set.copyOf(found.stream().map(s -> s.appointment().id()).toList());
        assertTrue(ids.containsAll(due), ids.toString());
        assertTrue(notDue.stream().noneMatch(ids::contains), ids.toString());
        assertTrue(found.stream().allMatch(s -> s.involvement() != null));
        assertTrue(
                found.stream()
                        .allMatch(
                                s ->
                                        s.appointment().status().equals(PartnerStatus.ACTIVE)
                                                || s.appointment()
                                                        .status()
                                                        .equals(PartnerStatus.PAUSED)));
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoPartnerRecords.CHECK_IN_BY_DAY, found.size())),
                aws.dynamoCalls().calls());
    }

    @Test
    void aCheckInIsAskedOnceWaitsForItsReminderAndLeavesTheIndexOnceHeld() {
        Partner p = appointed(LocalDate.of(2006, 2, 1), PartnerStatus.ACTIVE);
        LocalDate asked = LocalDate.of(2007, 2, 1);
        CheckIn c = CheckIn.asked(p.id(), role.id(), 1, asked, asked, true);
        OutboxMessage ask = message("checkin-ask");
        assertTrue(checkIns.save(null, c, List.of(entry(p.auditRecord(), "asked")), List.of(ask)));
        assertFalse(
                checkIns.save(
                        null,
                        c,
                        List.of(entry(p.auditRecord(), "asked")),
                        List.of(message("checkin-ask"))));
        assertEquals(c, checkIns.find(p.id(), 1).orElseThrow());
        assertTrue(checkIns.find(p.id(), 2).isEmpty());
        assertEquals(1, audit.trailOf(p.auditRecord()).size());
        assertTrue(outbox.find(ask.id()).isPresent());

        // its reminder is due 14 days after asking, not before
        assertFalse(ids(checkIns.chaseDueBy(asked.plusDays(13))).contains(p.id()));
        aws.dynamoCalls().clear();
        List<CheckIn> chase = checkIns.chaseDueBy(asked.plusDays(14));
        assertTrue(ids(chase).contains(p.id()));
        assertEquals(
                List.of(
                        new RecordedCalls.Call(
                                "Query", DynamoPartnerRecords.CHECK_IN_BY_DAY, chase.size())),
                aws.dynamoCalls().calls());

        // answered by the partner: still waits; a stale write is refused; once held it leaves the
        // index
        CheckIn answered = c.answered("Going well", "", asked.plusDays(2));
        assertTrue(checkIns.save(c, answered, List.of(), List.of()));
        assertFalse(checkIns.save(c, c.recorded("x", "staff-1", asked), List.of(), List.of()));
        assertTrue(ids(checkIns.chaseDueBy(asked.plusDays(14))).contains(p.id()));
        CheckIn held = answered.recorded("We talked", "staff-1", asked.plusDays(3));
        assertTrue(checkIns.save(answered, held, List.of(), List.of()));
        assertEquals(held, checkIns.find(p.id(), 1).orElseThrow());
        assertFalse(ids(checkIns.chaseDueBy(asked.plusDays(30))).contains(p.id()));
        // the check-in is no partner: the record's own reads do not see it
        assertEquals(
                PartnerStatus.ACTIVE,
                partners.partner(p.id()).orElseThrow().appointment().status());
    }

    private static Set<String> ids(List<CheckIn> list) {
        return Set.copyOf(list.stream().map(CheckIn::appointmentId).toList());
    }
}
