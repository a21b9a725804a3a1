package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Timestamps;
import java.util.List;
import java.util.Map;

/**
 * The response shapes the KV engine produces. Keys are emitted in Go's order (alphabetical), as Vault's JSON
 * encoder writes maps.
 */
final class KvResponses {

    static final String MOUNT_TYPE = "kv";
    static final String ROOT_WARNING = "Non-listing operations on the root of a K/V v2 mount are not supported.";
    static final String INVALID_PATH_WARNING = "Invalid path for a versioned K/V secrets engine. See the API docs "
            + "for the appropriate API endpoints to use. If using the Vault CLI, use 'vault kv %s' for this operation.";

    private KvResponses() {
    }

    /** 200 envelope with {@code mount_type:"kv"}. */
    static ApiResponse ok(JsonNode data) {
        return ApiResponse.envelope(data).mountType(MOUNT_TYPE).build();
    }

    /** 200 envelope with no data and one warning (e.g. the overridden {@code cas_required}). */
    static ApiResponse warning(String warning) {
        return ApiResponse.envelope(null).mountType(MOUNT_TYPE).warnings(List.of(warning)).build();
    }

    /** {@code data.keys} listing; an empty list is Vault's plain 404. */
    static ApiResponse list(List<String> keys) {
        if (keys.isEmpty()) {
            throw ApiException.notFound();
        }
        ObjectNode data = Json.object();
        keys.forEach(data.putArray("keys")::add);
        return ok(data);
    }

    /**
     * Vault's {@code RespondWithStatusCode(resp, 404)}: a full envelope with data and {@code mount_type:""}, used for
     * deleted or destroyed versions.
     */
    static ApiException notFoundWithData(JsonNode data) {
        return ApiException.withResponse(ApiResponse.envelope(data).status(404).build());
    }

    /** 404 envelope, data null, one warning: a path a KV v2 mount does not serve. */
    static ApiException invalidPath(String warning) {
        return ApiException.withResponse(ApiResponse.envelope(null).status(404).warnings(List.of(warning)).build());
    }

    /** {@code created_time, custom_metadata, deletion_time, destroyed, version} of one version. */
    static ObjectNode versionMetadata(long version, VersionInfo info, Map<String, String> customMetadata) {
        ObjectNode node = Json.object();
        node.put("created_time", Timestamps.format(info.createdTime()));
        node.set("custom_metadata", customMetadata(customMetadata));
        node.put("deletion_time", Timestamps.format(info.deletionTime()));
        node.put("destroyed", info.destroyed());
        node.put("version", version);
        return node;
    }

    /** A string map as a JSON object, or null when there is none. */
    static JsonNode customMetadata(Map<String, String> customMetadata) {
        if (customMetadata == null) {
            return Json.MAPPER.nullNode();
        }
        ObjectNode node = Json.object();
        customMetadata.forEach(node::put);
        return node;
    }
}
