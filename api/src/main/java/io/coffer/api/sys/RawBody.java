package io.coffer.api.sys;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a raw (non-envelope) endpoint such as {@code sys/init} or {@code sys/unseal}: field names are
 * matched case-insensitively, bad JSON is 400 {@code failed to parse JSON input: ...} (vault-api.md §1.2, §1.6).
 */
public final class RawBody {

    private final Map<String, JsonNode> fields = new HashMap<>();

    private RawBody() {
    }

    public static RawBody of(ApiRequest request) {
        RawBody raw = new RawBody();
        if (request.body().length == 0) {
            return raw;
        }
        JsonNode node;
        try {
            node = Json.parse(request.body());
        } catch (IOException e) {
            String detail = e.getMessage() == null ? "invalid JSON" : e.getMessage().split("\n")[0];
            throw ApiException.badRequest("failed to parse JSON input: " + detail);
        }
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(f -> raw.fields.put(f.getKey().toLowerCase(Locale.ROOT), f.getValue()));
        } else if (node != null && !node.isNull()) {
            throw ApiException.badRequest("failed to parse JSON input: expected a JSON object");
        }
        return raw;
    }

    public JsonNode get(String name) {
        JsonNode node = fields.get(name);
        return node == null || node.isNull() ? null : node;
    }

    public String text(String name) {
        JsonNode node = get(name);
        return node == null ? "" : node.asText();
    }

    public int integer(String name) {
        JsonNode node = get(name);
        if (node == null) {
            return 0;
        }
        if (node.isIntegralNumber() || (node.isTextual() && node.asText().matches("-?\\d+"))) {
            return node.asInt();
        }
        throw ApiException.badRequest("failed to parse JSON input: " + name + " must be an integer");
    }

    public boolean bool(String name) {
        JsonNode node = get(name);
        return node != null && (node.isBoolean() ? node.asBoolean() : "true".equalsIgnoreCase(node.asText()));
    }

    public boolean nonEmpty(String name) {
        JsonNode node = get(name);
        return node != null && (node.isArray() ? node.size() > 0 : !node.asText().isEmpty());
    }
}
