package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.involve.core.impact.FinancialYear;
import org.involve.core.impact.ImpactEntry;
import org.involve.core.impact.ImpactLog;
import org.involve.core.impact.YearReport;
import org.involve.core.kit.Field;
import org.involve.core.kit.FieldErrors;
import org.involve.core.kit.Version;
import org.involve.core.kit.Words;
import org.involve.core.meetings.Meeting;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.paths.StaffPaths;
import org.involve.core.role.Role;
import org.involve.core.staff.StaffMember;

/**
 * The impact pages (templates in staff/impact/): a group's log with the send button and the report links, the form
 * to record or change an entry, and the printable end-of-year report.
 */
public final class ImpactPages {
    private static final Words W = Words.of("impact");

    private ImpactPages() {}

    /** One entry's line in the log. */
    public record Line(ImpactEntry entry, String meeting) {
        public String date() {
            return ImpactLog.display(entry.day());
        }

        public String sent() {
            return entry.sent() ? ImpactLog.display(entry.sentOn()) : W.get("page.log.notSent");
        }

        public String changeHref() {
            return StaffPaths.IMPACT_ENTRY.fill(entry.roleId(), entry.id());
        }
    }

    public record LogPage(
            StaffMember member,
            Role role,
            List<Line> lines,
            int unsent,
            int byEmail,
            int notByEmail,
            List<FinancialYear> years,
            String notice) {}

    public record EntryPage(
            StaffMember member,
            Role role,
            ImpactEntry entry,
            List<Field.Option> meetings,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        public boolean hasErrors() {
            return (errors != null && !errors.isEmpty()) || problem != null;
        }

        public String error(String name) {
            return errors == null ? null : errors.asMap().get(name);
        }

        public String title() {
            return W.get(entry == null ? "page.entry.newTitle" : "page.entry.changeTitle");
        }

        public String action() {
            return entry == null
                    ? StaffPaths.IMPACT_NEW.fill(role.id())
                    : StaffPaths.IMPACT_ENTRY.fill(role.id(), entry.id());
        }

        /** The version the form carries: the one it was read at, or the entry's as it is now. */
        public String version() {
            return entry == null ? null : entry.version();
        }
    }

    public record ReportPage(
            StaffMember member, Role role, YearReport report, List<SummaryRow> summary) {
        public String csvHref() {
            return StaffPaths.IMPACT_REPORT_CSV.fill(role.id(), report.year().slug());
        }

        public String from(ImpactEntry e) {
            String when = report.meetingOf(e);
            return when.isEmpty() ? "" : W.format("page.report.entries.fromMeeting", "when", when);
        }
    }

    public static String log(
            StaffMember member,
            Role role,
            List<ImpactEntry> entries,
            Map<String, Meeting> meetings,
            int unsent,
            int byEmail,
            int notByEmail,
            FinancialYear thisYear,
            String notice) {
        List<Line> lines = new ArrayList<>();
        for (ImpactEntry e : entries) {
            Meeting m = meetings.get(e.meetingId());
            lines.add(new Line(e, m == null ? "" : m.when()));
        }
        return Templates.render(
                "staff/impact/log.jte",
                new LogPage(
                        member,
                        role,
                        lines,
                        unsent,
                        byEmail,
                        notByEmail,
                        List.of(thisYear, thisYear.previous()),
                        notice));
    }

    public static String entry(
            StaffMember member,
            Role role,
            ImpactEntry entry,
            List<Meeting> held,
            Map<String, String> values,
            FieldErrors errors,
            String problem) {
        List<Field.Option> options = new ArrayList<>();
        for (Meeting m : held) options.add(new Field.Option(m.id(), m.when()));
        return Templates.render(
                "staff/impact/entry.jte",
                new EntryPage(member, role, entry, options, values, errors, problem));
    }

    /** The form's values from a stored entry, to change it. */
    public static Map<String, String> values(ImpactEntry e) {
        return Map.of(
                "youSaid",
                e.youSaid(),
                "weDid",
                e.weDid(),
                "meeting",
                e.meetingId(),
                Version.FIELD,
                e.version());
    }

    public static String report(StaffMember member, Role role, YearReport r) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(
                new SummaryRow(
                        W.get("page.report.row.meetings"), String.valueOf(r.meetings().size())));
        rows.add(
                new SummaryRow(
                        W.get("page.report.row.attendance"),
                        W.format(
                                "page.report.row.attendanceValue",
                                "attended",
                                r.attended(),
                                "apologies",
                                r.apologies(),
                                "absent",
                                r.absent())));
        rows.add(
                new SummaryRow(
                        W.get("page.report.row.partners"),
                        W.format(
                                "page.report.row.partnersValue",
                                "active",
                                r.partners(PartnerStatus.ACTIVE),
                                "paused",
                                r.partners(PartnerStatus.PAUSED),
                                "retired",
                                r.partners(PartnerStatus.RETIRED),
                                "ended",
                                r.partners(PartnerStatus.ENDED))));
        rows.add(new SummaryRow(W.get("page.report.row.hours"), r.hours()));
        rows.add(
                new SummaryRow(
                        W.get("page.report.row.days"),
                        W.format("page.report.row.daysHint", "days", r.days())));
        return Templates.render("staff/impact/report.jte", new ReportPage(member, role, r, rows));
    }
}
