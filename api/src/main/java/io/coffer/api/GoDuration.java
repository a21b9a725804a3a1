package io.coffer.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.Duration} text form, as Vault reads and writes it. {@link #parse} follows
 * {@code time.ParseDuration} (error texts included), {@link #format} follows {@code Duration.String()}, and
 * {@link #parseSeconds} follows {@code parseutil.ParseDurationSecond}, the lenient reader behind every duration
 * field of Vault's request framework and server configuration (integer seconds, numeric strings, {@code "7d"}, Go
 * duration strings), and {@link #human} is the CLI's {@code humanDuration}.
 *
 * <p>Pure and thread-safe. Failures are {@link IllegalArgumentException}s carrying Go's message; callers decide
 * which HTTP error that becomes.
 */
public final class GoDuration {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(63);
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", NANOS_PER_SECOND, "m", 60 * NANOS_PER_SECOND, "h", 3600 * NANOS_PER_SECOND);

    private GoDuration() {
    }

    /** Parses a Go duration string ({@code "1h30m"}, {@code "-1.5h"}, {@code "300ms"}, {@code "0"}). */
    public static Duration parse(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigInteger total = BigInteger.ZERO;
        int[] pos = {0};
        while (pos[0] < s.length()) {
            total = total.add(component(s, pos, text));
            if (total.compareTo(LIMIT) > 0) {
                throw invalid(text);
            }
        }
        if (!negative && total.compareTo(LIMIT) >= 0) {
            throw invalid(text);
        }
        long nanos = negative ? total.negate().longValue() : total.longValue();
        return Duration.ofNanos(nanos);
    }

    /** One {@code [0-9]*(\.[0-9]*)?unit} group starting at {@code pos[0]}; advances {@code pos[0]}. */
    private static BigInteger component(String s, int[] pos, String original) {
        int i = pos[0];
        char first = s.charAt(i);
        if (!(first == '.' || isDigit(first))) {
            throw invalid(original);
        }
        int start = i;
        BigInteger whole = BigInteger.ZERO;
        while (i < s.length() && isDigit(s.charAt(i))) {
            whole = whole.multiply(BigInteger.TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
            if (whole.compareTo(LIMIT) > 0) {
                throw invalid(original);
            }
            i++;
        }
        boolean pre = i != start;
        Fraction fraction = new Fraction(0, 1, i, i);
        if (i < s.length() && s.charAt(i) == '.') {
            fraction = Fraction.read(s, i + 1);
            i = fraction.end();
        }
        boolean post = fraction.end() > fraction.start();
        if (!pre && !post) {
            throw invalid(original);
        }
        int unitStart = i;
        while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
            i++;
        }
        if (i == unitStart) {
            throw new IllegalArgumentException("time: missing unit in duration " + quote(original));
        }
        String unitName = s.substring(unitStart, i);
        Long unit = UNITS.get(unitName);
        if (unit == null) {
            throw new IllegalArgumentException(
                    "time: unknown unit " + quote(unitName) + " in duration " + quote(original));
        }
        pos[0] = i;
        BigInteger value = whole.multiply(BigInteger.valueOf(unit));
        if (value.compareTo(LIMIT) > 0) {
            throw invalid(original);
        }
        if (fraction.value() > 0) {
            // Go uses float64 here so fractions of hours stay nanosecond-accurate; mirror it.
            double nanos = (double) fraction.value() * ((double) unit / fraction.scale());
            value = value.add(BigInteger.valueOf((long) nanos));
            if (value.compareTo(LIMIT) > 0) {
                throw invalid(original);
            }
        }
        return value;
    }

    /**
     * Go's {@code leadingFraction}: the digits after a '.', accumulated until they would overflow (later digits
     * are consumed but ignored), with their scale.
     */
    private record Fraction(long value, double scale, int start, int end) {

        static Fraction read(String s, int from) {
            long value = 0;
            double scale = 1;
            boolean overflow = false;
            int i = from;
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                if (overflow || value > (Long.MAX_VALUE - 9) / 10) {
                    overflow = true;
                    continue;
                }
                value = value * 10 + (s.charAt(i) - '0');
                scale *= 10;
            }
            return new Fraction(value, scale, from, i);
        }
    }

    /** Formats like Go's {@code Duration.String()}: {@code "0s"}, {@code "1.5µs"}, {@code "768h0m0s"}. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == Long.MIN_VALUE) {
            return "-2562047h47m16.854775808s";
        }
        String sign = nanos < 0 ? "-" : "";
        long u = Math.abs(nanos);
        if (u < NANOS_PER_SECOND) {
            if (u == 0) {
                return "0s";
            }
            if (u < 1_000L) {
                return sign + u + "ns";
            }
            if (u < 1_000_000L) {
                return sign + (u / 1_000L) + fraction(u % 1_000L, 3) + "\u00b5s";
            }
            return sign + (u / 1_000_000L) + fraction(u % 1_000_000L, 6) + "ms";
        }
        long seconds = u / NANOS_PER_SECOND;
        String tail = (seconds % 60) + fraction(u % NANOS_PER_SECOND, 9) + "s";
        long minutes = seconds / 60;
        if (minutes > 0) {
            tail = (minutes % 60) + "m" + tail;
            long hours = minutes / 60;
            if (hours > 0) {
                tail = hours + "h" + tail;
            }
        }
        return sign + tail;
    }

    /**
     * Reads a duration the way Vault's field framework does ({@code parseutil.ParseDurationSecond}): JSON null or
     * {@code ""} is zero; integers and integer strings are seconds; {@code "<n>d"} is days; any other string is a
     * Go duration. JSON numbers are read through their text, so {@code 1.5} fails (no unit) as in Vault.
     */
    public static Duration parseSeconds(JsonNode raw) {
        if (raw == null || raw.isNull() || raw.isMissingNode()) {
            return Duration.ZERO;
        }
        if (!raw.isTextual() && !raw.isNumber()) {
            throw new IllegalArgumentException("could not parse duration from input");
        }
        return parseSeconds(raw.asText());
    }

    /** {@link #parseSeconds(JsonNode)} of a string: {@code ""} is zero, integers are seconds, {@code "<n>d"} days. */
    public static Duration parseSeconds(String text) {
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        Long seconds = parseLong(text);
        if (seconds != null) {
            return ofSeconds(seconds, 1);
        }
        if (text.endsWith("d")) {
            String number = text.substring(0, text.length() - 1);
            Long days = parseLong(number);
            if (days == null) {
                throw new IllegalArgumentException("strconv.ParseInt: parsing " + quote(number) + ": invalid syntax");
            }
            return ofSeconds(days, 86_400);
        }
        return parse(text);
    }

    /**
     * Vault's {@code humanDuration} of whole seconds: Go's duration text without trailing zero units ({@code 768h},
     * {@code 1h1s}, {@code 1m30s}, {@code 0s}).
     */
    public static String human(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        String text = format(Duration.ofSeconds(seconds));
        if (text.endsWith("m0s")) {
            text = text.substring(0, text.length() - 2);
        }
        int at = text.indexOf("h0m");
        if (at > 0) {
            text = text.substring(0, at + 1) + text.substring(at + 3);
        }
        return text;
    }

    /** Whole seconds of {@code duration}, truncated toward zero like Go's {@code int(d.Seconds())}. */
    public static long toSeconds(Duration duration) {
        return duration.toNanos() / NANOS_PER_SECOND;
    }

    private static Duration ofSeconds(long amount, long unitSeconds) {
        try {
            long nanos = Math.multiplyExact(Math.multiplyExact(amount, unitSeconds), NANOS_PER_SECOND);
            return Duration.ofNanos(nanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("multiplication of durations overflowed", e);
        }
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fraction(long value, int precision) {
        if (value == 0) {
            return "";
        }
        StringBuilder digits = new StringBuilder(Long.toString(value));
        while (digits.length() < precision) {
            digits.insert(0, '0');
        }
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalid(String original) {
        return new IllegalArgumentException("time: invalid duration " + quote(original));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
