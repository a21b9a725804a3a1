package io.coffer.api.raft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.StorageHost;
import io.coffer.api.core.VaultVersion;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.StorageStatus;
import io.coffer.storage.Txn;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code sys/storage/raft/autopilot/state} and {@code .../configuration} (vault-api.md §3.7), authenticated. Any
 * member answers from its own view of the Raft group; the configuration is stored barrier-encrypted and replicated.
 * Coffer runs no autopilot clean-up: the state reports every configured server as alive and healthy, with this
 * node's term and commit index.
 */
final class AutopilotEndpoints {

    static final String CONFIG_KEY = "core/raft/autopilot/configuration";

    private final StorageHost host;
    private final LogicalStorage root;
    private final Clock clock;
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    AutopilotEndpoints(StorageHost host, LogicalStorage root, Clock clock) {
        this.host = host;
        this.root = root;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.on("sys/storage/raft/autopilot/state", c -> state(), Operation.READ);
        routes.on("sys/storage/raft/autopilot/configuration", c -> readConfig(), Operation.READ);
        routes.onWrite("sys/storage/raft/autopilot/configuration", this::writeConfig);
    }

    private ApiResponse state() {
        StorageStatus status = raft().status();
        List<StorageStatus.Peer> voters = status.peers().stream().filter(StorageStatus.Peer::voter).toList();
        ObjectNode data = Json.object();
        data.put("healthy", !status.leaderId().isEmpty());
        data.put("failure_tolerance", Math.max(0, voters.size() - (voters.size() / 2 + 1)));
        data.put("leader", status.leaderId());
        ArrayNode voterIds = data.putArray("voters");
        voters.forEach(p -> voterIds.add(p.id()));
        ObjectNode servers = data.putObject("servers");
        for (StorageStatus.Peer peer : status.peers()) {
            Instant since = firstSeen.computeIfAbsent(peer.id(), id -> clock.instant());
            String role = peer.id().equals(status.leaderId()) ? "leader" : peer.voter() ? "voter" : "non-voter";
            servers.putObject(peer.id()).put("id", peer.id()).put("name", peer.id()).put("address", peer.address())
                    .put("node_status", "alive").put("last_contact", "0s").put("last_term", status.term())
                    .put("last_index", status.commitIndex()).put("healthy", true)
                    .put("stable_since", since.toString()).put("status", role).put("version", VaultVersion.VERSION);
        }
        return ApiResponse.envelope(data).mountType("system").build();
    }

    private ApiResponse readConfig() {
        raft();
        return ApiResponse.envelope(load().render()).mountType("system").build();
    }

    private ApiResponse writeConfig(Call call) {
        raft();
        ObjectNode body = call.request().data();
        AutopilotConfig updated = load().update(body);
        if (!updated.equals(load())) {
            root.txn(Txn.builder().put(CONFIG_KEY, Json.bytes(updated)).build());
        }
        return ApiResponse.noContent();
    }

    private AutopilotConfig load() {
        return root.get(CONFIG_KEY).map(e -> {
            try {
                return Json.MAPPER.readValue(e.value(), AutopilotConfig.class);
            } catch (IOException ex) {
                throw ApiException.internal("the stored autopilot configuration is unreadable");
            }
        }).orElse(AutopilotConfig.NONE);
    }

    private RaftStorage raft() {
        RaftStorage raft = host.raft();
        if (raft == null) {
            throw ApiException.badRequest("raft storage is not in use");
        }
        return raft;
    }
}
