package io.coffer.server.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.server.testing.InProcessCluster;
import io.coffer.api.raft.JoinTarget;
import io.coffer.server.testing.Ports;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join paths besides a manual join: {@code retry_join} stanzas at start-up (vault-api.md §3.3; a dead leader
 * address among them does no harm, and a node that already has raft state ignores them after a restart), and the
 * security property of §3.2 step 3: a node unsealed with another cluster's shares cannot open the challenge and
 * never becomes a member.
 */
class RetryJoinTest {

    @TempDir
    Path dir;

    private InProcessCluster cluster;
    private List<String> keys;

    @BeforeEach
    void startLeader() {
        cluster = new InProcessCluster(dir);
        VaultHttp node1 = cluster.start("node1", "127.0.0.21");
        keys = InProcessCluster.init(node1);
        InProcessCluster.unseal(node1, keys, 0, 1, 2);
        InProcessCluster.awaitUnsealed(node1);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void retryJoinStanzasJoinAtStartupAndAreIgnoredOnceTheNodeHasRaftState() {
        String dead = "http://127.0.0.24:" + Ports.free("127.0.0.24");
        JoinSettings stanzas = new JoinSettings(List.of(JoinTarget.of(dead), JoinTarget.of(cluster.apiAddr("node1"))),
                null);
        VaultHttp node2 = cluster.start("node2", "127.0.0.22", stanzas);
        await().atMost(InProcessCluster.WAIT).pollInterval(Duration.ofMillis(100)).until(() ->
                node2.get("sys/seal-status").json().path("initialized").asBoolean());
        JsonNode status = node2.get("sys/seal-status").json();
        assertThat(status.path("sealed").asBoolean()).isTrue();
        assertThat(status.path("t").asInt()).isEqualTo(3);
        InProcessCluster.unseal(node2, keys, 2, 3, 4);
        InProcessCluster.awaitUnsealed(node2);
        String root = keys.get(5);
        assertThat(cluster.http("node1").token(root).get("sys/storage/raft/configuration").data()
                .path("config").path("servers")).hasSize(2);
        assertThat(node2.token(root).post("sys/mounts/kv", "{\"type\":\"kv\"}").status()).isEqualTo(204);
        assertThat(node2.put("kv/app", "{\"user\":\"app\"}").status()).isEqualTo(204);

        cluster.stop("node2");
        VaultHttp restarted = cluster.start("node2", "127.0.0.22", stanzas).token(root);
        assertThat(restarted.get("sys/seal-status").json().path("sealed").asBoolean()).isTrue();
        InProcessCluster.unseal(restarted, keys, 0, 2, 4);
        InProcessCluster.awaitUnsealed(restarted);
        assertThat(restarted.get("kv/app").data().path("user").asText()).isEqualTo("app");
        assertThat(restarted.get("sys/storage/raft/configuration").data().path("config").path("servers"))
                .hasSize(2);
    }

    @Test
    void nodeUnsealedWithAnotherClustersKeysNeverJoins() {
        List<String> foreign = InProcessCluster.init(cluster.start("other", "127.0.0.23"));
        VaultHttp node2 = cluster.start("node2", "127.0.0.22");
        assertThat(InProcessCluster.join(node2, cluster.apiAddr("node1")).json().path("joined").asBoolean()).isTrue();

        Reply wrong = InProcessCluster.unseal(node2, foreign, 0, 1, 2);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("error decrypting challenge");
        JsonNode status = node2.get("sys/seal-status").json();
        assertThat(status.path("sealed").asBoolean()).isTrue();
        assertThat(status.path("progress").asInt()).isZero();
        String root = keys.get(5);
        assertThat(cluster.http("node1").token(root).get("sys/storage/raft/configuration").data()
                .path("config").path("servers")).hasSize(1);

        InProcessCluster.unseal(node2, keys, 1, 3, 4);
        InProcessCluster.awaitUnsealed(node2);
        assertThat(cluster.http("node1").token(root).get("sys/storage/raft/configuration").data()
                .path("config").path("servers")).hasSize(2);
    }
}
