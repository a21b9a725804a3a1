package io.coffer.server.join;

import static io.coffer.server.testing.InProcessCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.server.testing.InProcessCluster;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's "Cluster Initialization" over real HTTP, Raft and RocksDB on three loopback addresses: initialise and
 * unseal node1, join node2 and node3 while they are sealed (vault-api.md §3.1), unseal each with three of the five
 * shares (§3.2 steps 3–5), then the HA view of §2.5–2.8, §3.4–3.5 and §3.7: one active node, standbys that answer
 * 429 and name the active node, a standby's write read on every node, autopilot, step-down, the hand-off away from
 * a sealed leader, and remove-peer.
 */
class SealedJoinTest {

    private static final List<String> IDS = List.of("node1", "node2", "node3");

    @TempDir
    Path dir;

    private InProcessCluster cluster;
    private List<String> keys;

    @BeforeEach
    void startThreeNodes() {
        cluster = new InProcessCluster(dir);
        for (int i = 0; i < 3; i++) {
            cluster.start(IDS.get(i), "127.0.0.1" + (i + 1));
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void sealedNodesJoinAndUnsealIntoOneCluster() {
        formCluster();
        String root = keys.get(5);
        JsonNode servers = cluster.http("node1").token(root).get("sys/storage/raft/configuration")
                .data().path("config").path("servers");
        assertThat(servers).hasSize(3);
        List<String> leaders = new ArrayList<>();
        for (JsonNode server : servers) {
            assertThat(server.path("node_id").isTextual()).isTrue();
            assertThat(server.path("address").isTextual()).isTrue();
            assertThat(server.path("voter").isBoolean() && server.path("voter").asBoolean()).isTrue();
            assertThat(server.path("leader").isBoolean()).isTrue();
            assertThat(server.path("protocol_version").asText()).isEqualTo("3");
            if (server.path("leader").asBoolean()) {
                leaders.add(server.path("node_id").asText());
            }
        }
        assertThat(leaders).containsExactly("node1");

        String active = cluster.awaitActive(IDS);
        assertThat(active).isEqualTo("node1");
        String standby = "node2";
        VaultHttp onStandby = cluster.http(standby).token(root);
        assertThat(onStandby.post("sys/mounts/secret", "{\"type\":\"kv-v2\"}").status()).isEqualTo(204);
        Reply written = onStandby.put("secret/data/app", "{\"data\":{\"password\":\"s3cr3t\"},\"options\":{}}");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        for (String id : IDS) {
            Reply read = cluster.http(id).token(root).get("secret/data/app");
            assertThat(read.status()).as(id + ": " + read.body()).isEqualTo(200);
            assertThat(read.data().path("data").path("password").asText()).isEqualTo("s3cr3t");
        }

        for (String id : List.of("node2", "node3")) {
            VaultHttp http = cluster.http(id);
            assertThat(http.get("sys/health").status()).isEqualTo(429);
            assertThat(http.get("sys/health?standbyok=true").status()).isEqualTo(200);
            JsonNode leader = http.get("sys/leader").json();
            assertThat(leader.path("is_self").asBoolean()).isFalse();
            assertThat(leader.path("leader_address").asText()).isEqualTo(cluster.apiAddr("node1"));
            assertThat(leader.path("leader_cluster_address").asText()).startsWith("https://127.0.0.11:");
        }
        assertThat(cluster.http("node1").get("sys/health").status()).isEqualTo(200);
        assertThat(cluster.http("node1").get("sys/leader").json().path("is_self").asBoolean()).isTrue();
        JsonNode nodes = onStandby.get("sys/ha-status").json().path("nodes");
        assertThat(nodes).hasSize(3);
        assertThat(nodes.get(0).path("active_node").asBoolean()).isTrue();
        assertThat(nodes.get(0).path("api_address").asText()).isEqualTo(cluster.apiAddr("node1"));
        JsonNode autopilot = onStandby.get("sys/storage/raft/autopilot/state").data();
        assertThat(autopilot.path("healthy").asBoolean()).isTrue();
        assertThat(autopilot.path("leader").asText()).isEqualTo("node1");
        assertThat(autopilot.path("voters")).hasSize(3);
        assertThat(autopilot.path("failure_tolerance").asInt()).isEqualTo(1);
        assertThat(autopilot.path("servers").path("node1").path("status").asText()).isEqualTo("leader");
        assertThat(onStandby.post("sys/storage/raft/autopilot/configuration", "{\"cleanup_dead_servers\":true,"
                + "\"min_quorum\":3,\"dead_server_last_contact_threshold\":\"2m\"}").status()).isEqualTo(204);
        JsonNode config = cluster.http("node3").token(root).get("sys/storage/raft/autopilot/configuration").data();
        assertThat(config.path("cleanup_dead_servers").asBoolean()).isTrue();
        assertThat(config.path("dead_server_last_contact_threshold").asText()).isEqualTo("2m0s");
        Reply sealStandby = onStandby.put("sys/seal", "");
        assertThat(sealStandby.status()).isEqualTo(500);
        assertThat(sealStandby.body()).contains("vault cannot seal when in standby mode; please restart instead");
    }

    @Test
    void leadershipMovesOnStepDownAndAwayFromASealedLeader() {
        formCluster();
        String root = keys.get(5);
        assertThat(cluster.awaitActive(IDS)).isEqualTo("node1");
        Reply stepDown = cluster.http("node3").token(root).put("sys/step-down", "");
        assertThat(stepDown.status()).as(stepDown.body()).isEqualTo(204);
        String next = cluster.awaitActive(IDS);
        assertThat(next).isNotEqualTo("node1");

        assertThat(cluster.http(next).token(root).put("sys/seal", "").status()).isEqualTo(204);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> !cluster.awaitActive(IDS).equals(next));
        assertThat(cluster.http(next).get("sys/health").status()).isEqualTo(503);

        String survivor = cluster.awaitActive(IDS);
        String removed = IDS.stream().filter(id -> !id.equals(survivor) && !id.equals(next)).findFirst().orElseThrow();
        Reply remove = cluster.http(survivor).token(root).post("sys/storage/raft/remove-peer",
                "{\"server_id\":\"" + removed + "\"}");
        assertThat(remove.status()).as(remove.body()).isEqualTo(204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.http(survivor).token(root)
                .get("sys/storage/raft/configuration").data().path("config").path("servers")).hasSize(2));
        assertThat(cluster.http(survivor).token(root).post("sys/storage/raft/remove-peer", "{}").body())
                .contains("no server id provided");
    }

    /** node1 initialised and unsealed; node2 and node3 joined while sealed, then unsealed with other shares. */
    private void formCluster() {
        VaultHttp node1 = cluster.http("node1");
        keys = InProcessCluster.init(node1);
        InProcessCluster.unseal(node1, keys, 0, 1, 2);
        InProcessCluster.awaitUnsealed(node1);
        for (String id : List.of("node2", "node3")) {
            VaultHttp http = cluster.http(id);
            Reply joined = InProcessCluster.join(http, cluster.apiAddr("node1"));
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            assertThat(joined.json().path("joined").asBoolean()).isTrue();
            JsonNode status = http.get("sys/seal-status").json();
            assertThat(status.path("initialized").asBoolean()).isTrue();
            assertThat(status.path("sealed").asBoolean()).isTrue();
            assertThat(status.path("t").asInt()).isEqualTo(3);
            assertThat(status.path("n").asInt()).isEqualTo(5);
            assertThat(http.get("sys/health").status()).isEqualTo(503);
            assertThat(http.get("sys/leader").body()).contains("Vault is sealed");
        }
        for (String id : List.of("node2", "node3")) {
            VaultHttp http = cluster.http(id);
            Reply last = InProcessCluster.unseal(http, keys, 4, 3, 1);
            assertThat(last.status()).as(last.body()).isEqualTo(200);
            InProcessCluster.awaitUnsealed(http);
        }
    }
}
