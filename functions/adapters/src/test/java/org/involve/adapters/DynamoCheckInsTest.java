package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
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
    private final AppointedPartners f;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoPartnerRecords partners;
    private final DynamoCheckIns checkIns;
    private final Role role;

    DynamoCheckInsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.f = new AppointedPartners(aws);
        this.outbox = f.outbox;
        this.audit = f.audit;
        this.partners = f.partners;
        this.checkIns = new DynamoCheckIns(aws.dynamo(), aws.table("PartnersTable"), outbox, audit);
        this.role = f.role;
    }

    /**
     * 3 partners (one paused) whose start anniversary is in the week to 10 June among 24 in the role whose day is
     * outside it, and 2 retired or ended whose day is inside it: the query returns the 3 and evaluates nothing else.
     */
    @Test
    void theJobsReadIsOneQueryEvaluatingOnlyThePartnersWhoseAnniversaryHasCome() {
        LocalDate today = LocalDate.of(2007, 6, 10);
        List<String> due = new ArrayList<>();
        due.add(f.appointed(today.minusYears(1), PartnerStatus.ACTIVE).id());
        due.add(f.appointed(today.minusYears(1).minusDays(3), PartnerStatus.PAUSED).id());
        due.add(f.appointed(today.minusYears(2).minusDays(6), PartnerStatus.ACTIVE).id());
        List<String> notDue = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            notDue.add(f.appointed(today.minusYears(1).plusDays(i), PartnerStatus.ACTIVE).id());
            notDue.add(
                    f.appointed(today.minusYears(1).minusDays(6 + i), PartnerStatus.ACTIVE).id());
        }
        notDue.add(f.appointed(today.minusYears(1), PartnerStatus.RETIRED).id());
        notDue.add(f.appointed(today.minusYears(1), PartnerStatus.ENDED).id());

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
        Partner p = f.appointed(LocalDate.of(2006, 2, 1), PartnerStatus.ACTIVE);
        LocalDate asked = LocalDate.of(2007, 2, 1);
        CheckIn c = CheckIn.asked(p.id(), role.id(), 1, asked, asked, true);
        OutboxMessage ask = f.message("checkin-ask");
        assertTrue(
                checkIns.save(null, c, List.of(f.entry(p.auditRecord(), "asked")), List.of(ask)));
        assertFalse(
                checkIns.save(
                        null,
                        c,
                        List.of(f.entry(p.auditRecord(), "asked")),
                        List.of(f.message("checkin-ask"))));
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
