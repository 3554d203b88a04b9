package org.involve.core.meetings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.Read;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;

/**
 * The meetings' scheduled jobs, both on UK dates (Europe/London) so they are right across the GMT/BST changes, both
 * reading only what is due from an index, and both idempotent (running twice, or late, does what running once does):
 *
 * <ul>
 *   <li>{@link #sendPapers}, daily: each meeting whose papers are due today or earlier and not sent goes to the
 *       invited partners still active, marked sent in the same transaction;
 *   <li>{@link #checkAttendance}, monthly: each active partner of a group that met in the last 12 months who is below
 *       the role's minimum is flagged to the team for a supportive conversation, once per partner per month.
 * </ul>
 */
public final class MeetingJobs {
    static final String PAPERS_JOB = "meeting-papers", ATTENDANCE_JOB = "attendance-check";
    private final Meetings meetings;
    private final MeetingPlans plans;
    private final RoleReader roles;
    private final MeetingLetters letters;

    public MeetingJobs(
            Meetings meetings, MeetingPlans plans, RoleReader roles, MeetingLetters letters) {
        this.meetings = meetings;
        this.plans = plans;
        this.roles = roles;
        this.letters = letters;
    }

    /** How many meetings' papers went, and how many e-mails. */
    public record PapersSummary(int meetings, int emails) {}

    /** How many partners were flagged, and over how many roles. */
    public record AttendanceSummary(int roles, int flagged) {}

    public PapersSummary sendPapers(Instant now) {
        LocalDate today = MeetingPlans.today(now);
        int sent = 0, emails = 0;
        for (Meeting m : meetings.papersDue(today)) {
            if (m.cancelled()
                    || m.papersSent() != null
                    || m.papersDue() == null
                    || m.papersDue().isAfter(today)) continue;
            Optional<Role> role = roles.find(m.roleId(), Read.EVENTUAL);
            if (role.isEmpty()) continue;
            List<OutboxMessage> msgs = new ArrayList<>();
            for (Partner p : plans.partners(m.roleId()))
                if (m.isInvited(p.id())
                        && p.status() == PartnerStatus.ACTIVE
                        && p.involvement().byEmail())
                    msgs.add(letters.papers(role.get(), m, p, now));
            AuditEntry audit =
                    AuditEntry.byJob(
                            PAPERS_JOB,
                            "send meeting papers",
                            m.auditRecord(),
                            now,
                            "papers due",
                            "papers sent");
            if (meetings.papersSent(m, m.papersSentOn(today), audit, msgs)) {
                sent++;
                emails += msgs.size();
            }
        }
        return new PapersSummary(sent, emails);
    }

    public AttendanceSummary checkAttendance(Instant now) {
        LocalDate today = MeetingPlans.today(now);
        String period = YearMonth.from(today).toString();
        Set<String> roleIds = new LinkedHashSet<>();
        for (Meeting m : meetings.heldBetween(AttendanceStanding.windowStart(today), today))
            if (!m.cancelled()) roleIds.add(m.roleId());
        int flagged = 0;
        for (String roleId : roleIds) {
            Optional<Role> role = roles.find(roleId, Read.EVENTUAL);
            if (role.isEmpty()) continue;
            List<Partner> active =
                    plans.partners(roleId).stream()
                            .filter(p -> p.status() == PartnerStatus.ACTIVE)
                            .toList();
            Map<String, AttendanceStanding> standings =
                    MeetingPlans.standings(meetings, role.get(), active, today);
            for (Partner p : active) {
                AttendanceStanding s = standings.get(p.id());
                if (s == null || !s.below()) continue;
                AttendanceFlag flag =
                        new AttendanceFlag(
                                p.id(),
                                roleId,
                                period,
                                s.attended(),
                                s.apologies(),
                                s.absent(),
                                now);
                AuditEntry audit =
                        AuditEntry.byJob(
                                ATTENDANCE_JOB,
                                "flag attendance below minimum",
                                p.auditRecord(),
                                now,
                                null,
                                "flagged " + period);
                if (meetings.flag(flag, audit, letters.belowMinimum(role.get(), p, s, period, now)))
                    flagged++;
            }
        }
        return new AttendanceSummary(roleIds.size(), flagged);
    }
}
