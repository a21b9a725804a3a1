package io.coffer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * What a handler returns. Either a JSON body (an envelope or a raw object), no body (204), raw bytes
 * with a content type (Prometheus text), or a body written by a {@link BodyWriter} while it is sent (snapshots:
 * too large to hold in memory). Immutable.
 */
public record ApiResponse(int status, JsonNode json, byte[] raw, String contentType, Map<String, String> headers,
                          BodyWriter stream) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public ApiResponse(int status, JsonNode json, byte[] raw, String contentType, Map<String, String> headers) {
        this(status, json, raw, contentType, headers, null);
    }

    /**
     * Produces a streamed body. The HTTP layer calls it once, on a worker thread, after the handler returned; the
     * status and headers go out with the first bytes, so a writer that throws before writing anything still
     * turns into an error response, and one that throws later aborts the connection.
     */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A body of {@code contentType} streamed by {@code writer} (chunked transfer encoding). */
    public static ApiResponse stream(int status, String contentType, BodyWriter writer) {
        return new ApiResponse(status, null, null, contentType, Map.of(), writer);
    }

    /** 204 No Content. */
    public static ApiResponse noContent() {
        return new ApiResponse(204, null, null, null, Map.of());
    }

    /** A bare JSON object (sys/init, sys/seal-status, sys/health ...), status 200. */
    public static ApiResponse raw(JsonNode body) {
        return raw(200, body);
    }

    public static ApiResponse raw(int status, JsonNode body) {
        return new ApiResponse(status, body, null, null, Map.of());
    }

    /** Raw bytes with a content type. */
    public static ApiResponse bytes(int status, byte[] body, String contentType) {
        return new ApiResponse(status, null, body, contentType, Map.of());
    }

    /** 307 to {@code location}. */
    public static ApiResponse redirect(String location) {
        return new ApiResponse(307, null, null, null, Map.of("Location", location));
    }

    /** Starts Vault's nine-key response envelope around {@code data}. */
    public static Envelope envelope(JsonNode data) {
        return new Envelope(data);
    }

    public ApiResponse withHeader(String name, String value) {
        var copy = new java.util.HashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, json, raw, contentType, copy, stream);
    }

    /** Builder for the logical-endpoint envelope of vault-api.md §1.4. */
    public static final class Envelope {
        private final JsonNode data;
        private int status = 200;
        private String mountType = "";
        private JsonNode auth;
        private java.util.List<String> warnings;
        private long leaseDuration;
        private boolean renewable;
        private String leaseId = "";
        private boolean injectTopLevel;

        private Envelope(JsonNode data) {
            this.data = data;
        }

        public Envelope status(int value) {
            this.status = value;
            return this;
        }

        public Envelope mountType(String value) {
            this.mountType = value;
            return this;
        }

        public Envelope auth(JsonNode value) {
            this.auth = value;
            return this;
        }

        public Envelope warnings(java.util.List<String> value) {
            this.warnings = value;
            return this;
        }

        public Envelope lease(String id, long durationSeconds, boolean isRenewable) {
            this.leaseId = id;
            this.leaseDuration = durationSeconds;
            this.renewable = isRenewable;
            return this;
        }

        /** Also copies the keys of {@code data} to the top level (sys/mounts, sys/audit, ... in §1.4). */
        public Envelope injectTopLevel() {
            this.injectTopLevel = true;
            return this;
        }

        /** Builds the response; {@code request_id} is filled in by the dispatcher. */
        public ApiResponse build() {
            ObjectNode body = Json.object();
            if (injectTopLevel && data != null && data.isObject()) {
                body.setAll((ObjectNode) data.deepCopy());
            }
            body.put("request_id", "");
            body.put("lease_id", leaseId);
            body.put("renewable", renewable);
            body.put("lease_duration", leaseDuration);
            body.set("data", data == null ? Json.MAPPER.nullNode() : data);
            body.putNull("wrap_info");
            if (warnings == null) {
                body.putNull("warnings");
            } else {
                body.set("warnings", Json.MAPPER.valueToTree(warnings));
            }
            body.set("auth", auth == null ? Json.MAPPER.nullNode() : auth);
            body.put("mount_type", mountType);
            return new ApiResponse(status, body, null, null, Map.of());
        }
    }
}
