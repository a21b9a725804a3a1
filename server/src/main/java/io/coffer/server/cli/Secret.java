package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One response envelope (vault-api.md §1.4) as the Go client's {@code api.Secret} sees it: lease fields, {@code data},
 * {@code warnings}, {@code auth}, {@code wrap_info}. Holds the parsed JSON; accessors never return Jackson's
 * missing node, only null for absent or JSON-null parts.
 *
 * @param raw the whole envelope object
 */
public record Secret(ObjectNode raw) {

    /** The envelope in {@code body}, or null for an empty body (204) or a body that is not a JSON object. */
    static Secret parse(JsonNode body) {
        return body instanceof ObjectNode object ? new Secret(object) : null;
    }

    public String requestId() {
        return raw.path("request_id").asText("");
    }

    public String leaseId() {
        return raw.path("lease_id").asText("");
    }

    public long leaseDuration() {
        return raw.path("lease_duration").asLong(0);
    }

    public boolean renewable() {
        return raw.path("renewable").asBoolean(false);
    }

    /** {@code data} when it is an object, else null. */
    public ObjectNode data() {
        return raw.get("data") instanceof ObjectNode data ? data : null;
    }

    /** {@code data.<field>}, or null when absent or JSON null. */
    public JsonNode field(String name) {
        ObjectNode data = data();
        JsonNode value = data == null ? null : data.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        raw.path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }

    /** The {@code auth} block, or null. */
    public ObjectNode auth() {
        return raw.get("auth") instanceof ObjectNode auth ? auth : null;
    }

    /** The {@code wrap_info} block, or null. */
    public ObjectNode wrapInfo() {
        return raw.get("wrap_info") instanceof ObjectNode wrap ? wrap : null;
    }

    public String mountType() {
        return raw.path("mount_type").asText("");
    }

    /** What makes the Go client treat a 404 as a result rather than "nothing there". */
    boolean hasDataOrWarnings() {
        ObjectNode data = data();
        return data != null && !data.isEmpty() || !warnings().isEmpty();
    }

    @Override
    public String toString() {
        return "Secret[request_id=" + requestId() + "]";
    }
}
