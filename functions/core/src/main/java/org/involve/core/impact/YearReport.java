package org.involve.core.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.involve.core.kit.Words;
import org.involve.core.meetings.Attendance;
import org.involve.core.meetings.Meeting;
import org.involve.core.partners.Partner;
import org.involve.core.partners.PartnerStatus;
import org.involve.core.role.Role;

/**
 * A group's end-of-year report for one financial year, as of a day: the meetings held in the year up to that day, the
 * attendance recorded at them, the group's partners by their status today, the hours and days they gave, and the
 * impact entries recorded in the year.
 *
 * <p>Days are counted as payments count them ({@link org.involve.core.role.PaymentModel#halfDays}): attending for the
 * role's full-day boundary (4 hours unless it sets another) or more is a full day, less a half day.
 *
 * @param partners the group's partners appointed to start by the end of the year, counted by status as of today
 */
public record YearReport(
        Role role,
        FinancialYear year,
        LocalDate asOf,
        List<MeetingLine> meetings,
        Map<PartnerStatus, Integer> partners,
        List<ImpactEntry> entries,
        Map<String, Meeting> meetingsById) {
    private static final Words W = Words.of("impact");

    /**
     * One meeting held, with what was recorded at it.
     *
     * @param halfDays the days given at it, in halves
     */
    public record MeetingLine(
            Meeting meeting, int attended, int apologies, int absent, int minutes, int halfDays) {}

    public YearReport {
        meetings = List.copyOf(meetings);
        partners = Map.copyOf(partners);
        entries = List.copyOf(entries);
        meetingsById = Map.copyOf(meetingsById);
    }

    public static YearReport of(
            Role role,
            FinancialYear year,
            LocalDate today,
            List<Meeting> roleMeetings,
            Map<String, List<Attendance>> attendance,
            Collection<Partner> partners,
            List<ImpactEntry> entries) {
        List<MeetingLine> lines = new ArrayList<>();
        Map<String, Meeting> byId = new java.util.HashMap<>();
        for (Meeting m : roleMeetings) {
            byId.put(m.id(), m);
            if (!year.contains(m.date()) || !m.heldBy(today)) continue;
            int att = 0, apol = 0, abs = 0, mins = 0, halves = 0;
            for (Attendance a : attendance.getOrDefault(m.id(), List.of())) {
                switch (a.mark()) {
                    case ATTENDED -> {
                        att++;
                        halves += role.payment().halfDays(a.minutes());
                    }
                    case APOLOGIES -> apol++;
                    case ABSENT -> abs++;
                }
                mins += a.minutes();
            }
            lines.add(new MeetingLine(m, att, apol, abs, mins, halves));
        }
        Map<PartnerStatus, Integer> counts = new EnumMap<>(PartnerStatus.class);
        for (PartnerStatus s : PartnerStatus.values()) counts.put(s, 0);
        for (Partner p : partners)
            if (p.appointment().start() == null || !p.appointment().start().isAfter(year.last()))
                counts.merge(p.status(), 1, Integer::sum);
        List<ImpactEntry> inYear = entries.stream().filter(e -> year.contains(e.day())).toList();
        return new YearReport(role, year, today, lines, counts, inYear, byId);
    }

    public int attended() {
        return meetings.stream().mapToInt(MeetingLine::attended).sum();
    }

    public int apologies() {
        return meetings.stream().mapToInt(MeetingLine::apologies).sum();
    }

    public int absent() {
        return meetings.stream().mapToInt(MeetingLine::absent).sum();
    }

    public int minutes() {
        return meetings.stream().mapToInt(MeetingLine::minutes).sum();
    }

    public int partners(PartnerStatus s) {
        return partners.getOrDefault(s, 0);
    }

    /** "12.5": hours given, to the quarter hour as recorded. */
    public String hours() {
        return hours(minutes());
    }

    public static String hours(int minutes) {
        return new java.math.BigDecimal(minutes)
                .divide(java.math.BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** "3.5": days given, a full day for attending 4 hours or more and a half day for less. */
    public String days() {
        int halves = 0;
        for (MeetingLine l : meetings) halves += l.halfDays();
        return halves / 2 + (halves % 2 == 1 ? ".5" : "");
    }

    /** The meeting an entry came from, in words, or "" when none. */
    public String meetingOf(ImpactEntry e) {
        Meeting m = meetingsById.get(e.meetingId());
        return m == null ? "" : m.when();
    }

    /** The report as CSV, safe to open in a spreadsheet (see {@link Csv}). */
    public String csv() {
        StringBuilder b = new StringBuilder();
        b.append(Csv.line(List.of(W.get("page.csv.group"), role.title())));
        b.append(
                Csv.line(
                        List.of(
                                W.get("page.csv.year"),
                                W.format(
                                        "page.report.year",
                                        "from",
                                        year.startYear(),
                                        "to",
                                        year.startYear() + 1))));
        b.append(Csv.line(List.of(W.get("page.csv.asOf"), ImpactLog.display(asOf))));
        b.append(
                Csv.line(List.of(W.get("page.csv.meetingsHeld"), String.valueOf(meetings.size()))));
        b.append(Csv.line(List.of(W.get("page.csv.attended"), String.valueOf(attended()))));
        b.append(Csv.line(List.of(W.get("page.csv.apologies"), String.valueOf(apologies()))));
        b.append(Csv.line(List.of(W.get("page.csv.absent"), String.valueOf(absent()))));
        for (PartnerStatus s : PartnerStatus.values())
            b.append(
                    Csv.line(
                            List.of(
                                    W.get(
                                            "page.csv.partners."
                                                    + s.name().toLowerCase(java.util.Locale.ROOT)),
                                    String.valueOf(partners(s)))));
        b.append(Csv.line(List.of(W.get("page.csv.hours"), hours())));
        b.append(Csv.line(List.of(W.get("page.csv.days"), days())));
        b.append("\r\n");
        b.append(
                Csv.line(
                        List.of(
                                W.get("page.csv.column.meeting"),
                                W.get("page.csv.column.attended"),
                                W.get("page.csv.column.apologies"),
                                W.get("page.csv.column.absent"),
                                W.get("page.csv.column.hours"))));
        for (MeetingLine l : meetings)
            b.append(
                    Csv.line(
                            List.of(
                                    l.meeting().when(),
                                    String.valueOf(l.attended()),
                                    String.valueOf(l.apologies()),
                                    String.valueOf(l.absent()),
                                    hours(l.minutes()))));
        b.append("\r\n");
        b.append(
                Csv.line(
                        List.of(
                                W.get("page.csv.column.date"),
                                W.get("page.csv.column.fromMeeting"),
                                W.get("page.csv.column.youSaid"),
                                W.get("page.csv.column.weDid"),
                                W.get("page.csv.column.sent"))));
        for (ImpactEntry e : entries)
            b.append(
                    Csv.line(
                            List.of(
                                    ImpactLog.display(e.day()),
                                    meetingOf(e),
                                    e.youSaid(),
                                    e.weDid(),
                                    e.sent() ? ImpactLog.display(e.sentOn()) : "")));
        return b.toString();
    }
}
