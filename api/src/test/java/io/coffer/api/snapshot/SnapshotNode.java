package io.coffer.api.snapshot;

import io.coffer.api.testing.ApiTestNode;
import io.coffer.storage.RaftStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An {@link ApiTestNode} with its own root token (each instance is an independent cluster with its own keys), plus
 * what the snapshot tests do with it: save, restore and a digest of everything stored.
 */
final class SnapshotNode extends ApiTestNode {

    private SnapshotNode(Path dir, String id) {
        super(ApiTestNode.builder().nodeId(id).requestTimeout(Duration.ofSeconds(10))
                .rootToken("hvs.SnapshotRoot" + UUID.randomUUID().toString().replace("-", "")), dir);
    }

    static SnapshotNode start(Path dir, String id) {
        return new SnapshotNode(dir, id);
    }

    /** A call with the root token; {@code body} may be null. */
    Result call(String method, String path, String body) {
        return send(method, path, rootToken(), body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /** GET sys/storage/raft/snapshot; the archive. */
    byte[] save() {
        Result r = call("GET", "sys/storage/raft/snapshot", null);
        if (r.status() != 200) {
            throw new IllegalStateException("save failed: " + r.status() + " " + r.text());
        }
        return r.body();
    }

    Result restore(byte[] archive, boolean force) {
        return send("POST", force ? "sys/storage/raft/snapshot-force" : "sys/storage/raft/snapshot", rootToken(),
                archive);
    }

    /**
     * SHA-256 per physical key of everything stored, except this node's own registry entry under
     * {@code core/nodes/}, which a node rewrites by itself after it unseals.
     */
    Map<String, String> state() {
        RaftStorage storage = raft();
        Map<String, String> state = new TreeMap<>();
        for (String key : storage.keys("")) {
            if (!key.startsWith("core/nodes/")) {
                storage.get(key).ifPresent(e -> state.put(key, sha256(e.value())));
            }
        }
        return state;
    }

    static String sha256(byte[] value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
