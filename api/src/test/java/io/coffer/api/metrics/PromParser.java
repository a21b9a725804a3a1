package io.coffer.api.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: it rejects what Prometheus would
 * reject (bad names, bad escapes, unparsable values, a TYPE after samples, a family split in two, duplicate series,
 * sample names that do not fit the family's type, a missing final newline).
 */
final class PromParser {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private PromParser() {
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    record Family(String name, String type, String help, List<Sample> samples) {
    }

    static Map<String, Family> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition must end with a newline");
        }
        Map<String, Family> families = new LinkedHashMap<>();
        Set<String> series = new HashSet<>();
        String currentFamily = null;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                currentFamily = comment(line, families, currentFamily);
                continue;
            }
            Sample sample = sample(line);
            String family = familyOf(sample.name(), families);
            if (currentFamily != null && !currentFamily.equals(family) && families.containsKey(family)
                    && !families.get(family).samples().isEmpty()) {
                throw new IllegalArgumentException("family " + family + " is not contiguous");
            }
            Family f = families.computeIfAbsent(family, n -> new Family(n, "untyped", null, new ArrayList<>()));
            checkSuffix(f, sample);
            if (!series.add(sample.name() + sample.labels())) {
                throw new IllegalArgumentException("duplicate series " + sample.name() + sample.labels());
            }
            f.samples().add(sample);
            currentFamily = family;
        }
        return families;
    }

    private static String comment(String line, Map<String, Family> families, String current) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || !(parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
            return current;
        }
        String name = name(parts[2]);
        Family existing = families.get(name);
        if (parts[1].equals("TYPE")) {
            String type = parts.length > 3 ? parts[3] : "";
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("bad type " + line);
            }
            if (existing != null && (!existing.samples().isEmpty() || !existing.type().equals("untyped"))) {
                throw new IllegalArgumentException("TYPE after samples or twice: " + line);
            }
            String help = existing == null ? null : existing.help();
            families.put(name, new Family(name, type, help, new ArrayList<>()));
        } else {
            if (existing != null && existing.help() != null) {
                throw new IllegalArgumentException("HELP twice: " + line);
            }
            String type = existing == null ? "untyped" : existing.type();
            List<Sample> samples = existing == null ? new ArrayList<>() : existing.samples();
            families.put(name, new Family(name, type, parts.length > 3 ? parts[3] : "", samples));
        }
        return name;
    }

    private static String familyOf(String sampleName, Map<String, Family> families) {
        for (String suffix : List.of("_sum", "_count", "_bucket")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                Family f = families.get(base);
                if (f != null && (f.type().equals("summary") || f.type().equals("histogram"))) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static void checkSuffix(Family family, Sample sample) {
        boolean plain = sample.name().equals(family.name());
        switch (family.type()) {
            case "summary" -> {
                if (plain && !sample.labels().containsKey("quantile")) {
                    throw new IllegalArgumentException("summary sample without quantile: " + sample);
                }
            }
            case "histogram" -> {
                if (plain) {
                    throw new IllegalArgumentException("histogram sample without suffix: " + sample);
                }
            }
            default -> {
                if (!plain) {
                    throw new IllegalArgumentException("sample " + sample.name() + " in family " + family.name());
                }
            }
        }
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels = new TreeMap<>();
        String rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = name(line.substring(0, brace));
            int end = labels(line, brace + 1, labels);
            rest = line.substring(end + 1);
        } else {
            if (space < 0) {
                throw new IllegalArgumentException("sample without value: " + line);
            }
            name = name(line.substring(0, space));
            rest = line.substring(space);
        }
        if (!rest.startsWith(" ")) {
            throw new IllegalArgumentException("no space before value: " + line);
        }
        String[] fields = rest.trim().split(" ");
        if (fields.length > 2) {
            throw new IllegalArgumentException("trailing garbage: " + line);
        }
        if (fields.length == 2) {
            Long.parseLong(fields[1]);
        }
        return new Sample(name, labels, value(fields[0]));
    }

    /** Parses labels starting at {@code i}; returns the index of the closing brace. */
    private static int labels(String line, int i, Map<String, String> out) {
        int pos = i;
        while (line.charAt(pos) != '}') {
            int eq = line.indexOf('=', pos);
            String label = line.substring(pos, eq);
            if (!LABEL_NAME.matcher(label).matches() || out.containsKey(label)) {
                throw new IllegalArgumentException("bad label name " + label + " in " + line);
            }
            if (line.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("unquoted label value in " + line);
            }
            StringBuilder value = new StringBuilder();
            pos = eq + 2;
            while (line.charAt(pos) != '"') {
                char c = line.charAt(pos);
                if (c == '\\') {
                    char next = line.charAt(++pos);
                    value.append(switch (next) {
                        case '\\' -> '\\';
                        case '"' -> '"';
                        case 'n' -> '\n';
                        default -> throw new IllegalArgumentException("bad escape in " + line);
                    });
                } else {
                    value.append(c);
                }
                pos++;
            }
            out.put(label, value.toString());
            pos++;
            if (line.charAt(pos) == ',') {
                pos++;
            }
        }
        return pos;
    }

    private static double value(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String name(String text) {
        if (!METRIC_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("bad metric name " + text);
        }
        return text;
    }
}
