package io.coffer.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code response} object of an audit record, in clear: the envelope's {@code auth}, {@code data},
 * {@code secret}, {@code warnings} and {@code wrap_info}, plus the serving mount. A raw (non-envelope) response
 * is logged as Vault logs one: a bare JSON object as {@code data}, bytes as {@code http_*} fields.
 */
final class ResponseFields {

    private ResponseFields() {
    }

    static ObjectNode of(ApiResponse response, Optional<MountRef> mount) {
        ObjectNode out = Json.object();
        JsonNode body = response.json();
        boolean envelope = body != null && body.isObject() && body.has("request_id") && body.has("lease_id");
        if (envelope && body.hasNonNull("auth")) {
            out.set("auth", AuthFields.ofResponse(body.get("auth")));
        }
        JsonNode data = data(response, body, envelope);
        if (data != null && !data.isEmpty()) {
            out.set("data", data);
        }
        mount.ifPresent(m -> putMount(out, m));
        if (envelope) {
            String leaseId = body.path("lease_id").asText("");
            if (!leaseId.isEmpty()) {
                out.putObject("secret").put("lease_id", leaseId);
            }
            JsonNode warnings = body.get("warnings");
            if (warnings != null && warnings.isArray() && !warnings.isEmpty()) {
                out.set("warnings", warnings.deepCopy());
            }
            JsonNode wrap = body.get("wrap_info");
            if (wrap != null && wrap.isObject()) {
                out.set("wrap_info", wrap.deepCopy());
            }
        }
        return out;
    }

    /** Writes the mount fields in Vault's order (accessor, class, point, type). */
    static void putMount(ObjectNode out, MountRef mount) {
        if (mount.accessor() != null && !mount.accessor().isEmpty()) {
            out.put("mount_accessor", mount.accessor());
        }
        out.put("mount_class", mount.mountClass());
        out.put("mount_point", mount.path());
        out.put("mount_type", mount.type());
    }

    private static JsonNode data(ApiResponse response, JsonNode body, boolean envelope) {
        if (envelope) {
            JsonNode data = body.get("data");
            return data != null && data.isObject() ? data.deepCopy() : null;
        }
        if (body != null) {
            return response.status() >= 400 && body.has("errors") ? null : body.deepCopy();
        }
        if (response.raw() != null) {
            ObjectNode raw = Json.object();
            raw.put("http_content_type", response.contentType());
            raw.put("http_raw_body", new String(response.raw(), StandardCharsets.UTF_8));
            raw.put("http_status_code", response.status());
            return raw;
        }
        return null;
    }
}
