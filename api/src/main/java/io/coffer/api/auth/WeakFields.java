package io.coffer.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.GoDuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads request fields leniently, as Vault's {@code mapstructure.WeakDecode} and field framework do (vault-api.md
 * §1.2): numbers where strings are expected, {@code "true"}/{@code "1"} for booleans, numeric strings for integers,
 * a comma-separated string for a list. A value that cannot be converted is a 400. Pure.
 */
final class WeakFields {

    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False", "");

    private WeakFields() {
    }

    /** The field as text; absent or null is {@code ""}. */
    static String text(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        if (raw == null || raw.isNull()) {
            return "";
        }
        if (raw.isValueNode()) {
            return raw.asText();
        }
        throw invalid(field, "expected a string");
    }

    /** The field as a boolean, or null when absent. */
    static Boolean bool(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (raw.isBoolean()) {
            return raw.booleanValue();
        }
        if (raw.isNumber()) {
            return raw.asDouble() != 0;
        }
        String text = raw.isTextual() ? raw.textValue() : null;
        if (text != null && TRUE.contains(text)) {
            return true;
        }
        if (text != null && FALSE.contains(text)) {
            return false;
        }
        throw invalid(field, "expected a boolean");
    }

    /** The field as an integer; absent is 0. */
    static long integer(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        if (raw == null || raw.isNull()) {
            return 0;
        }
        if (raw.isIntegralNumber() && raw.canConvertToLong()) {
            return raw.longValue();
        }
        if (raw.isTextual()) {
            try {
                return raw.textValue().isEmpty() ? 0 : Long.parseLong(raw.textValue().strip());
            } catch (NumberFormatException e) {
                throw invalid(field, "expected an integer");
            }
        }
        throw invalid(field, "expected an integer");
    }

    /** The field as a list of strings: a JSON array or a comma-separated string; absent is empty. */
    static List<String> strings(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isNull()) {
            return out;
        }
        if (raw.isArray()) {
            for (JsonNode item : raw) {
                if (!item.isValueNode() || item.isNull()) {
                    throw invalid(field, "expected a list of strings");
                }
                out.add(item.asText());
            }
            return out;
        }
        if (raw.isValueNode()) {
            for (String part : raw.asText().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
        throw invalid(field, "expected a list of strings");
    }

    /** The field as a map of strings, or null when absent. */
    static Map<String, String> stringMap(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isObject()) {
            throw invalid(field, "expected a map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        raw.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw invalid(field, "expected a map of strings");
            }
            out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        });
        return out;
    }

    /** The field as a duration in whole seconds (Go duration, integer seconds or numeric string); absent is 0. */
    static long seconds(ObjectNode data, String field) {
        try {
            return GoDuration.toSeconds(GoDuration.parseSeconds(data.get(field)));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ApiException invalid(String field, String expected) {
        return ApiException.badRequest("Error decoding request: '" + field + "': " + expected);
    }
}
