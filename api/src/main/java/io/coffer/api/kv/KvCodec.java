package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.Timestamps;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of KV v2 metadata and mount config (JSON in the mount's storage view). Internal format, not
 * an API shape: durations are nanoseconds, times are RFC 3339 strings. An unreadable entry is a 500.
 */
final class KvCodec {

    private KvCodec() {
    }

    static byte[] encode(KeyMetadata meta) {
        ObjectNode node = Json.object();
        node.put("key", meta.key());
        node.put("current_version", meta.currentVersion());
        node.put("oldest_version", meta.oldestVersion());
        node.put("max_versions", meta.maxVersions());
        node.put("cas_required", meta.casRequired());
        node.put("delete_version_after_ns", meta.deleteVersionAfter().toNanos());
        if (meta.customMetadata() != null) {
            ObjectNode custom = node.putObject("custom_metadata");
            meta.customMetadata().forEach(custom::put);
        }
        node.put("created_time", Timestamps.format(meta.createdTime()));
        node.put("updated_time", Timestamps.format(meta.updatedTime()));
        ObjectNode versions = node.putObject("versions");
        meta.versions().forEach((number, info) -> {
            ObjectNode v = versions.putObject(Long.toString(number));
            v.put("created_time", Timestamps.format(info.createdTime()));
            v.put("deletion_time", Timestamps.format(info.deletionTime()));
            v.put("destroyed", info.destroyed());
        });
        return Json.bytes(node);
    }

    static KeyMetadata decodeMetadata(byte[] bytes) {
        JsonNode node = read(bytes, "key metadata");
        try {
            return metadata(node);
        } catch (RuntimeException e) {
            throw ApiException.internal("failed to decode key metadata from storage");
        }
    }

    private static KeyMetadata metadata(JsonNode node) {
        Map<String, String> custom = null;
        if (node.path("custom_metadata").isObject()) {
            custom = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.get("custom_metadata").properties()) {
                custom.put(e.getKey(), e.getValue().asText());
            }
        }
        TreeMap<Long, VersionInfo> versions = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : node.path("versions").properties()) {
            JsonNode v = e.getValue();
            versions.put(Long.parseLong(e.getKey()), new VersionInfo(
                    Timestamps.parse(v.path("created_time").asText()),
                    Timestamps.parse(v.path("deletion_time").asText()),
                    v.path("destroyed").asBoolean()));
        }
        return new KeyMetadata(node.path("key").asText(), node.path("current_version").asLong(),
                node.path("oldest_version").asLong(), node.path("max_versions").asLong(),
                node.path("cas_required").asBoolean(), Duration.ofNanos(node.path("delete_version_after_ns").asLong()),
                custom, Timestamps.parse(node.path("created_time").asText()),
                Timestamps.parse(node.path("updated_time").asText()), versions);
    }

    static byte[] encode(KvConfig config) {
        ObjectNode node = Json.object();
        node.put("max_versions", config.maxVersions());
        node.put("cas_required", config.casRequired());
        node.put("delete_version_after_ns", config.deleteVersionAfter().toNanos());
        return Json.bytes(node);
    }

    static KvConfig decodeConfig(byte[] bytes) {
        JsonNode node = read(bytes, "mount config");
        return new KvConfig(node.path("max_versions").asLong(), node.path("cas_required").asBoolean(),
                Duration.ofNanos(node.path("delete_version_after_ns").asLong()));
    }

    /** A stored secret value (always a JSON object). */
    static ObjectNode decodeData(byte[] bytes) {
        JsonNode node = read(bytes, "version data");
        if (!node.isObject()) {
            throw ApiException.internal("failed to decode version data from storage");
        }
        return (ObjectNode) node;
    }

    private static JsonNode read(byte[] bytes, String what) {
        try {
            JsonNode node = Json.parse(bytes);
            if (node == null) {
                throw ApiException.internal("failed to decode " + what + " from storage");
            }
            return node;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.internal("failed to decode " + what + " from storage");
        }
    }
}
