package io.coffer.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * ryanuber/columnize as Vault's CLI configures it: rows split on a delimiter, cells trimmed (an empty cell reads
 * {@code n/a}), columns padded to their widest cell and glued with four spaces, the last column unpadded.
 * {@link #table} adds the header underline of Vault's {@code tableOutput}.
 */
final class Columns {

    /** The delimiter Vault uses for key/value tables, chosen because no secret contains it. */
    static final String HOPE_DELIM = "\u2668";
    private static final String GLUE = "    ";
    private static final String EMPTY = "n/a";

    private Columns() {
    }

    /** {@code tableOutput}: the first row is the header, followed by a row of dashes as wide as each header. */
    static String table(List<String> rows, String delim) {
        if (rows.isEmpty()) {
            return "";
        }
        List<String> underline = new ArrayList<>();
        for (String header : rows.get(0).split(Pattern.quote(delim), -1)) {
            underline.add("-".repeat(header.trim().length()));
        }
        List<String> all = new ArrayList<>(rows);
        all.add(1, String.join(delim, underline));
        return format(all, delim);
    }

    static String format(List<String> rows, String delim) {
        List<String[]> cells = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (String row : rows) {
            String[] parts = row.split(Pattern.quote(delim), -1);
            for (int i = 0; i < parts.length; i++) {
                String cell = parts[i].trim();
                parts[i] = cell.isEmpty() ? EMPTY : cell;
                int width = parts[i].codePointCount(0, parts[i].length());
                if (widths.size() <= i) {
                    widths.add(width);
                } else if (widths.get(i) < width) {
                    widths.set(i, width);
                }
            }
            cells.add(parts);
        }
        StringBuilder out = new StringBuilder();
        for (String[] parts : cells) {
            for (int i = 0; i < parts.length; i++) {
                out.append(parts[i]);
                if (i < parts.length - 1) {
                    out.append(" ".repeat(widths.get(i) - parts[i].codePointCount(0, parts[i].length())))
                            .append(GLUE);
                }
            }
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
