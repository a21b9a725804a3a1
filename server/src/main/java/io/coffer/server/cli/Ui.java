package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The terminal side of a client command, after Vault's {@code cli.Ui} and {@code command/format.go}: results go to
 * standard output, warnings and errors to standard error, and values print in the chosen format: {@code table}
 * (columnized {@code Key/Value} rows) or {@code json} (Go's indented JSON).
 */
final class Ui {

    private final PrintWriter out;
    private final PrintWriter err;
    private final String format;

    Ui(PrintWriter out, PrintWriter err, String format) {
        this.out = out;
        this.err = err;
        this.format = format;
    }

    String format() {
        return format;
    }

    boolean isTable() {
        return format.equals("table");
    }

    void output(String text) {
        out.println(text);
        out.flush();
    }

    /** Text without a trailing newline (the CLI's raw field output when not on a terminal). */
    void raw(String text) {
        out.print(text);
        out.flush();
    }

    void warn(String text) {
        err.println(text);
        err.flush();
    }

    void error(String text) {
        err.println(text);
        err.flush();
    }

    /** {@code OutputSecret}: the envelope as a Key/Value table, or the whole envelope as JSON. */
    int secret(Secret secret) {
        if (secret == null) {
            return 0;
        }
        if (!isTable()) {
            return json(SecretJson.of(secret));
        }
        printWarnings(secret);
        List<String> rows = SecretTable.rows(secret);
        if (!rows.isEmpty()) {
            rows.add(0, "Key" + Columns.HOPE_DELIM + "Value");
            output(Columns.table(rows, Columns.HOPE_DELIM));
        }
        return 0;
    }

    /** {@code OutputData} of a Go map: sorted Key/Value rows, or sorted JSON. */
    int map(JsonNode data) {
        if (!isTable()) {
            return json(GoJson.sorted(data));
        }
        if (data == null || !data.isObject() || data.isEmpty()) {
            return 0;
        }
        List<String> rows = new ArrayList<>();
        rows.add("Key" + Columns.HOPE_DELIM + "Value");
        GoJson.sortedFields(data).forEach((key, value) -> rows.add(key + " " + Columns.HOPE_DELIM + " "
                + GoText.field(key, value)));
        output(Columns.table(rows, Columns.HOPE_DELIM));
        return 0;
    }

    /** {@code OutputList} of a list response: a sorted {@code Keys} column, or the key array as JSON. */
    int list(Secret secret) {
        JsonNode keys = secret.field("keys");
        if (!isTable()) {
            return json(keys);
        }
        printWarnings(secret);
        List<String> sorted = new ArrayList<>();
        keys.forEach(k -> sorted.add(k.asText()));
        sorted.sort(null);
        if (!sorted.isEmpty()) {
            sorted.add(0, "Keys");
            output(Columns.table(sorted, Columns.HOPE_DELIM));
        }
        return 0;
    }

    /** Rows joined with {@code |} under a header row (the CLI's {@code tableOutput(rows, nil)}). */
    void table(List<String> rows) {
        output(Columns.table(rows, "|"));
    }

    /** JSON output; other formats the CLI knows but Coffer does not print are refused as invalid. */
    int json(JsonNode value) {
        if (!format.equals("json")) {
            error("Invalid output format: " + format);
            return 1;
        }
        output(GoJson.print(value));
        return 0;
    }

    /** {@code printWarnings}: the server's warnings, wrapped, on standard error. */
    void printWarnings(Secret secret) {
        List<String> warnings = secret == null ? List.of() : secret.warnings();
        if (warnings.isEmpty()) {
            return;
        }
        warn("WARNING! The following warnings were returned from Vault:\n");
        for (String warning : warnings) {
            warn(GoText.wrap("* " + warning, 2));
            warn("");
        }
    }

    /** The CLI's section header over a table: {@code ====== Metadata ======}, sized to the widest key. */
    static String headerForMap(String header, JsonNode data) {
        int widest = 0;
        if (data != null) {
            for (Map.Entry<String, JsonNode> field : iterable(data)) {
                widest = Math.max(widest, field.getKey().length());
            }
        }
        return padEqualSigns(header, widest + 4 + 5);
    }

    static String padEqualSigns(String header, int totalLength) {
        int signs = totalLength - (header.length() + 2);
        if (signs <= 0) {
            signs = 4;
        }
        if (signs % 2 != 0) {
            signs++;
        }
        return "=".repeat(signs / 2) + " " + header + " " + "=".repeat(signs / 2);
    }

    /** {@code outputPath}: a titled header, the path, and a blank line. */
    void path(String path, String title) {
        output(padEqualSigns(title, path.length()));
        output(path);
        output("");
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode data) {
        return data instanceof ObjectNode object ? object::fields : List.of();
    }
}
