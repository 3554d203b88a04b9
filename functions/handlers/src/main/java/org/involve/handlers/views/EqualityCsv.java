package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import org.involve.core.equality.EqualityReport;
import org.involve.core.equality.Stage;
import org.involve.core.kit.Words;

/**
 * The equality report as CSV: the same counts as the page, suppressed by the same rules (a hidden count is written as
 * its words, never its number). One line per question and answer, a column per stage.
 */
public final class EqualityCsv {
    private static final Words WORDS = Words.of("equality");

    private EqualityCsv() {}

    public static String of(EqualityReport.Report report) {
        StringBuilder out = new StringBuilder();
        List<String> heading =
                new ArrayList<>(
                        List.of(
                                WORDS.get("csv.column.report"),
                                WORDS.get("csv.column.question"),
                                WORDS.get("csv.column.answer")));
        for (Stage s : Stage.values()) heading.add(s.label());
        line(out, heading);
        for (EqualityReport.Table t : report.tables()) {
            for (EqualityReport.Row row : t.rows()) {
                List<String> cells =
                        new ArrayList<>(List.of(report.title(), t.label(), row.label()));
                row.byStage().forEach(c -> cells.add(c.text()));
                line(out, cells);
            }
            List<String> total =
                    new ArrayList<>(
                            List.of(report.title(), t.label(), WORDS.get("page.report.total")));
            t.totals().forEach(c -> total.add(c.text()));
            line(out, total);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A field quoted when it must be, and never read by a spreadsheet as a formula. */
    static String field(String value) {
        String v = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r"))
            return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
