package io.coffer.api.raft;

import static io.coffer.api.raft.RaftApiHarness.call;
import static io.coffer.api.raft.RaftApiHarness.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiNode;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.core.StorageHost;
import io.coffer.seal.SealedBlob;
import io.coffer.seal.Shamir;
import io.coffer.seal.ShareCodec;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sys/storage/raft/join} on a node without raft state (vault-api.md §3.1, §3.2 steps 2–3), against a scripted
 * leader: Vault's request validation, the 500 texts of a failed join, the leader's seal configuration shown while
 * the node waits, wrong shares refused because they cannot open the challenge, and the background retry loop.
 */
class JoinEndpointTest {

    private final byte[] clusterKey = new byte[32];
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile String sealType = "shamir";
    private ApiNode node;

    /** A leader that seals its answer under {@link #clusterKey} and refuses every answer. */
    private JsonNode leader(JoinTarget target, String path, ObjectNode body) {
        if (target.leaderApiAddr().contains("unreachable") || failuresLeft.getAndDecrement() > 0) {
            throw new JoinException("Put \"" + target.leaderApiAddr() + "/v1/" + path + "\": connection refused");
        }
        if (path.endsWith("/answer")) {
            throw new JoinException("Error making API request.\n\nCode: 400. Errors:\n\n* invalid answer given");
        }
        ObjectNode reply = Json.object();
        ObjectNode data = reply.putObject("data");
        data.put("challenge", Base64.getEncoder().encodeToString(SealedBlob.seal(clusterKey, new byte[16])));
        data.putObject("seal_config").put("type", sealType).put("secret_shares", 5).put("secret_threshold", 3);
        return reply;
    }

    @BeforeEach
    void start() {
        new SecureRandom().nextBytes(clusterKey);
        StorageHost empty = new StorageHost() {
            @Override
            public Storage storage() {
                return null;
            }

            @Override
            public Storage bootstrap() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Storage join(UUID groupId, List<StorageStatus.Peer> peers) {
                throw new UnsupportedOperationException();
            }
        };
        node = RaftApiHarness.node(empty, "joiner", this::leader);
        node.raft().start();
    }

    @AfterEach
    void stop() {
        node.raft().close();
    }

    private ApiResponse join(String body) {
        return call(node, "POST", JoinEndpoint.PATH, body, null);
    }

    @Test
    void requestsAreValidatedAsVaultDoes() {
        assertThat(errors(join("{\"leader_api_addr\":\"http://l:8200\",\"non_voter\":true}")))
                .contains("non-voting nodes not allowed");
        assertThat(errors(join("{\"leader_api_addr\":\"http://l:8200\",\"auto_join_scheme\":\"ftp\"}")))
                .contains("invalid scheme \\\"ftp\\\"; must either be http or https");
        assertThat(errors(join("{not json"))).contains("failed to parse JSON input");
        ApiResponse none = join("{\"retry\":false}");
        assertThat(none.status()).isEqualTo(500);
        assertThat(errors(none)).contains("failed to join raft cluster: must provide leader address or auto-join");
        assertThat(join("{\"retry\":true}").json().path("joined").asBoolean()).isFalse();
        assertThat(errors(join("{\"leader_api_addr\":\"http://l:8200\",\"auto_join\":\"provider=aws\"}")))
                .contains("cannot provide both leader address and auto-join metadata");
    }

    @Test
    void failedChallengeRoundsAreReportedWithVaultsPrefixes() {
        ApiResponse refused = join("{\"Leader_Api_Addr\":\"http://unreachable:8200\"}");
        assertThat(refused.status()).isEqualTo(500);
        assertThat(errors(refused)).contains("failed to join raft cluster: error during raft bootstrap init call: Put");
        sealType = "awskms";
        assertThat(errors(join("{\"leader_api_addr\":\"http://l:8200\"}")))
                .contains("mismatching seal types between raft leader (awskms) and follower (shamir)");
        assertThat(node.seal().initialized()).isFalse();
    }

    @Test
    void joinedNodeShowsTheLeadersSealConfigAndRefusesSharesThatCannotOpenTheChallenge() {
        ApiResponse joined = join("{\"leader_api_addr\":\"http://l:8200\",\"retry\":false}");
        assertThat(joined.json().path("joined").asBoolean()).as(errors(joined)).isTrue();
        JsonNode status = call(node, "GET", "sys/seal-status", null, null).json();
        assertThat(status.path("initialized").asBoolean()).isTrue();
        assertThat(status.path("sealed").asBoolean()).isTrue();
        assertThat(status.path("t").asInt()).isEqualTo(3);
        assertThat(status.path("n").asInt()).isEqualTo(5);

        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        ApiResponse wrong = unseal(Shamir.split(otherKey, 5, 3));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(errors(wrong)).contains("error decrypting challenge");
        assertThat(call(node, "GET", "sys/seal-status", null, null).json().path("progress").asInt()).isZero();

        ApiResponse refusedAnswer = unseal(Shamir.split(clusterKey, 5, 3));
        assertThat(refusedAnswer.status()).isEqualTo(500);
        assertThat(errors(refusedAnswer)).contains("failed to send answer to raft leader node: ")
                .contains("invalid answer given");
        assertThat(node.seal().sealed()).isTrue();
    }

    @Test
    void retryingJoinKeepsAskingInTheBackground() {
        failuresLeft.set(1);
        ApiResponse reply = join("{\"leader_api_addr\":\"http://l:8200\",\"retry\":true}");
        assertThat(reply.json().path("joined").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> node.seal().initialized());
        assertThat(failuresLeft.get()).isLessThanOrEqualTo(0);
    }

    private ApiResponse unseal(List<byte[]> shares) {
        ApiResponse last = null;
        for (int i = 0; i < 3; i++) {
            last = call(node, "PUT", "sys/unseal", "{\"key\":\"" + ShareCodec.hex(shares.get(i)) + "\"}", null);
        }
        return last;
    }
}
