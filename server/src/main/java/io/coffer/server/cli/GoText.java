package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.GoDuration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How Vault's CLI turns values into text: Go's {@code %v} and {@code %q} for decoded JSON, the CLI's
 * {@code humanDuration} for fields that look like TTLs, and {@code wrapAtLength} (kr/text's minimum-raggedness
 * wrap at 78 columns). Pure functions.
 */
final class GoText {

    static final int MAX_LINE_LENGTH = 78;
    private static final int OVERLONG_PENALTY = 100_000;

    private GoText() {
    }

    /** Go's {@code %v} of a value decoded from JSON: {@code <nil>}, {@code [a b]}, {@code map[k:v]} (keys sorted). */
    static String value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "<nil>";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return "[" + String.join(" ", items) + "]";
        }
        if (node.isObject()) {
            Map<String, String> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), value(e.getValue())));
            List<String> items = new ArrayList<>();
            sorted.forEach((k, v) -> items.add(k + ":" + v));
            return "map[" + String.join(" ", items) + "]";
        }
        return node.asText();
    }

    /** Go's {@code %q} of a string slice: {@code ["default" "root"]}; null prints as {@code []}. */
    static String quotedList(JsonNode node) {
        List<String> items = new ArrayList<>();
        if (node != null) {
            node.forEach(item -> items.add(quote(item.asText())));
        }
        return "[" + String.join(" ", items) + "]";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** The CLI's test for keys whose integer values are shown as durations ({@code ttl}, {@code *_period}, ...). */
    static boolean looksLikeDuration(String key) {
        return key.equals("period") || key.endsWith("_period") || key.equals("ttl") || key.endsWith("_ttl")
                || key.equals("duration") || key.endsWith("_duration") || key.equals("lease_max")
                || key.equals("ttl_max");
    }

    /** A data field as the CLI's tables print it: {@link #humanDuration} for TTL-like keys, else {@code %v}. */
    static String field(String key, JsonNode value) {
        return looksLikeDuration(key) ? humanDuration(value) : value(value);
    }

    /** {@code humanDurationInt}: integral numbers of seconds as {@code 768h}, {@code 1m30s}; others as {@code %v}. */
    static String humanDuration(JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return GoDuration.human(node.asLong());
        }
        return value(node);
    }

    /** {@code wrapAtLength}: the text re-flowed into lines of at most 78 columns. */
    static String wrap(String text) {
        return wrap(text, 0);
    }

    /** {@code wrapAtLengthWithPadding}: wrapped at {@code 78 - pad} columns, each line indented by {@code pad}. */
    static String wrap(String text, int pad) {
        String[] words = text.trim().replace('\n', ' ').split(" ", -1);
        List<String> lines = new ArrayList<>();
        for (List<String> line : wrapWords(words, MAX_LINE_LENGTH - pad)) {
            lines.add(" ".repeat(pad) + String.join(" ", line));
        }
        return String.join("\n", lines);
    }

    /** kr/text {@code WrapWords}: line breaks minimising the sum of squared shortfalls against {@code limit}. */
    private static List<List<String>> wrapWords(String[] words, int limit) {
        int n = words.length;
        long[][] length = new long[n][n];
        for (int i = 0; i < n; i++) {
            length[i][i] = words[i].codePointCount(0, words[i].length());
            for (int j = i + 1; j < n; j++) {
                length[i][j] = length[i][j - 1] + 1 + words[j].codePointCount(0, words[j].length());
            }
        }
        int[] breakAt = new int[n];
        long[] cost = new long[n];
        Arrays.fill(cost, Integer.MAX_VALUE);
        for (int i = n - 1; i >= 0; i--) {
            if (length[i][n - 1] <= limit || i == n - 1) {
                cost[i] = 0;
                breakAt[i] = n;
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                long shortfall = limit - length[i][j - 1];
                long c = shortfall * shortfall + cost[j] + (length[i][j - 1] > limit ? OVERLONG_PENALTY : 0);
                if (c < cost[i]) {
                    cost[i] = c;
                    breakAt[i] = j;
                }
            }
        }
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < n; i = breakAt[i]) {
            lines.add(Arrays.asList(words).subList(i, breakAt[i]));
        }
        return lines;
    }
}
