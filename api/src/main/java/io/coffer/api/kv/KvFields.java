package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.GoDuration;
import io.coffer.api.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of request fields with the leniency of Vault's field framework (vault-api.md §1.2): integers from
 * numbers or numeric strings, Go booleans, durations via {@link GoDuration#parseSeconds}, integer lists from
 * {@code [1,2]}, {@code ["1","2"]} or {@code "1,2"}. An empty optional means the field is absent; JSON null
 * reads as the type's zero value, as it does in Vault. A value that does not convert is a 400 with Vault's
 * {@code error converting input <v> for field "<name>": <reason>} text.
 */
final class KvFields {

    private KvFields() {
    }

    static Optional<Long> integer(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        if (raw == null) {
            return Optional.empty();
        }
        Long value = toLong(raw);
        if (value == null) {
            throw conversion(raw, field, "cannot parse '" + raw.asText() + "' as int");
        }
        return Optional.of(value);
    }

    static Optional<Boolean> bool(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.isNull()) {
            return Optional.of(false);
        }
        if (raw.isBoolean()) {
            return Optional.of(raw.booleanValue());
        }
        if (raw.isNumber()) {
            return Optional.of(raw.decimalValue().signum() != 0);
        }
        if (raw.isTextual()) {
            switch (raw.textValue()) {
                case "1", "t", "T", "TRUE", "true", "True" -> {
                    return Optional.of(true);
                }
                case "", "0", "f", "F", "FALSE", "false", "False" -> {
                    return Optional.of(false);
                }
                default -> {
                    // falls through to the error below
                }
            }
        }
        throw conversion(raw, field, "cannot parse '" + raw.asText() + "' as bool");
    }

    /** A duration in whole seconds; {@code signed} false rejects negatives like Vault's TypeDurationSecond. */
    static Optional<Long> durationSeconds(ObjectNode data, String field, boolean signed) {
        JsonNode raw = data.get(field);
        if (raw == null) {
            return Optional.empty();
        }
        long seconds;
        try {
            seconds = GoDuration.toSeconds(GoDuration.parseSeconds(raw));
        } catch (IllegalArgumentException e) {
            throw conversion(raw, field, e.getMessage());
        }
        if (!signed && seconds < 0) {
            throw conversion(raw, field, "cannot provide negative value '" + seconds + "'");
        }
        return Optional.of(seconds);
    }

    static Optional<Duration> duration(ObjectNode data, String field, boolean signed) {
        return durationSeconds(data, field, signed).map(Duration::ofSeconds);
    }

    /** A JSON object field; null reads as an empty object, anything else that is not an object is a 400. */
    static Optional<ObjectNode> map(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.isNull()) {
            return Optional.of(Json.object());
        }
        if (!raw.isObject()) {
            throw conversion(raw, field, "'' expected a map, got '" + typeName(raw) + "'");
        }
        return Optional.of((ObjectNode) raw);
    }

    /** Vault's TypeCommaIntSlice: absent or null is an empty list. */
    static List<Long> intList(ObjectNode data, String field) {
        JsonNode raw = data.get(field);
        List<Long> out = new ArrayList<>();
        if (raw == null || raw.isNull()) {
            return out;
        }
        List<JsonNode> items = new ArrayList<>();
        if (raw.isArray()) {
            raw.forEach(items::add);
        } else if (raw.isTextual()) {
            for (String part : raw.textValue().split(",", -1)) {
                if (!part.isBlank()) {
                    items.add(Json.MAPPER.getNodeFactory().textNode(part.trim()));
                }
            }
        } else {
            items.add(raw);
        }
        for (JsonNode item : items) {
            Long value = item.isNull() ? null : toLong(item);
            if (value == null) {
                throw conversion(raw, field, "cannot parse '" + item.asText() + "' as int");
            }
            out.add(value);
        }
        return out;
    }

    /** Integral numbers, integer strings ({@code ""} is 0) and booleans (1/0); anything else is null. */
    static Long toLong(JsonNode raw) {
        if (raw.isNull()) {
            return 0L;
        }
        if (raw.isIntegralNumber() && raw.canConvertToLong()) {
            return raw.longValue();
        }
        if (raw.isBoolean()) {
            return raw.booleanValue() ? 1L : 0L;
        }
        if (raw.isTextual()) {
            String text = raw.textValue();
            if (text.isEmpty()) {
                return 0L;
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static ApiException conversion(JsonNode raw, String field, String reason) {
        String shown = raw.isValueNode() ? raw.asText() : raw.toString();
        return ApiException.badRequest(
                "error converting input " + shown + " for field \"" + field + "\": " + reason);
    }

    private static String typeName(JsonNode raw) {
        if (raw.isTextual()) {
            return "string";
        }
        if (raw.isArray()) {
            return "[]interface {}";
        }
        if (raw.isBoolean()) {
            return "bool";
        }
        return raw.isNumber() ? "json.Number" : raw.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
