package io.coffer.api.raft;

import io.coffer.api.ApiNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.ApiResponse;
import io.coffer.api.core.LocalRaftHost;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.StorageHost;
import io.coffer.api.testing.ApiTestNode;
import io.coffer.storage.RaftNodeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** In-process API nodes over real single-node Raft storage (plain gRPC on loopback) for the raft endpoint tests. */
final class RaftApiHarness {

    private RaftApiHarness() {
    }

    /** A {@link LocalRaftHost} in {@code dir/nodeId} on a free port of {@code ip}; starts only when asked to. */
    static final class Host extends LocalRaftHost {
        Host(Path dir, String nodeId, String ip) {
            super(RaftNodeConfig.builder(nodeId, dir.resolve(nodeId), ip, ApiTestNode.freePort(ip)).build());
        }
    }

    static ApiNode node(StorageHost host, String nodeId, LeaderClient client) {
        NodeIdentity identity = new NodeIdentity(nodeId, "http://" + nodeId + ".test:8200",
                "https://" + nodeId + ".test:8201");
        return new ApiNode(host, identity, Clock.systemUTC(), ApiOptions.defaults(), client);
    }

    /** Serves one request in-process; errors become Vault's error responses as on the wire. */
    static ApiResponse call(ApiNode node, String method, String path, String body, String token) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return ApiTestNode.handle(node, ApiTestNode.request(method, path, token, bytes, Map.of(), Map.of()));
    }

    static String errors(ApiResponse response) {
        return response.json() == null ? "" : response.json().path("errors").toString();
    }
}
