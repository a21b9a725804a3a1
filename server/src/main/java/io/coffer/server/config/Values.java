package io.coffer.server.config;

import io.coffer.api.GoDuration;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Coerces raw parsed values (from hcl4j or JSON) into typed values with Vault's lenient rules: booleans accept
 * {@code true}, {@code "true"}, {@code "1"}, {@code 1}; durations accept Go strings and integer seconds; integers
 * accept numbers and numeric strings. Every failure names the key path given as {@code where}.
 */
final class Values {
    private static final Set<String> TRUE = Set.of("1", "t", "true");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "");

    private Values() {
    }

    static ConfigException error(String where, String message) {
        return new ConfigException(where.isEmpty() ? message : where + ": " + message);
    }

    static boolean bool(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && isIntegral(n)) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            String lower = s.trim().toLowerCase(Locale.ROOT);
            if (TRUE.contains(lower)) {
                return true;
            }
            if (FALSE.contains(lower)) {
                return false;
            }
        }
        throw error(where, "expected a boolean, got " + describe(value));
    }

    static long integer(Object value, String where) {
        if (value instanceof Number n && isIntegral(n)) {
            try {
                return toBigDecimal(n).longValueExact();
            } catch (ArithmeticException e) {
                throw error(where, "integer out of range: " + describe(value));
            }
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw error(where, "expected an integer, got " + describe(value));
            }
        }
        throw error(where, "expected an integer, got " + describe(value));
    }

    static Duration duration(Object value, String where) {
        if (value instanceof Number n) {
            BigDecimal millis = toBigDecimal(n).multiply(BigDecimal.valueOf(1000));
            return Duration.ofMillis(millis.longValue());
        }
        if (value instanceof String s) {
            try {
                return GoDuration.parseSeconds(s.trim());
            } catch (IllegalArgumentException e) {
                throw error(where, "expected a duration such as \"90s\", \"768h\" or a number of seconds, got "
                        + describe(value));
            }
        }
        throw error(where, "expected a duration such as \"90s\", \"768h\" or a number of seconds, got "
                + describe(value));
    }

    static String string(Object value, String where) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return plainNumber(n);
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        throw error(where, "expected a string, got " + describe(value));
    }

    /** A list of strings; a single string is split on commas, as Vault does for address lists. */
    static List<String> stringList(Object value, String where) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                out.add(string(item, where).trim());
            }
        } else {
            for (String part : string(value, where).split(",")) {
                out.add(part.trim());
            }
        }
        out.removeIf(String::isEmpty);
        return List.copyOf(out);
    }

    /** Describes a raw value for error messages: strings quoted, blocks and lists named. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
        if (value instanceof Number n) {
            return plainNumber(n);
        }
        if (value instanceof Map<?, ?>) {
            return "a block";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }

    private static boolean isIntegral(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return !Double.isInfinite(d) && d == Math.rint(d);
        }
        return true;
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (n instanceof Double || n instanceof Float) {
            return BigDecimal.valueOf(n.doubleValue());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static String plainNumber(Number n) {
        BigDecimal bd = toBigDecimal(n).stripTrailingZeros();
        return bd.scale() < 0 ? bd.setScale(0).toPlainString() : bd.toPlainString();
    }
}
