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
import org.involve.core.tenure.TenureReview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenure reviews beside the partners' records on DynamoDB Local: the job's read is one query on the sparse end-date
 * index evaluating only the partners still in a role whose time ends by the day; a review's save is one transaction
 * with the record's change, the audit and the e-mails, written on condition nothing changed. The tests' appointments
 * end in 2003-2004, an era no other test's partners reach.
 */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoTenureReviewsTest {
    private final AwsEnvironment aws;
    private final AppointedPartners f;
    private final DynamoOutbox outbox;
    private final DynamoAuditTrail audit;
    private final DynamoPartnerRecords partners;
    private final DynamoTenureReviews reviews;
    private final Role role;

    DynamoTenureReviewsTest(AwsEnvironment aws) {
        this.aws = aws;
        this.f = new AppointedPartners(aws);
        this.outbox = f.outbox;
        this.audit = f.audit;
        this.partners = f.partners;
        this.reviews =
                new DynamoTenureReviews(
                        aws.dynamo(), aws.table("PartnersTable"), partners, outbox, audit);
        this.role = f.role;
    }

    /**
     * 3 partners (one paused) whose time ends by 1 June 2003 among 24 still in the role whose time ends after, and 4
     * retired or ended whose time ended earlier: one query on the end-date index evaluating only those 3.
     */
    @Test
    void theJobsReadIsOneQueryEvaluatingOnlyThePartnersWhoseTimeEndsByTheDay() {
        LocalDate day = LocalDate.of(2003, 6, 1);
        List<String> due = new ArrayList<>();
        due.add(f.appointed(day.minusYears(2), PartnerStatus.ACTIVE).id());
        due.add(f.appointed(day.minusYears(2).minusDays(40), PartnerStatus.PAUSED).id());
        due.add(f.appointed(day.minusYears(2).minusDays(300), PartnerStatus.ACTIVE).id());
        for (int i = 1; i <= 24; i++)
            f.appointed(day.minusYears(2).plusDays(i * 7), PartnerStatus.ACTIVE);
        for (int i = 1; i <= 2; i++) {
            f.appointed(day.minusYears(2).minusDays(i), PartnerStatus.RETIRED);
            f.appointed(day.minusYears(2).minusDays(i), PartnerStatus.ENDED);
        }

        aws.dynamoCalls().clear();
        List<PartnerRecords.Stored> found = reviews.endingBy(day);
        assertEquals(
                Set.copyOf(due),
                Set.copyOf(found.stream().map(s -> s.appointment().id()).toList()));
        assertTrue(found.stream().allMatch(s -> s.involvement() != null));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoPartnerRecords.TENURE_BY_END_DAY, 3)),
                aws.dynamoCalls().calls());
    }

    /**
     * Roles reviewed on a date are found by the same query on the same index, by their review date: 2 partners whose
     * review date comes by 1 June 1996 (one paused) and one whose term ends by then, among 20 whose review dates come
     * in 2005-2006 (their 4-year limits later still) and 2 retired or ended with review dates in 1996: one query
     * evaluating only those 3. Those 3 are ended afterwards, so the 1990s leave no one in the index for the other
     * tests' days.
     */
    @Test
    void reviewDatesAndTermEndsAreFoundByOneQueryOnTheDueDay() {
        LocalDate day = LocalDate.of(1996, 6, 1);
        List<Partner> due = new ArrayList<>();
        due.add(
                f.appointed(
                        LocalDate.of(1995, 1, 1),
                        PartnerStatus.ACTIVE,
                        null,
                        LocalDate.of(1996, 5, 1)));
        due.add(f.appointed(LocalDate.of(1995, 1, 1), PartnerStatus.PAUSED, null, day));
        due.add(f.appointed(LocalDate.of(1994, 4, 1), PartnerStatus.ACTIVE));
        for (int i = 1; i <= 20; i++)
            f.appointed(
                    LocalDate.of(2003, 1, 1),
                    PartnerStatus.ACTIVE,
                    null,
                    LocalDate.of(2005, 1, 1).plusDays(i * 20));
        f.appointed(LocalDate.of(1995, 1, 1), PartnerStatus.RETIRED, null, day.minusDays(9));
        f.appointed(LocalDate.of(1995, 1, 1), PartnerStatus.ENDED, null, day.minusDays(9));

        aws.dynamoCalls().clear();
        List<PartnerRecords.Stored> found = reviews.endingBy(day);
        assertEquals(
                Set.copyOf(due.stream().map(Partner::id).toList()),
                Set.copyOf(found.stream().map(s -> s.appointment().id()).toList()));
        assertEquals(
                List.of(new RecordedCalls.Call("Query", DynamoPartnerRecords.TENURE_BY_END_DAY, 3)),
                aws.dynamoCalls().calls());
        assertEquals(
                Set.of(LocalDate.of(1996, 5, 1), day, LocalDate.of(1996, 4, 1)),
                Set.copyOf(found.stream().map(s -> s.appointment().nextReview()).toList()));
        for (Partner p : due) {
            Partner now = partners.partner(p.id()).orElseThrow().partner().orElseThrow();
            assertTrue(
                    partners.change(
                            now, now.endedOn(now.appointment().ends()), List.of(), List.of()));
        }
        assertTrue(reviews.endingBy(day).isEmpty());
    }

    @Test
    void aReviewIsAskedOnceAndAnsweredOnlyFromTheVersionStored() {
        Partner p = f.appointed(LocalDate.of(2002, 1, 10), PartnerStatus.ACTIVE);
        LocalDate ends = p.appointment().ends();
        TenureReview asked = TenureReview.asked(p.id(), role.id(), ends, ends.minusDays(90));
        OutboxMessage ask = f.message("tenure-ask");
        assertTrue(
                reviews.save(
                        null,
                        asked,
                        null,
                        null,
                        List.of(f.entry(p.auditRecord(), "asked")),
                        List.of(ask)));
        assertFalse(
                reviews.save(
                        null,
                        asked,
                        null,
                        null,
                        List.of(f.entry(p.auditRecord(), "asked")),
                        List.of(f.message("tenure-ask"))));
        assertEquals(asked, reviews.find(p.id(), ends).orElseThrow());
        assertTrue(reviews.find(p.id(), ends.plusYears(2)).isEmpty());
        assertEquals(1, audit.trailOf(p.auditRecord()).size());
        assertTrue(outbox.find(ask.id()).isPresent());

        TenureReview yes = asked.partnerSaid(TenureReview.Answer.YES);
        assertTrue(reviews.save(asked, yes, null, null, List.of(), List.of()));
        assertFalse(
                reviews.save(
                        asked,
                        asked.staffSaid(TenureReview.Answer.NO, "s"),
                        null,
                        null,
                        List.of(),
                        List.of()));
        assertEquals(yes, reviews.find(p.id(), ends).orElseThrow());
        // the review is no partner: the record's own reads do not see it
        assertEquals(
                PartnerStatus.ACTIVE,
                partners.partner(p.id()).orElseThrow().appointment().status());
    }

    @Test
    void endingWritesTheReviewTheRecordTheAuditAndTheEmailsTogetherAndLeavesTheIndex() {
        LocalDate day = LocalDate.of(2004, 3, 1);
        Partner p = f.appointed(day.minusYears(2), PartnerStatus.ACTIVE);
        Partner stale = p;
        LocalDate ends = p.appointment().ends();
        TenureReview closed =
                TenureReview.asked(p.id(), role.id(), ends, day)
                        .closed(TenureReview.Outcome.ENDED, day);

        // someone changed the record meanwhile: nothing is written
        Partner paused = p.changedTo(AppointedPartners.with(p.appointment(), PartnerStatus.PAUSED));
        assertTrue(partners.change(p, paused, List.of(), List.of()));
        OutboxMessage lost = f.message("tenure-thanks");
        assertFalse(
                reviews.save(
                        null,
                        closed,
                        stale,
                        stale.endedOn(ends),
                        List.of(f.entry(p.auditRecord(), "ENDED")),
                        List.of(lost)));
        assertTrue(reviews.find(p.id(), ends).isEmpty());
        assertTrue(outbox.find(lost.id()).isEmpty());
        assertEquals(0, audit.trailOf(p.auditRecord()).size());

        OutboxMessage thanks = f.message("tenure-thanks"), team = f.message("tenure-team-ended");
        assertTrue(
                reviews.save(
                        null,
                        closed,
                        paused,
                        paused.endedOn(ends),
                        List.of(f.entry(p.auditRecord(), "ENDED")),
                        List.of(thanks, team)));
        assertEquals(
                PartnerStatus.ENDED, partners.partner(p.id()).orElseThrow().appointment().status());
        assertEquals(closed, reviews.find(p.id(), ends).orElseThrow());
        assertTrue(outbox.find(thanks.id()).isPresent());
        assertTrue(outbox.find(team.id()).isPresent());
        assertEquals(1, audit.trailOf(p.auditRecord()).size());
        assertFalse(
                reviews.endingBy(day).stream().anyMatch(s -> s.appointment().id().equals(p.id())));
    }
}
