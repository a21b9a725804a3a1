package io.coffer.api.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.StorageHost;
import io.coffer.api.http.ErrorResponder;
import io.coffer.seal.SealConfig;
import io.coffer.storage.RaftNodeConfig;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One initialised, unsealed {@link ApiNode} with its own single-node Raft group and its own keys, driven through
 * {@link ApiNode#handler()} as the HTTP dispatcher would (streamed bodies are materialised). Each instance is an
 * independent cluster.
 */
final class SnapshotNode implements AutoCloseable, StorageHost {

    final String rootToken = "hvs.SnapshotRoot" + UUID.randomUUID().toString().replace("-", "");
    final ApiNode node;
    final byte[] unsealKey;
    private final RaftNodeConfig config;
    private volatile RaftStorage storage;

    private SnapshotNode(Path dir, String id) {
        this.config = RaftNodeConfig.builder(id, dir.resolve(id), "127.0.0.1", freePort())
                .requestTimeout(Duration.ofSeconds(10)).build();
        this.node = new ApiNode(this, new NodeIdentity(id, "http://127.0.0.1:8200", "https://127.0.0.1:8201"),
                Clock.systemUTC(), ApiOptions.defaults());
        this.unsealKey = node.initialize(SealConfig.shamir(1, 1), rootToken).get(0);
        node.seal().open(unsealKey);
    }

    static SnapshotNode start(Path dir, String id) {
        return new SnapshotNode(dir, id);
    }

    /** What a client would see; {@code body} is the raw or streamed body, {@code json} a JSON body. */
    record Result(int status, JsonNode json, byte[] body, String contentType, Map<String, String> headers) {
        String text() {
            return json == null ? new String(body, StandardCharsets.UTF_8) : json.toString();
        }
    }

    Result call(String method, String path, String body) {
        return call(method, path, rootToken, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    Result call(String method, String path, String token, byte[] body) {
        Operation op = switch (method) {
            case "GET" -> Operation.READ;
            case "LIST" -> Operation.LIST;
            case "DELETE" -> Operation.DELETE;
            default -> Operation.UPDATE;
        };
        String fullPath = op == Operation.LIST && !path.endsWith("/") ? path + "/" : path;
        ApiRequest request = new ApiRequest(method, op, fullPath, new LinkedHashMap<>(), new LinkedHashMap<>(), body,
                token, "127.0.0.1", UUID.randomUUID().toString());
        ApiResponse response;
        try {
            response = node.handler().handle(request);
        } catch (RuntimeException e) {
            response = ErrorResponder.toResponse(e, request.requestId());
        }
        byte[] bytes = response.raw();
        if (response.stream() != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                response.stream().writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes = out.toByteArray();
        }
        JsonNode json = response.json() == null ? null : reparse(response.json());
        return new Result(response.status(), json, bytes == null ? new byte[0] : bytes, response.contentType(),
                response.headers());
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
        return call("POST", force ? "sys/storage/raft/snapshot-force" : "sys/storage/raft/snapshot", rootToken,
                archive);
    }

    /**
     * SHA-256 per physical key of everything stored, except this node's own registry entry under
     * {@code core/nodes/}, which a node rewrites by itself after it unseals.
     */
    Map<String, String> state() {
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
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public RaftStorage raft() {
        return storage;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public synchronized Storage bootstrap() {
        if (storage == null) {
            storage = RaftStorage.bootstrap(config);
        }
        return storage;
    }

    @Override
    public Storage join(UUID groupId, List<StorageStatus.Peer> peers) {
        throw new UnsupportedOperationException("single-node fixture");
    }

    @Override
    public void close() {
        node.raft().close();
        if (storage != null) {
            storage.close();
        }
    }

    private static JsonNode reparse(JsonNode body) {
        try {
            return Json.parse(Json.bytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
