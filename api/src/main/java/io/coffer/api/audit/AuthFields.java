package io.coffer.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import io.coffer.api.auth.TokenEntry;
import java.time.Instant;
import java.util.List;

/**
 * The {@code auth} object of an audit record (vault-api.md §8.3), in clear. Fields are written in Vault's order and
 * left out when empty, as Go's {@code omitempty} does.
 */
final class AuthFields {

    private static final List<String> RESPONSE_AUTH_KEYS = List.of("accessor", "client_token", "entity_id",
            "identity_policies", "metadata", "num_uses", "policies", "token_policies");

    private AuthFields() {
    }

    /** The caller's auth: {@code rawToken} as sent, the rest from its stored entry ({@code entry} may be null). */
    static ObjectNode of(String rawToken, TokenEntry entry) {
        ObjectNode auth = Json.object();
        if (entry == null) {
            return auth;
        }
        putText(auth, "accessor", entry.accessor());
        putText(auth, "client_token", rawToken);
        putText(auth, "display_name", entry.displayName());
        if (entry.meta() != null && !entry.meta().isEmpty()) {
            auth.set("metadata", Json.MAPPER.valueToTree(entry.meta()));
        }
        if (entry.numUses() > 0) {
            auth.put("num_uses", entry.numUses());
        }
        ArrayNode policies = Json.MAPPER.valueToTree(entry.policies());
        auth.set("policies", policies);
        if (entry.creationTime() > 0) {
            auth.put("token_issue_time", GoTime.format(Instant.ofEpochSecond(entry.creationTime())));
        }
        auth.set("token_policies", policies.deepCopy());
        if (entry.creationTtl() > 0) {
            auth.put("token_ttl", entry.creationTtl());
        }
        putText(auth, "token_type", entry.type() == null ? "service" : entry.type());
        return auth;
    }

    /** The audit form of a response envelope's {@code auth} block (token create, login). */
    static ObjectNode ofResponse(JsonNode envelopeAuth) {
        ObjectNode auth = Json.object();
        for (String key : RESPONSE_AUTH_KEYS) {
            JsonNode value = envelopeAuth.get(key);
            if (!isEmpty(value)) {
                auth.set(key, value.deepCopy());
            }
        }
        JsonNode ttl = envelopeAuth.get("lease_duration");
        if (!isEmpty(ttl)) {
            auth.set("token_ttl", ttl.deepCopy());
        }
        JsonNode type = envelopeAuth.get("token_type");
        if (!isEmpty(type)) {
            auth.set("token_type", type.deepCopy());
        }
        return auth;
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isNumber() && value.asDouble() == 0) || (value.isContainerNode() && value.isEmpty())
                || (value.isBoolean() && !value.asBoolean());
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(key, value);
        }
    }
}
