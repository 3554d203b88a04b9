package org.involve.handlers.views;

import java.util.ArrayList;
import java.util.List;
import org.involve.core.equality.EqualityReport;
import org.involve.core.equality.Stage;
import org.involve.core.equality.Suppression.Shown;

/**
 * One question's chart, drawn on the server as SVG (template staff/equality/report.jte): for each answer, a bar for each
 * stage, its number written beside it. A count that is not shown has no bar, only its words ("not shown").
 * The page's table holds the same numbers, as the chart's description says.
 */
public record EqualityChart(
        String id, int width, int height, List<Bar> bars, List<Text> texts, List<Legend> legend) {
    /** Colours with at least 3:1 contrast on white, one for each stage. */
    private static final List<String> COLOURS = List.of("#005eb8", "#007f3b", "#330072", "#8a1538");

    static final int WIDTH = 720,
            LEFT = 8,
            BAR = 11,
            GAP = 3,
            LABEL = 20,
            GROUP_GAP = 10,
            BAR_AREA = 440;

    public record Bar(int x, int y, int width, int height, String colour) {}

    public record Text(int x, int y, String text, boolean bold) {}

    public record Legend(int x, int y, String colour, String label) {}

    static EqualityChart of(EqualityReport.Table table) {
        long max = 1;
        for (var row : table.rows())
            for (var c : row.byStage())
                if (c.shown() == Shown.NUMBER) max = Math.max(max, c.number());
        List<Bar> bars = new ArrayList<>();
        List<Text> texts = new ArrayList<>();
        List<Legend> legend = new ArrayList<>();
        int y = 4;
        for (Stage s : Stage.values()) {
            legend.add(
                    new Legend(LEFT + s.ordinal() * 150, y, COLOURS.get(s.ordinal()), s.label()));
        }
        y += 30;
        for (var row : table.rows()) {
            texts.add(new Text(LEFT, y + 14, row.label(), true));
            y += LABEL;
            for (Stage s : Stage.values()) {
                var c = row.byStage().get(s.ordinal());
                int w =
                        c.shown() == Shown.NUMBER
                                ? (int) Math.round(BAR_AREA * (double) c.number() / max)
                                : 0;
                if (w > 0) bars.add(new Bar(LEFT, y, w, BAR, COLOURS.get(s.ordinal())));
                texts.add(new Text(LEFT + w + 6, y + BAR - 1, s.label() + ": " + c.text(), false));
                y += BAR + GAP;
            }
            y += GROUP_GAP;
        }
        return new EqualityChart("chart-" + table.question(), WIDTH, y, bars, texts, legend);
    }
}
