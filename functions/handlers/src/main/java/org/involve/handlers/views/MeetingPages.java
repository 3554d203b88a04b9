package org.involve.handlers.views;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.involve.core.kit.ClosingTime;
import org.involve.core.kit.DateInput;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Words;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.AttendanceFlag;
import org.involve.core.meetings.AttendanceStanding;
import org.involve.core.meetings.Meeting;
import org.involve.core.meetings.MeetingForm;
import org.involve.core.meetings.MeetingLetters;
import org.involve.core.partners.Partner;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

/** The meetings pages (templates in staff/meetings/): groups, a group's meetings and attendance, plan, one meeting, record. */
public final class MeetingPages {
    public static final String AREA = "/staff/meetings";
    private static final Words W = Words.of("meetings");

    private MeetingPages() {}

    public record Roles(StaffMember member, List<Role> roles) {}

    /** One partner's line: their standing and the latest flag, if any. */
    public record Standing(Partner partner, AttendanceStanding standing, AttendanceFlag flag) {
        public String verdict() {
            if (standing.kind() == AttendanceStanding.Kind.NONE)
                return W.get("page.role.standing.noMinimum");
            if (!standing.below()) return W.get("page.role.standing.met");
            return flag == null
                    ? W.get("page.role.standing.below")
                    : W.format(
                            "page.role.standing.flagged",
                            "date",
                            ClosingTime.displayDate(
                                    flag.flaggedAt().atZone(ClosingTime.UK).toLocalDate()));
        }
    }

    public record RolePage(
            StaffMember member,
            Role role,
            List<Meeting> meetings,
            List<Standing> standings,
            String notice) {
        public String minimum() {
            var c = role.commitment();
            if (c.minimumMeetingsPerYear() > 0)
                return W.format("page.role.minimum.count", "count", c.minimumMeetingsPerYear());
            if (c.minimumAttendancePercent() > 0)
                return W.format(
                        "page.role.minimum.percent", "percent", c.minimumAttendancePercent());
            return W.get("page.role.minimum.none");
        }

        public String papers(Meeting m) {
            if (m.papersSent() != null)
                return W.format(
                        "page.role.papers.sent", "date", ClosingTime.displayDate(m.papersSent()));
            if (m.papersDue() != null)
                return W.format(
                        "page.role.papers.due", "date", ClosingTime.displayDate(m.papersDue()));
            return W.get("page.role.papers.none");
        }

        public String cancelled() {
            return W.get("page.role.cancelled");
        }

        public String where(Meeting m) {
            return m.place().isEmpty() ? W.get("page.role.videoCall") : m.place();
        }
    }

    public record Plan(
            StaffMember member,
            Role role,
            int papersDays,
            Map<String, String> values,
            FieldErrors errors) {
        public boolean hasErrors() {
            return errors != null && !errors.isEmpty();
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }
    }

    /** One invited partner's line on the meeting page. */
    public record Line(Partner partner, Attendance attendance) {
        public String recorded() {
            if (attendance == null) return W.get("page.meeting.notRecorded");
            return switch (attendance.mark()) {
                case ATTENDED ->
                        W.format("page.meeting.attended", "hours", hours(attendance.minutes()));
                case APOLOGIES -> W.get("page.meeting.apologies");
                case ABSENT -> W.get("page.meeting.absent");
            };
        }
    }

    public record MeetingPage(
            StaffMember member,
            Role role,
            Meeting meeting,
            List<SummaryRow> facts,
            List<Line> lines,
            boolean started,
            String notice) {
        /** "This meeting was cancelled on 3 June 2026. It takes no attendance." or null. */
        public String cancelledNote() {
            return meeting.cancelled()
                    ? W.format(
                            "page.meeting.cancelled",
                            "date",
                            ClosingTime.displayDate(
                                    meeting.cancelledAt().atZone(ClosingTime.UK).toLocalDate()))
                    : null;
        }

        /** Planned and not started: it can be changed or cancelled. */
        public boolean changeable() {
            return !started && !meeting.cancelled();
        }
    }

    public record Record(
            StaffMember member,
            Role role,
            Meeting meeting,
            Partner partner,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }
    }

    /** Changing a meeting: the form (with the version read) and, when someone changed it meanwhile, the problem. */
    public record Change(
            StaffMember member,
            Role role,
            Meeting meeting,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }
    }

    /** Cancelling a meeting: what is cancelled, the version read and, when someone changed it meanwhile, the problem. */
    public record Cancel(
            StaffMember member,
            Role role,
            Meeting meeting,
            List<SummaryRow> facts,
            String problem) {
        public boolean hasErrors() {
            return problem != null;
        }
    }

    /** The change form's values for a meeting as it is. */
    public static Map<String, String> values(Meeting m) {
        Map<String, String> v = new java.util.HashMap<>();
        v.putAll(DateInput.values(MeetingForm.DATE, m.date()));
        v.put(MeetingForm.TIME, m.time().toString());
        v.put(MeetingForm.MINUTES, String.valueOf(m.minutes()));
        v.put(MeetingForm.PLACE, m.place());
        v.put(MeetingForm.VIDEO_LINK, m.videoLink());
        v.put(MeetingForm.PAPERS, m.papers());
        return v;
    }

    public static String change(
            StaffMember member,
            Role role,
            Meeting m,
            Map<String, String> values,
            FieldErrors errors,
            boolean stale) {
        return Templates.render(
                "staff/meetings/change.jte",
                new Change(
                        member, role, m, values, errors, stale ? W.get("page.stale.body") : null));
    }

    public static String cancel(StaffMember member, Role role, Meeting m, boolean stale) {
        return Templates.render(
                "staff/meetings/cancel.jte",
                new Cancel(member, role, m, facts(m), stale ? W.get("page.stale.body") : null));
    }

    public static String roles(StaffMember member, List<Role> roles) {
        return Templates.render("staff/meetings/roles.jte", new Roles(member, roles));
    }

    public static String role(
            StaffMember member,
            Role role,
            List<Meeting> meetings,
            List<Partner> partners,
            Map<String, AttendanceStanding> standings,
            Map<String, Optional<AttendanceFlag>> flags,
            String notice) {
        List<Standing> lines = new ArrayList<>();
        for (Partner p : partners)
            if (p.current())
                lines.add(
                        new Standing(
                                p,
                                standings.get(p.id()),
                                flags.getOrDefault(p.id(), Optional.empty()).orElse(null)));
        return Templates.render(
                "staff/meetings/role.jte", new RolePage(member, role, meetings, lines, notice));
    }

    public static String plan(
            StaffMember member,
            Role role,
            int papersDays,
            Map<String, String> values,
            FieldErrors errors) {
        return Templates.render(
                "staff/meetings/plan.jte", new Plan(member, role, papersDays, values, errors));
    }

    public static String meeting(
            StaffMember member,
            Role role,
            Meeting m,
            List<Partner> invited,
            Map<String, Attendance> recorded,
            boolean started,
            String notice) {
        List<SummaryRow> facts = facts(m);
        List<Line> lines = invited.stream().map(p -> new Line(p, recorded.get(p.id()))).toList();
        return Templates.render(
                "staff/meetings/meeting.jte",
                new MeetingPage(member, role, m, facts, lines, started, notice));
    }

    private static List<SummaryRow> facts(Meeting m) {
        List<SummaryRow> facts = new ArrayList<>();
        facts.add(row("page.meeting.row.when", m.when()));
        facts.add(row("page.meeting.row.length", MeetingLetters.length(m.minutes())));
        facts.add(row("page.meeting.row.place", m.place()));
        facts.add(row("page.meeting.row.video", m.videoLink()));
        facts.add(row("page.meeting.row.papers", m.papers()));
        facts.add(
                row(
                        "page.meeting.row.papersSent",
                        m.papersSent() == null ? "" : ClosingTime.displayDate(m.papersSent())));
        return facts;
    }

    public static String record(
            StaffMember member,
            Role role,
            Meeting m,
            Partner p,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        return Templates.render(
                "staff/meetings/record.jte",
                new Record(member, role, m, p, values, errors, problem));
    }

    /** The form's values from what was recorded, to change it. */
    public static Map<String, String> values(Attendance a) {
        if (a == null) return Map.of();
        return a.minutes() > 0
                ? Map.of("mark", a.mark().slug(), "hours", hours(a.minutes()))
                : Map.of("mark", a.mark().slug());
    }

    /** "2", "2.5", "1.25". */
    public static String hours(int minutes) {
        return new BigDecimal(minutes)
                .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static SummaryRow row(String key, String value) {
        return new SummaryRow(W.get(key), value == null ? "" : value, null, null);
    }

    /** A partner's attendance over the last 12 months in a sentence, for their partner record. */
    public static String summary(Role role, AttendanceStanding s, AttendanceFlag flag) {
        if (s == null || s.recorded() == 0) return W.get("page.record.attendance.none");
        String counts =
                W.format(
                        "page.record.attendance.counts",
                        "attended",
                        s.attended(),
                        "apologies",
                        s.apologies(),
                        "absent",
                        s.absent());
        return counts + " " + new Standing(null, s, flag).verdict();
    }
}
