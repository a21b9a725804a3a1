package io.coffer.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a clear record into what one device writes (vault-api.md §8.3 HMAC rules): tokens, accessors (unless
 * {@code hmac_accessor=false}) and every string inside {@code request.data} and {@code response.data} are hashed with
 * the device's key; with {@code log_raw} nothing is. List responses are elided first when the device asks for it.
 */
final class Redactor {

    private Redactor() {
    }

    /** A redacted copy of {@code record}; {@code record} is not changed. */
    static ObjectNode apply(ObjectNode record, DeviceOptions options, Hasher hasher) {
        ObjectNode out = record.deepCopy();
        ObjectNode request = object(out, "request");
        ObjectNode response = object(out, "response");
        if (options.elideLists() && request != null && "list".equals(request.path("operation").asText())) {
            elide(object(response, "data"));
        }
        if (options.logRaw()) {
            return out;
        }
        boolean accessors = options.hmacAccessor();
        hashAuth(object(out, "auth"), hasher, accessors);
        if (request != null) {
            hashField(request, "client_token", hasher);
            if (accessors) {
                hashField(request, "client_token_accessor", hasher);
            }
            hashTree(request, "data", hasher);
        }
        if (response != null) {
            hashAuth(object(response, "auth"), hasher, accessors);
            hashTree(response, "data", hasher);
            ObjectNode wrap = object(response, "wrap_info");
            if (wrap != null) {
                hashField(wrap, "token", hasher);
                if (accessors) {
                    hashField(wrap, "accessor", hasher);
                    hashField(wrap, "wrapped_accessor", hasher);
                }
            }
        }
        return out;
    }

    private static void hashAuth(ObjectNode auth, Hasher hasher, boolean accessors) {
        if (auth == null) {
            return;
        }
        hashField(auth, "client_token", hasher);
        if (accessors) {
            hashField(auth, "accessor", hasher);
        }
    }

    private static void hashField(ObjectNode parent, String name, Hasher hasher) {
        JsonNode value = parent.get(name);
        if (value != null && value.isTextual() && !value.asText().isEmpty()) {
            parent.put(name, hasher.hash(value.asText()));
        }
    }

    private static void hashTree(ObjectNode parent, String name, Hasher hasher) {
        JsonNode value = parent.get(name);
        if (value != null) {
            parent.set(name, hasher.hashStrings(value));
        }
    }

    /** Vault's {@code elide_list_responses}: {@code keys} becomes its length, {@code key_info} its size. */
    private static void elide(ObjectNode data) {
        if (data == null) {
            return;
        }
        JsonNode keys = data.get("keys");
        if (keys != null && keys.isArray()) {
            data.put("keys", keys.size());
        }
        JsonNode info = data.get("key_info");
        if (info != null && info.isObject()) {
            data.put("key_info", info.size());
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode child = parent.get(name);
        return child instanceof ObjectNode object ? object : null;
    }
}
