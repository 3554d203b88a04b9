package org.involve.handlers.views;

import java.util.List;
import org.involve.core.equality.EqualityReport;
import org.involve.core.staff.StaffMember;

/** The equality report's pages (templates staff/equality/index.jte and report.jte). */
public final class StaffEqualityPages {
    public static final String AREA = "/staff/equality";

    private StaffEqualityPages() {}

    public record Index(
            StaffMember member, List<EqualityReport.Programme> programmes, int threshold) {}

    public record Page(
            StaffMember member,
            EqualityReport.Report report,
            String csvPath,
            List<EqualityChart> charts) {}

    public static String index(
            StaffMember member, List<EqualityReport.Programme> programmes, int threshold) {
        return Templates.render(
                "staff/equality/index.jte", new Index(member, programmes, threshold));
    }

    public static String report(StaffMember member, EqualityReport.Report report, String csvPath) {
        return Templates.render(
                "staff/equality/report.jte",
                new Page(
                        member,
                        report,
                        csvPath,
                        report.tables().stream().map(t -> EqualityChart.of(t)).toList()));
    }
}
