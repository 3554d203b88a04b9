package org.involve.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.involve.core.audit.AuditEntry;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.partners.PaymentChoice;
import org.involve.core.payments.ApprovedClaim;
import org.involve.core.payments.AttendanceClaims;
import org.involve.core.payments.Claim;
import org.involve.core.payments.ClaimStatus;
import org.involve.core.staff.Group;
import org.involve.core.staff.StaffMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attendance to involvement claims on DynamoDB Local: one claim per meeting and partner, whoever records at once. */
@ExtendWith(AwsEnvironmentExtension.class)
class DynamoAttendanceClaimsTest {
    static final LocalDate DAY = LocalDate.of(2027, 3, 3);
    static final StaffMember STAFF =
            new StaffMember("staff-att", "Sam Staff", "sam@example.org", Set.of(Group.STAFF));
    private final DynamoClaims claims;
    private final DynamoAuditTrail audit;
    private final AttendanceClaims fromAttendance;

    DynamoAttendanceClaimsTest(AwsEnvironment aws) {
        this.audit = new DynamoAuditTrail(aws.dynamo(), aws.table("AuditTable"));
        this.claims =
                new DynamoClaims(
                        aws.dynamo(),
                        aws.table("ClaimsTable"),
                        Samples.outbox(aws),
                        () -> audit,
                        new SqsPaymentsQueue(aws::sqs, aws.queueUrl("PaymentsQueue")),
                        w -> {});
        this.fromAttendance =
                new AttendanceClaims(claims, Clock.fixed(Samples.NOW, ZoneOffset.UTC));
    }

    private static Attendance attended(String meetingId, int minutes) {
        return new Attendance(
                meetingId,
                "appt-att",
                "scg",
                DAY,
                AttendanceMark.ATTENDED,
                minutes,
                STAFF.id(),
                Samples.NOW,
                1);
    }

    @Test
    void recordedTwiceAtOnceMakesOneClaimWaitingThenChangedHoursUpdateIt() throws Exception {
        String meetingId = Samples.unique("m");
        String id = AttendanceClaims.claimId(meetingId, "appt-att");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AttendanceClaims.Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<AttendanceClaims.Outcome> task =
                        () -> {
                            go.await();
                            return fromAttendance.recorded(
                                    STAFF, attended(meetingId, 150), PaymentChoice.ACCEPTED);
                        };
                results.add(pool.submit(task));
            }
            go.countDown();
            List<AttendanceClaims.Outcome> outcomes = new ArrayList<>();
            for (Future<AttendanceClaims.Outcome> f : results) outcomes.add(f.get());
            assertEquals(
                    1,
                    outcomes.stream().filter(o -> o == AttendanceClaims.Outcome.CREATED).count(),
                    outcomes.toString());
        } finally {
            pool.shutdown();
        }
        Claim made = claims.find(id).orElseThrow();
        assertEquals(ClaimStatus.SUBMITTED, made.status());
        assertEquals(List.of(new ApprovedClaim.Session(DAY, 150)), made.involvement());
        assertEquals(1, Samples.waiting(claims).stream().filter(c -> c.id().equals(id)).count());
        assertEquals(1, audit.trailOf("claim#" + id).size());

        assertEquals(
                AttendanceClaims.Outcome.UPDATED,
                fromAttendance.recorded(STAFF, attended(meetingId, 240), PaymentChoice.ACCEPTED));
        Claim changed = claims.find(id).orElseThrow();
        assertEquals(240, changed.involvement().get(0).minutes());
        assertEquals(made.version() + 1, changed.version());
        assertEquals(2, audit.trailOf("claim#" + id).size());
    }

    @Test
    void anApprovedClaimIsLeftAsItIs() {
        String meetingId = Samples.unique("m");
        String id = AttendanceClaims.claimId(meetingId, "appt-att");
        fromAttendance.recorded(STAFF, attended(meetingId, 150), PaymentChoice.ACCEPTED);
        Claim waiting = claims.find(id).orElseThrow();
        Claim approved = waiting.approve("staff-2", Samples.NOW);
        assertTrue(
                claims.approve(
                        waiting,
                        approved,
                        new AuditEntry(
                                "staff-2", "approve", "claim#" + id, Samples.NOW, null, "APPROVED"),
                        null,
                        approved.forPayment(
                                org.involve.core.role.PaymentModel.dayRate(15_000, 7_500),
                                PaymentChoice.ACCEPTED,
                                0,
                                java.util.List.of(),
                                null)));
        assertEquals(
                AttendanceClaims.Outcome.DECIDED,
                fromAttendance.recorded(STAFF, attended(meetingId, 300), PaymentChoice.ACCEPTED));
        Claim kept = claims.find(id).orElseThrow();
        assertEquals(ClaimStatus.APPROVED, kept.status());
        assertEquals(150, kept.involvement().get(0).minutes());
    }
}
