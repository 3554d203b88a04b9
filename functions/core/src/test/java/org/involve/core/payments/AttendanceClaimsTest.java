package org.involve.core.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.involve.core.fakes.InMemoryAuditTrail;
import org.involve.core.fakes.InMemoryClaims;
import org.involve.core.fakes.InMemoryOutbox;
import org.involve.core.fakes.MutableClock;
import org.involve.core.fakes.TestStaff;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceMark;
import org.involve.core.partners.PaymentChoice;
import org.junit.jupiter.api.Test;

/** Attendance recorded with hours becomes one involvement claim waiting for approval, however often it is recorded. */
class AttendanceClaimsTest {
    static final Instant NOW = Instant.parse("2026-06-10T09:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 6, 9);
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final InMemoryClaims claims = new InMemoryClaims(new InMemoryOutbox(), audit);
    final MutableClock clock = new MutableClock(NOW);
    final AttendanceClaims fromAttendance = new AttendanceClaims(claims, clock);
    static final String ID = "attendance-m1-a1";

    static Attendance attended(int minutes) {
        return new Attendance(
                "m1", "a1", "r1", DAY, AttendanceMark.ATTENDED, minutes, "s1", NOW, 1);
    }

    AttendanceClaims.Outcome record(Attendance a, PaymentChoice choice) {
        return fromAttendance.recorded(TestStaff.STAFF, a, choice);
    }

    @Test
    void attendedWithHoursMakesOneSubmittedClaimForTheMeetingDay() {
        assertEquals(
                AttendanceClaims.Outcome.CREATED, record(attended(150), PaymentChoice.ACCEPTED));
        Claim c = claims.find(ID).orElseThrow();
        assertEquals(ClaimStatus.SUBMITTED, c.status());
        assertEquals(List.of(new ApprovedClaim.Session(DAY, 150)), c.involvement());
        assertEquals("a1", c.appointmentId());
        assertEquals("r1", c.roleId());
        assertEquals(TestStaff.STAFF.id(), c.onBehalfOf());
        assertEquals(List.of(c), claims.waiting());
        assertEquals(1, audit.trailOf("claim#" + ID).size());
    }

    @Test
    void recordingTheSameAgainMakesNoSecondClaim() {
        record(attended(150), PaymentChoice.ACCEPTED);
        assertEquals(
                AttendanceClaims.Outcome.UNCHANGED, record(attended(150), PaymentChoice.ACCEPTED));
        assertEquals(1, claims.claims.size());
        assertEquals(1, claims.waiting().size());
    }

    @Test
    void changedHoursBeforeApprovalChangeTheWaitingClaim() {
        record(attended(150), PaymentChoice.ACCEPTED);
        assertEquals(
                AttendanceClaims.Outcome.UPDATED, record(attended(300), PaymentChoice.ACCEPTED));
        Claim c = claims.find(ID).orElseThrow();
        assertEquals(List.of(new ApprovedClaim.Session(DAY, 300)), c.involvement());
        assertEquals(ClaimStatus.SUBMITTED, c.status());
        assertEquals(1, c.version());
        assertEquals(1, claims.claims.size());
    }

    @Test
    void afterApprovalTheClaimIsLeftAndACorrectionIsANewClaim() {
        record(attended(150), PaymentChoice.ACCEPTED);
        Claim waiting = claims.find(ID).orElseThrow();
        claims.claims.put(ID, waiting.approve("s2", NOW));
        assertEquals(
                AttendanceClaims.Outcome.DECIDED, record(attended(300), PaymentChoice.ACCEPTED));
        assertEquals(
                List.of(new ApprovedClaim.Session(DAY, 150)),
                claims.find(ID).orElseThrow().involvement());
    }

    @Test
    void aPartnerWhoDeclinedPaymentOrIsInAnUnpaidRoleGetsNoInvolvementClaim() {
        assertEquals(AttendanceClaims.Outcome.NONE, record(attended(150), PaymentChoice.DECLINED));
        assertEquals(
                AttendanceClaims.Outcome.NONE, record(attended(150), PaymentChoice.UNPAID_ROLE));
        assertTrue(claims.claims.isEmpty());
    }

    @Test
    void apologiesAndAbsenceMakeNoClaim() {
        Attendance apologies =
                new Attendance("m1", "a1", "r1", DAY, AttendanceMark.APOLOGIES, 0, "s1", NOW, 1);
        assertEquals(AttendanceClaims.Outcome.NONE, record(apologies, PaymentChoice.ACCEPTED));
        assertTrue(claims.claims.isEmpty());
    }

    @Test
    void aClaimMadeMeanwhileIsUpdatedNotDuplicated() {
        // another staff member's recording lands between our read and our write
        Claims racing =
                new Claims() {
                    boolean raced;

                    public java.util.Optional<Claim> find(String id) {
                        java.util.Optional<Claim> found = claims.find(id);
                        if (!raced) {
                            raced = true;
                            new AttendanceClaims(claims, clock)
                                    .recorded(
                                            TestStaff.STAFF, attended(60), PaymentChoice.ACCEPTED);
                        }
                        return found;
                    }

                    public boolean save(Claim b, Claim a, org.involve.core.audit.AuditEntry e) {
                        return claims.save(b, a, e);
                    }

                    public List<Claim> drafts(String appointmentId) {
                        return claims.drafts(appointmentId);
                    }

                    public List<Claim> waiting(
                            org.involve.core.kit.Paging.Cursor cursor, int limit) {
                        return claims.waiting(cursor, limit);
                    }

                    public boolean approve(
                            Claim b,
                            Claim a,
                            org.involve.core.audit.AuditEntry e,
                            org.involve.core.outbox.OutboxMessage m,
                            ApprovedClaim p) {
                        return claims.approve(b, a, e, m, p);
                    }

                    public boolean reject(
                            Claim b,
                            Claim a,
                            org.involve.core.audit.AuditEntry e,
                            org.involve.core.outbox.OutboxMessage m) {
                        return claims.reject(b, a, e, m);
                    }

                    public int sendWaitingPayments() {
                        return 0;
                    }
                };
        assertEquals(
                AttendanceClaims.Outcome.UPDATED,
                new AttendanceClaims(racing, clock)
                        .recorded(TestStaff.STAFF, attended(150), PaymentChoice.ACCEPTED));
        assertEquals(1, claims.claims.size());
        assertEquals(
                List.of(new ApprovedClaim.Session(DAY, 150)),
                claims.find(ID).orElseThrow().involvement());
    }
}
