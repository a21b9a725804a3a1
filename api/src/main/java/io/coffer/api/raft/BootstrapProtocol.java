package io.coffer.api.raft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import io.coffer.seal.SealConfig;
import io.coffer.seal.SealException;
import io.coffer.storage.StorageStatus;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The joiner's half of Vault's bootstrap exchange (vault-api.md §3.2): ask a leader for a challenge, later send it
 * the answer. Field names are shared with {@link BootstrapEndpoints}, the leader's half. Stateless.
 */
final class BootstrapProtocol {

    static final String CHALLENGE_PATH = "sys/storage/raft/bootstrap/challenge";
    static final String ANSWER_PATH = "sys/storage/raft/bootstrap/answer";
    /** Coffer's addition to the answer's {@code data}: the Raft group the joiner must start in. */
    static final String GROUP_ID = "raft_group_id";

    private final LeaderClient client;

    BootstrapProtocol(LeaderClient client) {
        this.client = client;
    }

    /** A challenge from {@code target}: the answer sealed under the cluster's unseal key, and its seal config. */
    record Challenge(JoinTarget target, byte[] blob, SealConfig sealConfig) {
    }

    /** What the leader returned for a right answer: the group to start in and its members (this node included). */
    record Membership(UUID groupId, List<StorageStatus.Peer> peers) {
    }

    Challenge challenge(JoinTarget target, String serverId) {
        ObjectNode body = Json.object().put("server_id", serverId);
        JsonNode data = call(target, CHALLENGE_PATH, body, "error during raft bootstrap init call: ").path("data");
        JsonNode config = data.path("seal_config");
        String type = config.path("type").asText("");
        if (!SealConfig.SHAMIR.equals(type)) {
            throw new JoinException("mismatching seal types between raft leader (" + type + ") and follower ("
                    + SealConfig.SHAMIR + ")");
        }
        if (!data.path("challenge").isTextual()) {
            throw new JoinException("error during raft bootstrap call, no challenge given");
        }
        try {
            byte[] blob = Base64.getDecoder().decode(data.path("challenge").asText());
            SealConfig leaderConfig = SealConfig.shamir(config.path("secret_shares").asInt(),
                    config.path("secret_threshold").asInt());
            leaderConfig.validate();
            return new Challenge(target, blob, leaderConfig);
        } catch (IllegalArgumentException | SealException e) {
            throw new JoinException("error decoding raft bootstrap challenge: " + e.getMessage());
        }
    }

    Membership answer(JoinTarget target, String serverId, byte[] answer, String clusterAddr) {
        ObjectNode body = Json.object().put("server_id", serverId)
                .put("answer", Base64.getEncoder().encodeToString(answer))
                .put("cluster_addr", clusterAddr).put("non_voter", false);
        JsonNode data = call(target, ANSWER_PATH, body, "").path("data");
        List<StorageStatus.Peer> peers = new ArrayList<>();
        for (JsonNode peer : data.path("peers")) {
            peers.add(new StorageStatus.Peer(peer.path("id").asText(), peer.path("address").asText(),
                    peer.path("suffrage").asInt(0) == 0));
        }
        try {
            return new Membership(UUID.fromString(data.path(GROUP_ID).asText()), List.copyOf(peers));
        } catch (IllegalArgumentException e) {
            throw new JoinException("the raft leader did not return a raft group id");
        }
    }

    private JsonNode call(JoinTarget target, String path, ObjectNode body, String errorPrefix) {
        try {
            return client.put(target, path, body);
        } catch (JoinException e) {
            throw new JoinException(errorPrefix + e.getMessage(), e);
        }
    }
}
