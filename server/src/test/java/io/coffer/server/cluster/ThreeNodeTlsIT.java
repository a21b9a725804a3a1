package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.testing.ClusterCertificates;
import io.coffer.server.testing.ClusterProcesses;
import io.coffer.server.testing.NodeProcess;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultInit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's three-node cluster as real processes, Raft over mutual TLS on every cluster port. Nodes 2 and 3
 * join node 1 through their {@code retry_join} stanzas while sealed and are unsealed with the same keys ("join
 * before unsealing"); writes replicate; a follower killed with SIGKILL and restarted catches up after its own
 * unseal. A node whose certificate comes from another CA gets through the API join but is refused on the cluster
 * port, and both sides log why: the cluster names the certificate and its foreign issuer, the refused node learns
 * that its CA is not trusted.
 */
class ThreeNodeTlsIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private ClusterProcesses cluster;

    @BeforeEach
    void setUp() {
        cluster = new ClusterProcesses(dir, 3);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(condition);
    }

    private static List<String> voters(VaultHttp http) {
        List<String> ids = new ArrayList<>();
        http.get("sys/storage/raft/configuration").data().path("config").path("servers").forEach(s -> {
            if (s.path("voter").asBoolean()) {
                ids.add(s.path("node_id").asText());
            }
        });
        return ids;
    }

    private static String read(VaultHttp http, String path) {
        return http.get("secret/data/" + path).data().path("data").path("value").asText();
    }

    /** Starts node 1, initialises and unseals it, mounts {@code secret/} (KV v2); returns the keys and token. */
    private VaultInit startLeader() {
        NodeProcess node1 = cluster.node(1);
        cluster.start(node1);
        VaultHttp leader = cluster.awaitReady(node1, READY);
        VaultInit init = VaultInit.init(leader);
        init.unseal(leader, 0, WAIT);
        leader.token(init.rootToken());
        await(() -> leader.post("sys/mounts/secret", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}")
                .status() == 204);
        return init;
    }

    /** Starts {@code node} with a retry_join to node 1 and unseals it once it has joined (sealed). */
    private VaultHttp join(NodeProcess node, VaultInit init) {
        node.config(node.config().withRetryJoin(cluster.node(1).config(), cluster.certificates().caFile()));
        cluster.start(node);
        VaultHttp http = cluster.awaitReady(node, READY);
        await(() -> http.get("sys/seal-status").json().path("initialized").asBoolean());
        init.unseal(http, 2, WAIT);
        return http.token(init.rootToken());
    }

    @Test
    void threeNodesFormOverMutualTlsAndAKilledFollowerCatchesUpAfterRestart() {
        VaultInit init = startLeader();
        VaultHttp leader = cluster.http(cluster.node(1)).token(init.rootToken());
        join(cluster.node(2), init);
        VaultHttp node3 = join(cluster.node(3), init);
        await(() -> voters(leader).size() == 3);
        assertThat(voters(leader)).containsExactlyInAnyOrder("vault1", "vault2", "vault3");
        assertThat(leader.put("secret/data/first", "{\"data\":{\"value\":\"one\"}}").status()).isEqualTo(200);
        await(() -> "one".equals(read(node3, "first")));

        cluster.kill9(cluster.node(3));
        assertThat(cluster.node(3).alive()).isFalse();
        assertThat(leader.put("secret/data/second", "{\"data\":{\"value\":\"two\"}}").status()).isEqualTo(200);
        cluster.restart(cluster.node(3));
        VaultHttp restarted = cluster.awaitReady(cluster.node(3), READY).token(init.rootToken());
        init.unseal(restarted, 1, WAIT);
        await(() -> "two".equals(read(restarted, "second")));
        assertThat(cluster.node(3).stderr()).contains("start #2").contains("Raft over mutual TLS");
    }

    @Test
    void peerWithAnotherCasCertificateIsRefusedAndBothSidesLogWhy() {
        VaultInit init = startLeader();
        VaultHttp leader = cluster.http(cluster.node(1)).token(init.rootToken());
        NodeProcess rogue = cluster.addNode("vault4", "127.0.0.14", ClusterCertificates.create(dir, "Rogue CA"));
        rogue.config(rogue.config().withRetryJoin(cluster.node(1).config(), cluster.certificates().caFile()));
        cluster.start(rogue);
        VaultHttp rogueHttp = cluster.awaitReady(rogue, READY);
        await(() -> rogueHttp.get("sys/seal-status").json().path("initialized").asBoolean());
        for (int i = 0; i < 3; i++) {
            rogueHttp.put("sys/unseal", "{\"key\":\"" + init.keys().get(i) + "\"}");
        }

        String refusing = cluster.node(1).awaitLogLine(WAIT, "refused cluster peer certificate CN=vault4 (from "
                + rogue.config().ip() + ":" + rogue.config().clusterPort() + ", which this node dialled)");
        assertThat(refusing).contains("certificate chain does not verify against the given CA: the certificate was "
                + "issued by \"CN=Rogue CA").contains("This node trusts the CA from the listener's tls_client_ca_file");
        assertThat(rogue.awaitLogLine(WAIT, "refused this node's certificate during the TLS handshake"))
                .contains("TLS alert: unknown_ca, the peer does not trust the CA that signed this node's certificate");
        assertThat(voters(leader)).containsExactly("vault1");
        assertThat(leader.put("secret/data/after", "{\"data\":{\"value\":\"ok\"}}").status()).isEqualTo(200);
    }
}
