package io.coffer.api.raft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.seal.SealConfig;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.StorageStatus;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's half of the bootstrap exchange (vault-api.md §3.2): {@code sys/storage/raft/bootstrap/challenge} and
 * {@code .../answer}, unauthenticated. Any unsealed member answers them itself (the pending table is replicated,
 * see {@link PendingChallenges}) and membership changes go to the Raft leader through Ratis, so nothing needs
 * forwarding. A right answer starts adding the joiner as a voter in the background: Ratis completes the change only
 * once the joiner's Raft server runs, which the joiner starts after this reply.
 */
final class BootstrapEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapEndpoints.class);
    private static final int MAX_ENCODED_ANSWER = 4 * ((PendingChallenges.ANSWER_BYTES + 2) / 3);

    private final SealManager seal;
    private final StorageHost host;
    private final PendingChallenges pending;

    BootstrapEndpoints(SealManager seal, StorageHost host, PendingChallenges pending) {
        this.seal = seal;
        this.host = host;
        this.pending = pending;
    }

    void register(Routes open) {
        open.onWrite(BootstrapProtocol.CHALLENGE_PATH, this::challenge);
        open.onWrite(BootstrapProtocol.ANSWER_PATH, this::answer);
    }

    private ApiResponse challenge(Call call) {
        ObjectNode body = call.request().data();
        raft();
        String serverId = body.path("server_id").asText("");
        if (serverId.isEmpty()) {
            throw ApiException.badRequest("no server id provided");
        }
        byte[] unsealKey = seal.unsealKey();
        PendingChallenges.Pending challenge;
        try {
            challenge = pending.challenge(serverId, unsealKey);
        } finally {
            Arrays.fill(unsealKey, (byte) 0);
        }
        SealConfig config = seal.sealConfig().orElseThrow(() -> ApiException.internal("no seal configuration"));
        ObjectNode data = Json.object().put("challenge", Base64.getEncoder().encodeToString(challenge.challenge()));
        ObjectNode sealConfig = data.putObject("seal_config");
        sealConfig.put("type", config.type()).put("secret_shares", config.secretShares())
                .put("secret_threshold", config.secretThreshold()).putNull("pgp_keys");
        sealConfig.put("nonce", "").put("backup", false).put("stored_shares", 1);
        return ApiResponse.envelope(data).mountType("system").build();
    }

    private ApiResponse answer(Call call) {
        ObjectNode body = call.request().data();
        RaftStorage raft = raft();
        String serverId = body.path("server_id").asText("");
        String answerText = body.path("answer").asText("");
        String clusterAddr = body.path("cluster_addr").asText("");
        require(!serverId.isEmpty(), "no server_id provided");
        require(!answerText.isEmpty(), "no answer provided");
        require(answerText.length() <= MAX_ENCODED_ANSWER, "answer is too long");
        require(!clusterAddr.isEmpty(), "no cluster_addr provided");
        require(!bool(body.path("non_voter")), "non-voting nodes not allowed");
        byte[] answer;
        try {
            answer = Base64.getDecoder().decode(answerText);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("could not base64 decode answer");
        }
        PendingChallenges.Pending expected = pending.take(serverId)
                .orElseThrow(() -> ApiException.badRequest("no expected answer for the server id provided"));
        require(MessageDigest.isEqual(answer, expected.answer()), "invalid answer given");
        List<StorageStatus.Peer> peers = raft.status().peers();
        raft.addPeer(serverId, clusterAddr).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("adding raft peer {} at {} failed: {}", serverId, clusterAddr, error.toString());
            } else {
                LOG.info("raft peer {} at {} joined the cluster", serverId, clusterAddr);
            }
        });
        LOG.info("follower node answered the raft bootstrap challenge; follower_server_id={}", serverId);
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("peers");
        peers.stream().filter(p -> !p.id().equals(serverId)).forEach(p -> list.addObject().put("id", p.id())
                .put("address", p.address()).put("suffrage", p.voter() ? 0 : 1));
        list.addObject().put("id", serverId).put("address", clusterAddr).put("suffrage", 0);
        data.put(BootstrapProtocol.GROUP_ID, raft.groupId().toString());
        return ApiResponse.envelope(data).mountType("system").build();
    }

    private RaftStorage raft() {
        if (seal.sealed()) {
            throw ApiException.sealed();
        }
        RaftStorage raft = host.raft();
        if (raft == null) {
            throw ApiException.badRequest("raft storage is not in use");
        }
        return raft;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw ApiException.badRequest(message);
        }
    }

    private static boolean bool(JsonNode node) {
        return node.isBoolean() ? node.asBoolean()
                : List.of("1", "t", "true").contains(node.asText("").toLowerCase(Locale.ROOT));
    }
}
