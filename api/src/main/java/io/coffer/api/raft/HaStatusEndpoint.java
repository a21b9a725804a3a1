package io.coffer.api.raft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.StorageHost;
import io.coffer.api.core.VaultVersion;
import io.coffer.api.router.Routes;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.StorageStatus;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code sys/ha-status} (vault-api.md §2.7): the active node plus the unsealed standbys, from the node registry
 * restricted to the current Raft members. Raft heartbeats stand in for Vault's request-forwarding echoes, so a
 * standby's {@code last_echo} is the time of the request.
 */
final class HaStatusEndpoint {

    private final StorageHost host;
    private final NodeRegistry registry;
    private final Clock clock;

    HaStatusEndpoint(StorageHost host, NodeRegistry registry, Clock clock) {
        this.host = host;
        this.registry = registry;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.on("sys/ha-status", c -> haStatus(), Operation.READ);
    }

    private ApiResponse haStatus() {
        RaftStorage raft = host.raft();
        StorageStatus status = raft == null ? null : raft.status();
        Set<String> members = status == null ? Set.of()
                : status.peers().stream().map(StorageStatus.Peer::id).collect(Collectors.toSet());
        String leader = status == null ? "" : status.leaderId();
        List<NodeRegistry.Node> nodes = registry.all().stream().filter(n -> members.contains(n.nodeId()))
                .sorted(Comparator.comparing((NodeRegistry.Node n) -> !n.nodeId().equals(leader))
                        .thenComparing(NodeRegistry.Node::nodeId)).toList();
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("nodes");
        String now = clock.instant().toString();
        for (NodeRegistry.Node node : nodes) {
            boolean active = node.nodeId().equals(leader);
            ObjectNode entry = list.addObject().put("hostname", node.hostname()).put("api_address", node.apiAddr())
                    .put("cluster_address", node.clusterAddr()).put("active_node", active);
            if (active) {
                entry.putNull("last_echo");
            } else {
                entry.put("last_echo", now);
            }
            entry.put("version", VaultVersion.VERSION);
        }
        return ApiResponse.envelope(data).mountType("system").injectTopLevel().build();
    }
}
