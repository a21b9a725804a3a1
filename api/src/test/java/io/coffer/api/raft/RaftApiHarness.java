package io.coffer.api.raft;

import io.coffer.api.ApiNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.StorageHost;
import io.coffer.api.http.ErrorResponder;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** In-process API nodes over real single-node Raft storage (plain gRPC on loopback) for the raft endpoint tests. */
final class RaftApiHarness {

    private RaftApiHarness() {
    }

    /** A {@link StorageHost} over a real {@link RaftStorage} that starts only when asked to. */
    static final class Host implements StorageHost, AutoCloseable {
        private final RaftNodeConfig config;
        private volatile RaftStorage storage;

        Host(Path dir, String nodeId, String ip) {
            this.config = RaftNodeConfig.builder(nodeId, dir.resolve(nodeId), ip, freePort(ip)).build();
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
        public synchronized Storage join(UUID groupId, List<StorageStatus.Peer> peers) {
            if (storage == null) {
                storage = RaftStorage.join(config, groupId, peers);
            }
            return storage;
        }

        @Override
        public synchronized void close() {
            if (storage != null) {
                storage.close();
            }
        }
    }

    static ApiNode node(StorageHost host, String nodeId, LeaderClient client) {
        NodeIdentity identity = new NodeIdentity(nodeId, "http://" + nodeId + ".test:8200",
                "https://" + nodeId + ".test:8201");
        return new ApiNode(host, identity, Clock.systemUTC(), ApiOptions.defaults(), client);
    }

    /** Serves one request in-process; errors become Vault's error responses as on the wire. */
    static ApiResponse call(ApiNode node, String method, String path, String body, String token) {
        Operation op = switch (method) {
            case "GET" -> Operation.READ;
            case "DELETE" -> Operation.DELETE;
            default -> Operation.UPDATE;
        };
        ApiRequest request = new ApiRequest(method, op, path, Map.of(), Map.of(),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8), token, "127.0.0.1",
                UUID.randomUUID().toString());
        try {
            return node.handler().handle(request);
        } catch (RuntimeException e) {
            return ErrorResponder.toResponse(e, request.requestId());
        }
    }

    static String errors(ApiResponse response) {
        return response.json() == null ? "" : response.json().path("errors").toString();
    }

    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
