package org.involve.core.impact;

import java.util.List;

/**
 * Writes CSV (RFC 4180: comma-separated, CRLF lines, quoted where needed) that is safe to open in a spreadsheet: a
 * cell starting with = + - @ (or a tab or carriage return) would be read as a formula, so it is prefixed with an
 * apostrophe and quoted. Free text typed by staff reaches this file, so every cell goes through {@link #cell}.
 */
public final class Csv {
    private Csv() {}

    public static String cell(String value) {
        String v = value == null ? "" : value;
        boolean formula = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0;
        if (formula) v = "'" + v;
        if (formula || v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r"))
            return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells.get(i)));
        }
        return b.append("\r\n").toString();
    }
}
