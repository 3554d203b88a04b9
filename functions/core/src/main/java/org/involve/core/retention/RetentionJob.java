package org.involve.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.involve.core.application.Application;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Retention;
import org.involve.core.kit.Retention.Kind;
import org.involve.core.outcomes.OutcomeFacts;
import org.involve.core.partners.Appointment;
import org.involve.core.shortlisting.AnonymousIds;

/**
 * The daily retention job (Europe/London): deletes what has been kept as long as {@link Retention} says, found through
 * the retention indexes (never a scan), each deletion with its audit entry (the event and the record's id, never
 * anything about the person). On UK days, so an outcome at 00:30 BST counts from its UK day; running it twice, or
 * late, does what running it once does (a deleted record has left the index; a late run deletes everything due by
 * then).
 *
 * <ul>
 *   <li>Applications that ended without a place ({@link OutcomeFacts#endedWithoutAPlace}), the unsuccessful
 *       period after the last step that reached such a status: with their reference requests, booked interview slot
 *       and shortlisting paper, scores and conflicts.
 *   <li>Partner records whose involvement ended (retired, or the tenure ended), the partner period after the day it
 *       ended: with the application that led to them and what belongs to it.
 *   <li>Sent e-mails: their text, HTML, subject and address, the sent-e-mail period after the UK day they were sent;
 *       that each was sent, when, and which record it was about (its id) stay. E-mails set aside unsent for staff
 *       (failed, or not known to have gone) likewise, the same period after the UK day they were set aside: staff
 *       sending one again, or marking it sent, first starts its clock again.
 *   <li>Not here, by DynamoDB's time to live (AWS deletes within a few days of the time; DynamoDB Local never does,
 *       and the readers ignore an expired item): drafts (the draft period from starting) and used-link markers (which
 *       hold only a link's id and when it was used).
 *   <li>Equal-opportunities answers, a role's all together, the unsuccessful period after its round is over (filled
 *       or withdrawn): the job does not hold the monitoring key, so it cannot pick out whose they are
 *       ({@link MonitoringRetention}).
 *   <li>Payment records with their claims, the payments period (6 years by default, never fewer) after the end of
 *       the UK tax year (6 April to 5 April) they were paid in ({@link PaymentRetention}).
 * </ul>
 *
 * At most {@link #BATCH} of each kind a run: a backlog (after a backfill) drains over the following days.
 */
public final class RetentionJob {
    static final String JOB = "retention";
    public static final int BATCH = 500;
    private final RetentionRecords records;
    private final Retention retention;
    private final AnonymousIds anonymousIds;
    private final MonitoringRetention monitoring;
    private final PaymentRetention payments;

    public RetentionJob(
            RetentionRecords records,
            Retention retention,
            AnonymousIds anonymousIds,
            MonitoringRetention monitoring,
            PaymentRetention payments) {
        this.records = records;
        this.retention = retention;
        this.anonymousIds = anonymousIds;
        this.monitoring = monitoring;
        this.payments = payments;
    }

    /** A job that leaves payment records alone (for tests of the other kinds). */
    public RetentionJob(
            RetentionRecords records,
            Retention retention,
            AnonymousIds anonymousIds,
            MonitoringRetention monitoring) {
        this(records, retention, anonymousIds, monitoring, PaymentRetention.NONE);
    }

    /** A job that leaves monitoring answers alone (for tests of the other kinds). */
    public RetentionJob(RetentionRecords records, Retention retention, AnonymousIds anonymousIds) {
        this(records, retention, anonymousIds, MonitoringRetention.NONE);
    }

    /**
     * How many applications that ended without a place were deleted, how many partner records (each with the
     * application that led to it), how many e-mails lost their text (sent, or set aside unsent), and how many roles'
     * monitoring answers went, and how many payment records (each with its claim).
     */
    public record Summary(
            int applications, int partners, int emailBodies, int monitoringRoles, int payments) {}

    public Summary run(Instant now) {
        LocalDate today = Retention.startDay(now);
        return new Summary(
                applications(now, today),
                partners(now, today),
                emailBodies(now, today),
                monitoringAnswers(now, today),
                payments(now, today));
    }

    private int payments(Instant now, LocalDate today) {
        LocalDate last = retention.lastStartDayDue(Kind.PAYMENTS, today);
        int deleted = 0;
        for (String claimId : payments.paymentsDue(last, BATCH)) {
            AuditEntry entry =
                    AuditEntry.byJob(
                            JOB,
                            "delete after the payment retention period (tax law), with its claim",
                            "claim#" + claimId,
                            now,
                            "PAID",
                            "DELETED");
            if (payments.deletePayment(claimId, last, entry)) deleted++;
        }
        return deleted;
    }

    private int monitoringAnswers(Instant now, LocalDate today) {
        LocalDate last = retention.lastStartDayDue(Kind.UNSUCCESSFUL, today);
        int deleted = 0;
        for (String roleId : monitoring.rolesDue(last, BATCH)) {
            AuditEntry entry =
                    AuditEntry.byJob(
                            JOB,
                            "delete the role's monitoring answers after the unsuccessful retention period",
                            "role:" + roleId,
                            now,
                            "ROUND OVER",
                            "MONITORING ANSWERS DELETED");
            if (monitoring.deleteAnswers(roleId, last, today, entry)) deleted++;
        }
        return deleted;
    }

    private int partners(Instant now, LocalDate today) {
        LocalDate last = retention.lastStartDayDue(Kind.PARTNERS, today);
        int deleted = 0;
        for (Appointment p : records.partnersDue(last, BATCH)) {
            if (!p.status().ended()) continue;
            Optional<RetentionRecords.Remains> application =
                    records.application(p.roleId(), p.personKey())
                            .filter(a -> a.reference().equals(p.applicationReference()))
                            .map(a -> RetentionRecords.Remains.of(a, anonymousIds));
            AuditEntry entry =
                    AuditEntry.byJob(
                            JOB,
                            "delete after the partner retention period, with its application",
                            "appointment:" + p.id(),
                            now,
                            p.status().name(),
                            "DELETED");
            if (records.deletePartner(p, application, last, entry)) deleted++;
        }
        return deleted;
    }

    private int applications(Instant now, LocalDate today) {
        LocalDate last = retention.lastStartDayDue(Kind.UNSUCCESSFUL, today);
        int deleted = 0;
        for (Application a : records.applicationsDue(last, BATCH)) {
            if (!OutcomeFacts.endedWithoutAPlace(a)) continue;
            RetentionRecords.Remains remains = RetentionRecords.Remains.of(a, anonymousIds);
            AuditEntry entry =
                    AuditEntry.byJob(
                            JOB,
                            "delete after the unsuccessful retention period",
                            "application:" + a.reference(),
                            now,
                            a.status().name(),
                            "DELETED");
            if (records.delete(remains, last, entry)) deleted++;
        }
        return deleted;
    }

    private int emailBodies(Instant now, LocalDate today) {
        LocalDate last = retention.lastStartDayDue(Kind.SENT_EMAILS, today);
        int removed = 0;
        for (RetentionRecords.EmailClock clock : RetentionRecords.EmailClock.values()) {
            boolean sent = clock == RetentionRecords.EmailClock.SENT;
            for (String id : records.emailsDue(clock, last, BATCH)) {
                AuditEntry entry =
                        AuditEntry.byJob(
                                JOB,
                                sent
                                        ? "remove e-mail text after the sent e-mail retention period"
                                        : "remove the text of an e-mail not sent after the sent e-mail"
                                                + " retention period",
                                "mail:" + id,
                                now,
                                sent ? "SENT" : "SET ASIDE",
                                sent ? "SENT, TEXT REMOVED" : "SET ASIDE, TEXT REMOVED");
                if (records.removeBody(id, clock, last, now, entry)) removed++;
            }
        }
        return removed;
    }
}
