package io.coffer.api.raft;

import static io.coffer.api.raft.RaftApiHarness.call;
import static io.coffer.api.raft.RaftApiHarness.errors;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiNode;
import io.coffer.api.ApiResponse;
import io.coffer.seal.SealConfig;
import io.coffer.seal.SealedBlob;
import io.coffer.seal.Shamir;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leader's half of Vault's bootstrap exchange (vault-api.md §3.2) on a real single-node Raft group: the
 * challenge is the answer sealed under the cluster's unseal key and is reused for repeated calls, every refusal of
 * an answer has Vault's 400 text, a wrong answer consumes the challenge, too many joiners get the raw 429, and a node
 * that already has raft state answers a join request with {@code joined:true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BootstrapEndpointsTest {

    private static final String CHALLENGE = "sys/storage/raft/bootstrap/challenge";
    private static final String ANSWER = "sys/storage/raft/bootstrap/answer";

    @TempDir
    static Path dir;

    private static RaftApiHarness.Host host;
    private static ApiNode leader;
    private static byte[] unsealKey;

    @BeforeAll
    static void initialiseAndUnseal() {
        host = new RaftApiHarness.Host(dir, "leader", "127.0.0.41");
        leader = RaftApiHarness.node(host, "leader", LeaderClient.unavailable());
        List<byte[]> shares = leader.initialize(SealConfig.shamir(3, 2), "root");
        unsealKey = Shamir.combine(shares.subList(0, 2));
        leader.seal().submitShare(shares.get(0));
        leader.seal().submitShare(shares.get(1));
        assertThat(leader.seal().sealed()).isFalse();
    }

    @AfterAll
    static void close() {
        leader.raft().close();
        host.close();
    }

    private static JsonNode challengeFor(String serverId) {
        ApiResponse reply = call(leader, "PUT", CHALLENGE, "{\"server_id\":\"" + serverId + "\"}", null);
        assertThat(reply.status()).as(errors(reply)).isEqualTo(200);
        return reply.json().path("data");
    }

    private static String answer(String body) {
        ApiResponse reply = call(leader, "PUT", ANSWER, body, null);
        assertThat(reply.status()).isEqualTo(400);
        return errors(reply);
    }

    @Test
    void challengeIsTheAnswerSealedUnderTheUnsealKeyAndIsReused() {
        JsonNode first = challengeFor("joiner-a");
        byte[] blob = Base64.getDecoder().decode(first.path("challenge").asText());
        assertThat(SealedBlob.open(unsealKey, blob)).hasSize(16);
        assertThat(challengeFor("joiner-a").path("challenge").asText()).isEqualTo(first.path("challenge").asText());
        assertThat(challengeFor("joiner-b").path("challenge").asText()).isNotEqualTo(first.path("challenge").asText());
        JsonNode config = first.path("seal_config");
        assertThat(config.path("type").asText()).isEqualTo("shamir");
        assertThat(config.path("secret_shares").asInt()).isEqualTo(3);
        assertThat(config.path("secret_threshold").asInt()).isEqualTo(2);
        assertThat(config.path("stored_shares").asInt()).isEqualTo(1);
        ApiResponse missing = call(leader, "PUT", CHALLENGE, "{}", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(errors(missing)).contains("no server id provided");
    }

    @Test
    void answersAreCheckedWithVaultsTexts() {
        assertThat(answer("{}")).contains("no server_id provided");
        assertThat(answer("{\"server_id\":\"x\"}")).contains("no answer provided");
        assertThat(answer("{\"server_id\":\"x\",\"answer\":\"" + "A".repeat(28) + "\"}"))
                .contains("answer is too long");
        assertThat(answer("{\"server_id\":\"x\",\"answer\":\"AAAA\"}")).contains("no cluster_addr provided");
        assertThat(answer("{\"server_id\":\"x\",\"answer\":\"!!!!\",\"cluster_addr\":\"h:1\"}"))
                .contains("could not base64 decode answer");
        assertThat(answer("{\"server_id\":\"nobody\",\"answer\":\"AAAA\",\"cluster_addr\":\"h:1\"}"))
                .contains("no expected answer for the server id provided");

        challengeFor("guesser");
        String wrong = Base64.getEncoder().encodeToString(new byte[16]);
        String body = "{\"server_id\":\"guesser\",\"answer\":\"" + wrong + "\",\"cluster_addr\":\"h:1\"}";
        assertThat(answer(body)).contains("invalid answer given");
        assertThat(answer(body)).contains("no expected answer for the server id provided");
    }

    /** Runs last: it fills the table of challenges in flight. */
    @Test
    @Order(Integer.MAX_VALUE)
    void tooManyChallengesInFlightGetTheRaw429() {
        for (int i = 0; i < PendingChallenges.MAX_PENDING; i++) {
            call(leader, "PUT", CHALLENGE, "{\"server_id\":\"flood-" + i + "\"}", null);
        }
        ApiResponse refused = call(leader, "PUT", CHALLENGE, "{\"server_id\":\"one-too-many\"}", null);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("data").path("error").asText()).isEqualTo("too many raft challenges in flight");
        assertThat(refused.json().has("errors")).isFalse();
        assertThat(call(leader, "PUT", CHALLENGE, "{\"server_id\":\"flood-0\"}", null).status()).isEqualTo(200);
    }

    @Test
    void aNodeWithRaftStateIsAlreadyJoined() {
        ApiResponse reply = call(leader, "POST", JoinEndpoint.PATH,
                "{\"leader_api_addr\":\"http://elsewhere:8200\",\"retry\":false}", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("joined").asBoolean()).isTrue();
    }
}
