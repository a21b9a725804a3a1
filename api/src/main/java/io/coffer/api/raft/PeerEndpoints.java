package io.coffer.api.raft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.StorageHost;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.StorageStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sys/storage/raft/configuration}, {@code sys/storage/raft/remove-peer} and {@code sys/step-down}
 * (vault-api.md §3.4, §3.5, §2.8), authenticated. Every member holds the replicated Raft configuration and Ratis
 * sends membership and leadership changes to the leader, so a standby answers these itself with the same result
 * the active node would give.
 */
final class PeerEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(PeerEndpoints.class);
    private static final long CHANGE_TIMEOUT_SECONDS = 25;

    private final StorageHost host;
    private final NodeRegistry registry;

    PeerEndpoints(StorageHost host, NodeRegistry registry) {
        this.host = host;
        this.registry = registry;
    }

    void register(Routes routes) {
        routes.on("sys/storage/raft/configuration", c -> configuration(), Operation.READ);
        routes.onWrite("sys/storage/raft/remove-peer", this::removePeer);
        routes.onWrite("sys/step-down", c -> stepDown());
    }

    private ApiResponse configuration() {
        StorageStatus status = raft().status();
        ObjectNode config = Json.object();
        ArrayNode servers = config.putArray("servers");
        for (StorageStatus.Peer peer : status.peers()) {
            servers.addObject().put("node_id", peer.id()).put("address", peer.address())
                    .put("leader", peer.id().equals(status.leaderId())).put("protocol_version", "3")
                    .put("voter", peer.voter());
        }
        config.put("index", status.commitIndex());
        ObjectNode data = Json.object();
        data.set("config", config);
        return ApiResponse.envelope(data).mountType("system").build();
    }

    private ApiResponse removePeer(Call call) {
        String serverId = call.request().data().path("server_id").asText("");
        if (serverId.isEmpty()) {
            throw ApiException.badRequest("no server id provided");
        }
        RaftStorage raft = raft();
        boolean member = raft.status().peers().stream().anyMatch(p -> p.id().equals(serverId));
        if (member) {
            await(raft.removePeer(serverId), "failed to remove raft peer");
            LOG.info("removed raft peer {}", serverId);
        }
        registry.forget(serverId);
        return ApiResponse.noContent();
    }

    /** Hands leadership to an unsealed voter; with none (a single node) there is nothing to hand over. */
    private ApiResponse stepDown() {
        RaftStorage raft = raft();
        StorageStatus status = raft.status();
        Optional<String> target = status.peers().stream()
                .filter(p -> p.voter() && !p.id().equals(status.leaderId()) && registry.unsealed(p.id()))
                .map(StorageStatus.Peer::id).findFirst();
        if (target.isPresent()) {
            await(raft.transferLeadership(target.get()), "failed to step down");
            LOG.info("stepped down: leadership handed to {}", target.get());
        }
        return ApiResponse.noContent();
    }

    private RaftStorage raft() {
        RaftStorage raft = host.raft();
        if (raft == null) {
            throw ApiException.badRequest("raft storage is not in use");
        }
        return raft;
    }

    private static void await(CompletableFuture<Void> change, String failure) {
        try {
            change.get(CHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal(failure + ": interrupted");
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("{}: {}", failure, cause.toString());
            throw ApiException.internal(failure + ": " + cause.getMessage());
        }
    }
}
