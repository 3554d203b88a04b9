package org.involve.core.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.audit.AuditEntry;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.NotFound;
import org.involve.core.kit.Read;
import org.involve.core.kit.Refused;
import org.involve.core.kit.Words;
import org.involve.core.outbox.OutboxMessage;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerChanges;
import org.involve.core.partners.PartnerRecords;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;
import org.involve.core.role.RoleReader;
import org.involve.core.staff.Permission;
import org.involve.core.staff.StaffMember;

/**
 * Staff plan a role's meetings and record attendance. Planning invites the role's active partners (not paused, retired
 * or ended) and e-mails each who chose e-mail, in the transaction that stores the meeting; the papers go later, from
 * the daily job ({@link MeetingJobs}), {@code papersDays} days before. Each partner's attendance is stored with its
 * audit entry in one transaction.
 */
public final class MeetingPlans {
    private static final Words WORDS = Words.of("meetings");
    private final Meetings meetings;
    private final PartnerRecords records;
    private final PartnerChanges partners;
    private final RoleReader roles;
    private final MeetingLetters letters;
    private final int papersDays;
    private final Clock clock;

    public MeetingPlans(
            Meetings meetings,
            PartnerRecords records,
            PartnerChanges partners,
            RoleReader roles,
            MeetingLetters letters,
            int papersDays,
            Clock clock) {
        if (papersDays < 0) throw new IllegalArgumentException("Papers days cannot be negative");
        this.meetings = meetings;
        this.records = records;
        this.partners = partners;
        this.roles = roles;
        this.letters = letters;
        this.papersDays = papersDays;
        this.clock = clock;
    }

    public static final class NoSuchMeeting extends NotFound {
        public NoSuchMeeting() {
            super("No such meeting");
        }
    }

    public sealed interface Result {
        /** @param attendance what was recorded, or null when a meeting was planned */
        record Done(Meeting meeting, Attendance attendance) implements Result {
            public Done(Meeting meeting) {
                this(meeting, null);
            }
        }

        record Invalid(Map<String, String> values, FieldErrors errors) implements Result {}

        /** Someone changed or cancelled the meeting after the form was read: nothing written, the values kept. */
        record Stale(Meeting current, Map<String, String> values) implements Result {}
    }

    /** The form's field carrying the version of the meeting it was read at. */
    public static final String VERSION = "version";

    /**
     * Changes a planned meeting's date, time, length, place, video link or papers, on condition it is still the
     * version the form was read at. Each invited active partner who chose e-mail is told what changed (old and new);
     * the papers go again (from the daily job) only if they changed, or if they were not sent yet.
     */
    public Result change(
            StaffMember who, String roleId, String meetingId, Map<String, String> form) {
        Role role = role(who, roleId);
        Meeting before = changeable(who, roleId, meetingId);
        Instant now = clock.instant();
        LocalDate today = today(now);
        if (stale(before, form)) return new Result.Stale(before, form);
        MeetingForm.Planned f = MeetingForm.plan(form, today);
        if (!f.errors().isEmpty()) return new Result.Invalid(form, f.errors());
        LocalDate due = null;
        if (!f.papers().isEmpty()) {
            due = f.date().minusDays(papersDays);
            if (due.isBefore(today)) due = today;
        }
        Meeting after =
                before.changedTo(
                        f.date(), f.time(), f.minutes(), f.place(), f.videoLink(), f.papers(), due);
        List<String> changes = MeetingLetters.changes(before, after);
        if (changes.isEmpty()) return new Result.Done(before);
        List<OutboxMessage> messages = new ArrayList<>();
        for (Partner p : toTell(after))
            messages.add(letters.changed(role, before, after, changes, p, now));
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "change meeting",
                        after.auditRecord(),
                        now,
                        summary(before),
                        summary(after));
        if (!meetings.update(before, after, audit, messages))
            return new Result.Stale(meetings.find(meetingId).orElse(before), form);
        return new Result.Done(after);
    }

    /** Cancels a planned meeting (still at the version read); each invited active partner who chose e-mail is told. */
    public Result cancel(
            StaffMember who, String roleId, String meetingId, Map<String, String> form) {
        Role role = role(who, roleId);
        Meeting before = changeable(who, roleId, meetingId);
        Instant now = clock.instant();
        if (stale(before, form)) return new Result.Stale(before, form);
        Meeting after = before.cancelledAt(now);
        List<OutboxMessage> messages = new ArrayList<>();
        for (Partner p : toTell(after)) messages.add(letters.cancelled(role, after, p, now));
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "cancel meeting",
                        after.auditRecord(),
                        now,
                        summary(before),
                        "cancelled");
        if (!meetings.update(before, after, audit, messages))
            return new Result.Stale(meetings.find(meetingId).orElse(before), form);
        return new Result.Done(after);
    }

    /** The meeting, if it can still be changed: not cancelled and not yet started. */
    public Meeting changeable(StaffMember who, String roleId, String meetingId) {
        Meeting m = meeting(who, roleId, meetingId);
        if (m.cancelled()) throw new Refused(WORDS.get("error.cancelled"));
        if (!m.startsAt().isAfter(clock.instant()))
            throw new Refused(WORDS.get("error.alreadyHeld"));
        return m;
    }

    private static boolean stale(Meeting m, Map<String, String> form) {
        return !String.valueOf(m.version()).equals(form.getOrDefault(VERSION, "").strip());
    }

    private List<Partner> toTell(Meeting m) {
        return partners(m.roleId()).stream()
                .filter(
                        p ->
                                m.isInvited(p.id())
                                        && p.status() == PartnerStatus.ACTIVE
                                        && p.involvement().byEmail())
                .toList();
    }

    private static String summary(Meeting m) {
        return m.date()
                + " "
                + m.time()
                + " "
                + m.minutes()
                + "min"
                + (m.place().isEmpty() ? "" : " place")
                + (m.videoLink().isEmpty() ? "" : " video")
                + (m.papers().isEmpty() ? "" : " papers")
                + " v"
                + m.version();
    }

    public Role role(StaffMember who, String roleId) {
        who.require(Permission.MANAGE_MEETINGS);
        return roles.find(roleId, Read.CONSISTENT).orElseThrow(() -> new NotFound("No such role"));
    }

    public Meeting meeting(StaffMember who, String roleId, String meetingId) {
        who.require(Permission.MANAGE_MEETINGS);
        return meetings.find(meetingId)
                .filter(m -> m.roleId().equals(roleId))
                .orElseThrow(NoSuchMeeting::new);
    }

    /** The role's partners still in the role (active or paused), and every one the meeting invited. */
    public List<Partner> partners(String roleId) {
        List<Partner> out = new ArrayList<>();
        for (PartnerRecords.Stored s : records.forRole(roleId))
            out.add(s.partner().orElseGet(() -> partners.partner(s.appointment().id())));
        out.sort(Comparator.comparing(p -> p.appointment().applicationReference()));
        return out;
    }

    public Result plan(StaffMember who, String roleId, Map<String, String> form) {
        Role role = role(who, roleId);
        Instant now = clock.instant();
        LocalDate today = today(now);
        MeetingForm.Planned f = MeetingForm.plan(form, today);
        if (!f.errors().isEmpty()) return new Result.Invalid(form, f.errors());
        List<Partner> invited =
                partners(roleId).stream().filter(p -> p.status() == PartnerStatus.ACTIVE).toList();
        LocalDate due = null;
        if (!f.papers().isEmpty()) {
            due = f.date().minusDays(papersDays);
            if (due.isBefore(today)) due = today;
        }
        Meeting m =
                Meeting.planned(
                        roleId + "-" + f.date() + "-" + f.time().toString().replace(":", ""),
                        roleId,
                        f.date(),
                        f.time(),
                        f.minutes(),
                        f.place(),
                        f.videoLink(),
                        f.papers(),
                        due,
                        invited.stream().map(Partner::id).toList(),
                        who.id(),
                        now);
        List<OutboxMessage> invitations = new ArrayList<>();
        for (Partner p : invited)
            if (p.involvement().byEmail()) invitations.add(letters.invitation(role, m, p, now));
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "plan meeting",
                        m.auditRecord(),
                        now,
                        null,
                        "planned " + m.invited().size() + " invited");
        if (!meetings.plan(m, audit, invitations))
            return new Result.Invalid(
                    form, FieldErrors.of(MeetingForm.TIME, WORDS.get("field.time.error.taken")));
        return new Result.Done(m);
    }

    /** Records attended (with hours), apologies or absent for one invited partner, once the meeting has started. */
    public Result record(
            StaffMember who,
            String roleId,
            String meetingId,
            String appointmentId,
            Map<String, String> form) {
        Meeting m = meeting(who, roleId, meetingId);
        if (!m.isInvited(appointmentId)) throw new PartnerChanges.NoSuchPartner();
        if (m.cancelled()) throw new Refused(WORDS.get("error.cancelledNoAttendance"));
        Instant now = clock.instant();
        if (m.startsAt().isAfter(now)) throw new Refused(WORDS.get("error.notYetHeld"));
        MeetingForm.Marked f = MeetingForm.mark(form, m.minutes());
        if (!f.errors().isEmpty()) return new Result.Invalid(form, f.errors());
        Attendance before = recorded(m.id()).get(appointmentId);
        Attendance after =
                new Attendance(
                        m.id(),
                        appointmentId,
                        roleId,
                        m.date(),
                        f.mark(),
                        f.minutes(),
                        who.id(),
                        now,
                        before == null ? 1 : before.version() + 1);
        AuditEntry audit =
                AuditEntry.by(
                        who,
                        "record attendance at " + m.id(),
                        "appointment:" + appointmentId,
                        now,
                        before == null ? null : before.state(),
                        after.state());
        if (!meetings.record(before, after, audit))
            throw new Refused(WORDS.get("error.recordedMeanwhile"));
        return new Result.Done(m, after);
    }

    /** What was recorded at a meeting, by appointment id. */
    public Map<String, Attendance> recorded(String meetingId) {
        Map<String, Attendance> out = new HashMap<>();
        for (Attendance a : meetings.attendanceAt(meetingId)) out.put(a.appointmentId(), a);
        return out;
    }

    /** A role's meetings, soonest first. */
    public List<Meeting> forRole(String roleId) {
        return meetings.forRole(roleId);
    }

    /** Each partner's attendance over the 12 months to today against the role's minimum, by appointment id. */
    public Map<String, AttendanceStanding> standings(Role role, List<Partner> ps) {
        return standings(meetings, role, ps, today(clock.instant()));
    }

    /** One partner's attendance over the 12 months to today, with the latest flag raised for them (or null). */
    public record PartnerStanding(Role role, AttendanceStanding standing, AttendanceFlag flag) {}

    public PartnerStanding standing(StaffMember who, Partner p) {
        Role role = role(who, p.appointment().roleId());
        return new PartnerStanding(
                role,
                standings(role, List.of(p)).get(p.id()),
                latestFlag(role.id(), p.id()).orElse(null));
    }

    public Optional<AttendanceFlag> latestFlag(String roleId, String appointmentId) {
        return meetings.flagsForRole(roleId).stream()
                .filter(f -> f.appointmentId().equals(appointmentId))
                .findFirst();
    }

    static Map<String, AttendanceStanding> standings(
            Meetings meetings, Role role, List<Partner> ps, LocalDate today) {
        LocalDate from = AttendanceStanding.windowStart(today);
        Map<String, List<Attendance>> marks = new HashMap<>();
        for (Meeting m : meetings.heldBetween(from, today))
            if (m.roleId().equals(role.id()) && !m.cancelled())
                for (Attendance a : meetings.attendanceAt(m.id()))
                    marks.computeIfAbsent(a.appointmentId(), k -> new ArrayList<>()).add(a);
        Map<String, AttendanceStanding> out = new HashMap<>();
        for (Partner p : ps)
            out.put(
                    p.id(),
                    AttendanceStanding.of(
                            role.commitment(),
                            p.appointment().start(),
                            marks.getOrDefault(p.id(), List.of()),
                            today));
        return out;
    }

    static LocalDate today(Instant now) {
        return now.atZone(ClosingTime.UK).toLocalDate();
    }
}
