package io.coffer.server.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations the way Vault's {@code parseutil.ParseDurationSecond} does: a bare integer is seconds,
 * {@code "<n>d"} is days, anything else is a Go duration string such as {@code "768h"} or {@code "1h30m0.5s"}.
 */
final class GoDuration {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DAYS = Pattern.compile("([+-]?\\d+)d");
    private static final Pattern PART = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)");
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private GoDuration() {
    }

    /** Returns the duration, or throws {@link IllegalArgumentException} when the text is not one. */
    static Duration parse(String raw) {
        String text = raw.trim();
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        if (INTEGER.matcher(text).matches()) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher days = DAYS.matcher(text);
        if (days.matches()) {
            return Duration.ofDays(Long.parseLong(days.group(1)));
        }
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        Duration total = sumParts(body, raw);
        return negative ? total.negated() : total;
    }

    /** Formats like Go's {@code Duration.String()} for whole seconds: {@code 1h0m0s}, {@code 1m30s}, {@code 5s}. */
    static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.toNanosPart() != 0) {
            return d.toMillis() + "ms";
        }
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        if (h > 0) {
            return h + "h" + m + "m" + s + "s";
        }
        return m > 0 ? m + "m" + s + "s" : s + "s";
    }

    private static Duration sumParts(String body, String raw) {
        if (body.isEmpty()) {
            throw new IllegalArgumentException("invalid duration " + raw);
        }
        Matcher part = PART.matcher(body);
        BigDecimal nanos = BigDecimal.ZERO;
        int at = 0;
        while (at < body.length()) {
            if (!part.find(at) || part.start() != at) {
                throw new IllegalArgumentException("invalid duration " + raw);
            }
            BigDecimal unit = BigDecimal.valueOf(UNIT_NANOS.get(part.group(2)));
            nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unit));
            at = part.end();
        }
        try {
            return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration out of range " + raw, e);
        }
    }
}
