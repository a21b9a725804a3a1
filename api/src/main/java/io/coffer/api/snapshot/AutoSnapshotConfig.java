package io.coffer.api.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.GoDuration;
import io.coffer.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One named automated-snapshot configuration ({@code sys/storage/raft/snapshot-auto/config/<name>}, Vault
 * Enterprise's API). Only {@code storage_type=local} is supported: snapshots are written to
 * {@code <path_prefix>/<file_prefix>-<timestamp>.snap} on the active node. Immutable; pure code.
 *
 * @param intervalSeconds time between snapshots
 * @param retain          how many snapshot files to keep (oldest deleted first)
 * @param pathPrefix      directory of the files
 * @param filePrefix      file name prefix ({@code vault-snapshot})
 * @param storageType     {@code local}
 * @param localMaxSpace   bytes all files of this configuration may use; 0 means no limit
 */
record AutoSnapshotConfig(long intervalSeconds, int retain, String pathPrefix, String filePrefix,
                          String storageType, long localMaxSpace) {

    static final String DEFAULT_FILE_PREFIX = "vault-snapshot";

    /**
     * Reads a write request's fields over {@code existing} (null for a new configuration): fields left out keep
     * their value. 400 with a clear message on anything invalid.
     */
    static AutoSnapshotConfig update(AutoSnapshotConfig existing, ObjectNode data) {
        long interval = data.has("interval") ? seconds(data.get("interval"))
                : existing == null ? 0 : existing.intervalSeconds();
        int retain = data.has("retain") ? (int) integer(data.get("retain"), "retain")
                : existing == null ? 1 : existing.retain();
        String path = data.has("path_prefix") ? data.get("path_prefix").asText()
                : existing == null ? "" : existing.pathPrefix();
        String file = data.has("file_prefix") ? data.get("file_prefix").asText()
                : existing == null ? DEFAULT_FILE_PREFIX : existing.filePrefix();
        String type = data.has("storage_type") ? data.get("storage_type").asText()
                : existing == null ? "" : existing.storageType();
        long maxSpace = data.has("local_max_space") ? integer(data.get("local_max_space"), "local_max_space")
                : existing == null ? 0 : existing.localMaxSpace();
        if (interval <= 0) {
            throw ApiException.badRequest("interval must be set to a positive duration");
        }
        if (retain < 1) {
            throw ApiException.badRequest("retain must be at least 1");
        }
        if (type.isEmpty()) {
            throw ApiException.badRequest("storage_type must be set");
        }
        if (!type.equals("local")) {
            throw ApiException.badRequest("unsupported storage_type \"" + type + "\": this server only writes "
                    + "snapshots to \"local\" storage");
        }
        if (path.isBlank()) {
            throw ApiException.badRequest("path_prefix must be set");
        }
        if (file.isEmpty() || file.contains("/") || file.contains("\\")) {
            throw ApiException.badRequest("file_prefix must be a non-empty file name prefix without '/'");
        }
        if (maxSpace < 0) {
            throw ApiException.badRequest("local_max_space must not be negative");
        }
        return new AutoSnapshotConfig(interval, retain, path, file, type, maxSpace);
    }

    /** The read response's {@code data}. */
    ObjectNode toData() {
        ObjectNode data = Json.object();
        data.put("interval", intervalSeconds);
        data.put("retain", retain);
        data.put("path_prefix", pathPrefix);
        data.put("file_prefix", filePrefix);
        data.put("storage_type", storageType);
        data.put("local_max_space", localMaxSpace);
        return data;
    }

    byte[] encode() {
        return Json.bytes(toData());
    }

    static AutoSnapshotConfig decode(byte[] stored) {
        try {
            JsonNode n = Json.parse(stored);
            return new AutoSnapshotConfig(n.path("interval").asLong(), n.path("retain").asInt(),
                    n.path("path_prefix").asText(), n.path("file_prefix").asText(), n.path("storage_type").asText(),
                    n.path("local_max_space").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long seconds(JsonNode node) {
        try {
            return GoDuration.toSeconds(GoDuration.parseSeconds(node));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid interval: " + e.getMessage());
        }
    }

    private static long integer(JsonNode node, String field) {
        if (node.isIntegralNumber() || (node.isTextual() && node.asText().matches("-?\\d+"))) {
            return node.asLong();
        }
        throw ApiException.badRequest(field + " must be an integer");
    }
}
