package io.coffer.api.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Vault's request-parameter constraints ({@code required_parameters}, {@code denied_parameters},
 * {@code allowed_parameters}), applied in Vault's order: a missing required field refuses; no fields at all
 * passes; a {@code *} denied key or a denied value refuses; with allowed parameters set, each field must be
 * listed (or {@code *} listed) and its value allowed. Field names are compared lowercased.
 *
 * <p>Values match as in Vault: a string pattern matches a string value exactly or as a glob with a leading and/or
 * trailing {@code *} (a lone {@code *} matches only {@code "*"}); other values match by equality (numbers by
 * numeric value). A list value, or a comma-separated string, is allowed when each element is allowed and denied
 * when any element is denied.
 */
final class ParameterCheck {

    private ParameterCheck() {
    }

    /** Null when the request data satisfies {@code permissions}, otherwise why not (for the server log). */
    static String violation(Permissions permissions, Map<String, ?> data) {
        for (String name : permissions.required()) {
            if (data == null || !data.containsKey(name.toLowerCase(Locale.ROOT))) {
                return "required parameter \"" + name + "\" missing";
            }
        }
        if (data == null || data.isEmpty()) {
            return null;
        }
        Map<String, List<Object>> denied = permissions.denied();
        if (!denied.isEmpty()) {
            if (denied.containsKey("*")) {
                return "all parameters denied";
            }
            for (Map.Entry<String, ?> field : data.entrySet()) {
                List<Object> values = denied.get(field.getKey().toLowerCase(Locale.ROOT));
                if (values != null && inDenied(plain(field.getValue()), values)) {
                    return "parameter \"" + field.getKey() + "\" denied";
                }
            }
        }
        Map<String, List<Object>> allowed = permissions.allowed();
        boolean allowAll = allowed.containsKey("*");
        if (allowed.isEmpty() || (allowAll && allowed.size() == 1)) {
            return null;
        }
        for (Map.Entry<String, ?> field : data.entrySet()) {
            List<Object> values = allowed.get(field.getKey().toLowerCase(Locale.ROOT));
            if (values == null ? !allowAll : !inAllowed(plain(field.getValue()), values)) {
                return "parameter \"" + field.getKey() + "\" not allowed";
            }
        }
        return null;
    }

    private static boolean inAllowed(Object value, List<Object> list) {
        if (list.isEmpty() || inList(value, list)) {
            return true;
        }
        List<?> elements = elements(value);
        return elements != null && elements.stream().allMatch(element -> inList(element, list));
    }

    private static boolean inDenied(Object value, List<Object> list) {
        if (list.isEmpty() || inList(value, list)) {
            return true;
        }
        List<?> elements = elements(value);
        return elements != null && elements.stream().anyMatch(element -> inList(element, list));
    }

    /** A list value's elements, or a string's comma-separated trimmed parts ({@code ""} has none); else null. */
    private static List<?> elements(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof String text) {
            List<String> parts = new ArrayList<>();
            if (!text.isEmpty()) {
                for (String part : text.split(",", -1)) {
                    parts.add(part.strip());
                }
            }
            return parts;
        }
        return null;
    }

    private static boolean inList(Object value, List<Object> list) {
        for (Object element : list) {
            if (element == null || value == null) {
                if (element == value) {
                    return true;
                }
            } else if (element instanceof String pattern) {
                if (value instanceof String text && globMatch(pattern, text)) {
                    return true;
                }
            } else if (same(element, value)) {
                return true;
            }
        }
        return false;
    }

    /** Vault's {@code strutil.GlobbedStringsMatch}. */
    static boolean globMatch(String pattern, String value) {
        if (pattern.length() < 2) {
            return value.equals(pattern);
        }
        boolean leading = pattern.startsWith("*");
        boolean trailing = pattern.endsWith("*");
        if (leading && trailing) {
            return value.contains(pattern.substring(1, pattern.length() - 1));
        }
        if (leading) {
            return value.endsWith(pattern.substring(1));
        }
        if (trailing) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return value.equals(pattern);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            try {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            } catch (NumberFormatException e) {
                return x.equals(y);
            }
        }
        return Objects.equals(a, b);
    }

    /** Request data may arrive as Jackson nodes; constraints compare plain Java values. */
    private static Object plain(Object value) {
        return value instanceof JsonNode node ? Json.MAPPER.convertValue(node, Object.class) : value;
    }
}
