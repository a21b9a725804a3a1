package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An envelope re-encoded as the Go client's {@code api.Secret} struct marshals: its fields in struct order,
 * {@code auth} and {@code wrap_info} omitted when empty, maps key-sorted.
 */
final class SecretJson {

    private static final String[] AUTH_FIELDS = {"client_token", "accessor", "policies", "token_policies",
        "identity_policies", "metadata", "orphan", "entity_id", "lease_duration", "renewable", "mfa_requirement"};
    private static final String[] WRAP_FIELDS = {"token", "accessor", "ttl", "creation_time", "creation_path",
        "wrapped_accessor"};

    private SecretJson() {
    }

    static ObjectNode of(Secret secret) {
        ObjectNode raw = secret.raw();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("request_id", secret.requestId());
        out.put("lease_id", secret.leaseId());
        out.put("lease_duration", secret.leaseDuration());
        out.put("renewable", secret.renewable());
        out.set("data", GoJson.sorted(raw.get("data")));
        JsonNode warnings = raw.get("warnings");
        out.set("warnings", warnings == null ? JsonNodeFactory.instance.nullNode() : warnings);
        if (secret.auth() != null) {
            out.set("auth", ordered(secret.auth(), AUTH_FIELDS));
        }
        if (secret.wrapInfo() != null) {
            out.set("wrap_info", ordered(secret.wrapInfo(), WRAP_FIELDS));
        }
        if (!secret.mountType().isEmpty()) {
            out.put("mount_type", secret.mountType());
        }
        return out;
    }

    private static ObjectNode ordered(ObjectNode source, String[] fields) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            out.set(field, GoJson.sorted(source.get(field)));
        }
        return out;
    }
}
