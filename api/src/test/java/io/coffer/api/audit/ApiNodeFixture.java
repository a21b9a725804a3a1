package io.coffer.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.StorageHost;
import io.coffer.api.http.ErrorResponder;
import io.coffer.seal.SealConfig;
import io.coffer.storage.RaftNodeConfig;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One initialised, unsealed API node on a real single-node {@link RaftStorage} in a temporary directory, driven
 * through {@link ApiNode#handler()} with {@link ApiRequest}s as the HTTP dispatcher builds them.
 */
public final class ApiNodeFixture implements AutoCloseable {

    public static final String ROOT_TOKEN = "hvs.AuditFixtureRootToken000001";

    private final ApiNode node;
    private final Host host;
    private final byte[] unsealKey;

    private ApiNodeFixture(ApiNode node, Host host, byte[] unsealKey) {
        this.node = node;
        this.host = host;
        this.unsealKey = unsealKey;
    }

    /** What the client sees: status, JSON body (or null), text body (raw responses) and content type. */
    public record Result(int status, JsonNode json, String text, String contentType) {
    }

    /** Starts, initialises (one key share) and unseals a node with {@code options}. */
    public static ApiNodeFixture start(Path dir, ApiOptions options) {
        Host host = new Host(RaftNodeConfig.builder("node-1", dir.resolve("raft"), "127.0.0.1", freePort())
                .build());
        ApiNode node = new ApiNode(host, new NodeIdentity("node-1", "http://127.0.0.1:8200",
                "https://127.0.0.1:8201"), Clock.systemUTC(), options);
        List<byte[]> shares = node.initialize(SealConfig.shamir(1, 1), ROOT_TOKEN);
        node.seal().open(shares.get(0));
        return new ApiNodeFixture(node, host, shares.get(0));
    }

    public ApiNode node() {
        return node;
    }

    public void seal() {
        node.seal().seal();
    }

    public void unseal() {
        node.seal().open(unsealKey);
    }

    public Result call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of(), Map.of());
    }

    public Result call(String method, String path, String token, String body, Map<String, String> query,
                       Map<String, String> headers) {
        Operation op = switch (method) {
            case "GET" -> Operation.READ;
            case "LIST" -> Operation.LIST;
            case "DELETE" -> Operation.DELETE;
            default -> Operation.UPDATE;
        };
        String requestId = UUID.randomUUID().toString();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ApiRequest request = new ApiRequest(method, op, path, new HashMap<>(query), new HashMap<>(headers), bytes,
                token, "127.0.0.1", requestId);
        ApiResponse response;
        try {
            response = node.handler().handle(request);
        } catch (RuntimeException e) {
            response = ErrorResponder.toResponse(e, requestId);
        }
        String text = response.raw() == null ? null : new String(response.raw(), StandardCharsets.UTF_8);
        return new Result(response.status(), response.json(), text, response.contentType());
    }

    @Override
    public void close() {
        host.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@link StorageHost} that bootstraps a one-node Raft group on init, as the server's host does. */
    private static final class Host implements StorageHost {
        private final RaftNodeConfig config;
        private volatile RaftStorage storage;

        Host(RaftNodeConfig config) {
            this.config = config;
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
            throw new UnsupportedOperationException("the fixture runs a single node");
        }

        synchronized void close() {
            if (storage != null) {
                storage.close();
            }
        }
    }
}
