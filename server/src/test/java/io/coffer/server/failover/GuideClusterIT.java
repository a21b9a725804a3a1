package io.coffer.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.seal.Shamir;
import io.coffer.seal.ShareCodec;
import io.coffer.server.testing.GuideCluster;
import io.coffer.server.testing.Secrets;
import io.coffer.server.testing.VaultHttp.Reply;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's cluster as three real processes over mutual TLS, one cluster through every step: "Cluster
 * Initialization" exactly as written (init node 2, join nodes 1 and 3 while sealed, unseal them; list-peers shows
 * three voters and one leader; health 200 on the active node, 429 on standbys; a joiner unsealed with another
 * cluster's keys does not become a member); 1,000 secrets written through a standby are readable from every node;
 * a node restarted sealed still replicates (it even completes the quorum) and serves every write at once when
 * unsealed; a node that was down while more than {@code snapshot_threshold} entries were committed catches up
 * (snapshot install); with two of three nodes down a write fails within a bounded time with a clear error and is
 * never applied, and a read is refused rather than served stale; after a full-cluster restart, unsealing a quorum
 * brings all data back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuideClusterIT {

    /** Low, so that the catch-up test crosses several snapshots and the log behind them is purged. */
    private static final String SNAPSHOT_THRESHOLD = "64";
    private static final String TRAILING_LOGS = "8";
    private static final Duration FAIL_WITHIN = Duration.ofSeconds(10);

    private GuideCluster cluster;
    private final Map<String, String> written = new LinkedHashMap<>();

    @BeforeAll
    void createCluster(@TempDir Path dir) {
        cluster = new GuideCluster(dir, "GuideClusterIT");
        cluster.configureAll(c -> c.withRaftSetting("snapshot_threshold", SNAPSHOT_THRESHOLD)
                .withRaftSetting("trailing_logs", TRAILING_LOGS));
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    @Order(1)
    void guideFlowJoinsSealedNodesIntoThreeVotersWithOneActiveNode() {
        cluster.startAll();
        for (int n = 1; n <= 3; n++) {
            assertThat(cluster.health(n)).as("vault%d before init", n).isEqualTo(501);
        }
        cluster.initAndUnseal(GuideCluster.FIRST);
        assertThat(cluster.health(GuideCluster.FIRST)).isEqualTo(200);
        for (int n : List.of(1, 3)) {
            Reply joined = cluster.joinSealed(n, GuideCluster.FIRST);
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
            assertThat(joined.json().path("joined").asBoolean()).isTrue();
            JsonNode status = cluster.http(n).get("sys/seal-status").json();
            assertThat(status.path("sealed").asBoolean()).as("joined but not yet unsealed").isTrue();
            assertThat(status.path("initialized").asBoolean()).as("reports the leader's seal config").isTrue();
            assertThat(status.path("t").asInt()).isEqualTo(3);
            assertThat(status.path("n").asInt()).isEqualTo(5);
        }
        cluster.unseal(1);
        GuideCluster.await(() -> cluster.voters(GuideCluster.FIRST).size() == 2);
        unsealWithAnotherClustersKeysDoesNotJoin(3);
        cluster.unseal(3);

        GuideCluster.await(() -> cluster.voters(GuideCluster.FIRST).size() == 3);
        JsonNode servers = cluster.configuration(GuideCluster.FIRST).path("servers");
        List<String> leaders = new ArrayList<>();
        for (JsonNode server : servers) {
            String id = server.path("node_id").asText();
            assertThat(server.path("voter").asBoolean()).as(id).isTrue();
            assertThat(server.path("address").asText()).isEqualTo(cluster.node(GuideCluster.number(id)).config()
                    .ip() + ":" + cluster.node(GuideCluster.number(id)).config().clusterPort());
            if (server.path("leader").asBoolean()) {
                leaders.add(id);
            }
        }
        assertThat(servers).hasSize(3);
        assertThat(leaders).hasSize(1);
        int active = GuideCluster.number(leaders.get(0));
        GuideCluster.await(() -> healthIs(active, 200) && standbysAre429(active));
    }

    @Test
    @Order(2)
    void thousandSecretsWrittenThroughAStandbyAreReadableFromEveryNode() {
        int standby = standbyOf(cluster.awaitActive());
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            secrets.put(String.format("bulk/s%04d", i), "value-" + i);
        }
        Secrets.putAll(cluster.http(standby), secrets, 8);
        written.putAll(secrets);
        for (int n = 1; n <= 3; n++) {
            assertThat(Secrets.mismatches(cluster.http(n), secrets, 8)).as("read through vault%d", n).isEmpty();
        }
    }

    @Test
    @Order(3)
    void nodeRestartedSealedKeepsReplicatingAndServesEverythingOnceUnsealed() {
        int active = cluster.awaitActive();
        int sealed = standbyOf(active);
        int other = 6 - active - sealed;
        cluster.kill9(sealed);
        cluster.start(sealed);
        assertThat(cluster.health(sealed)).isEqualTo(503);
        // With the other standby down, only the sealed node can complete the quorum: writes succeed through it.
        cluster.kill9(other);
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            secrets.put("sealed/s" + i, "while-sealed-" + i);
        }
        Secrets.putAll(cluster.http(active), secrets, 4);
        written.putAll(secrets);
        assertThat(cluster.health(sealed)).as("still sealed").isEqualTo(503);

        cluster.unseal(sealed);
        assertThat(Secrets.mismatches(cluster.http(sealed), secrets, 4)).isEmpty();
        cluster.start(other);
        cluster.unseal(other);
        GuideCluster.await(() -> cluster.voters(active).size() == 3 && standbysAre429(cluster.awaitActive()));
    }

    @Test
    @Order(4)
    void nodeDownWhileMoreThanTheSnapshotThresholdWasCommittedCatchesUp() {
        int active = cluster.awaitActive();
        int down = standbyOf(active);
        cluster.kill9(down);
        // Values of 48 KiB fill more than one 8 MiB log segment, so the log behind the snapshots can be purged.
        Map<String, String> secrets = new LinkedHashMap<>();
        String filler = "x".repeat(48 * 1024);
        for (int i = 0; i < 240; i++) {
            secrets.put("catchup/s" + i, i + "-" + filler);
        }
        Secrets.putAll(cluster.http(active), secrets, 4);
        written.putAll(secrets);

        cluster.start(down);
        cluster.unseal(down);
        assertThat(Secrets.mismatches(cluster.http(down), secrets, 4)).isEmpty();
        assertThat(Secrets.mismatches(cluster.http(down), written, 8)).isEmpty();
        System.out.println("catch-up of vault" + down + ": " + CatchUpEvidence.describe(cluster.node(down)));
        assertThat(CatchUpEvidence.installedSnapshot(cluster.node(down)))
                .as("the leader purged the log the node missed, so it must have installed a snapshot; its log:%n%s",
                        cluster.node(down).tail(30)).isTrue();
    }

    @Test
    @Order(5)
    void withTwoNodesDownAWriteFailsWithinBoundedTimeAndIsNeverApplied() {
        int active = cluster.awaitActive();
        int survivor = standbyOf(active);
        int otherDown = 6 - active - survivor;
        cluster.kill9(active);
        cluster.kill9(otherDown);

        long start = System.nanoTime();
        Reply refused = Secrets.put(cluster.http(survivor), "quorum/lost", "never-acknowledged",
                Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("write with two of three nodes down: " + refused.status() + " after " + took.toMillis()
                + " ms: " + refused.body());
        assertThat(refused.status()).as(refused.body()).isBetween(500, 599);
        assertThat(took).isLessThanOrEqualTo(FAIL_WITHIN);
        assertThat(refused.json().path("errors").toString()).contains("no quorum or no leader");
        start = System.nanoTime();
        Reply read = cluster.http(survivor).send("GET", "secret/data/bulk/s0000", null, null, Duration.ofSeconds(30));
        assertThat(read.status()).as("no stale read without a quorum: %s", read.body()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(FAIL_WITHIN);

        cluster.start(active);
        cluster.start(otherDown);
        cluster.unseal(active);
        cluster.unseal(otherDown);
        int now = cluster.awaitActive();
        for (int n = 1; n <= 3; n++) {
            assertThat(Secrets.get(cluster.http(n), "quorum/lost")).as("on vault%d", n).isNull();
        }
        assertThat(Secrets.put(cluster.http(now), "quorum/back", "ok", Duration.ofSeconds(30)).status())
                .isEqualTo(200);
        written.put("quorum/back", "ok");
    }

    @Test
    @Order(6)
    void fullClusterRestartWithAQuorumUnsealedBringsAllDataBack() {
        for (int n = 1; n <= 3; n++) {
            cluster.kill9(n);
        }
        cluster.startAll();
        cluster.unseal(1);
        cluster.unseal(3);
        for (int n : List.of(1, 3)) {
            assertThat(Secrets.mismatches(cluster.http(n), written, 8)).as("read through vault%d", n).isEmpty();
        }
        cluster.unseal(2);
        assertThat(Secrets.mismatches(cluster.http(2), written, 8)).isEmpty();
        GuideCluster.await(() -> standbysAre429(cluster.awaitActive()));
    }

    /** Vault's bootstrap challenge (vault-api.md §3.2): shares of another key cannot open it, so no membership. */
    private void unsealWithAnotherClustersKeysDoesNotJoin(int node) {
        byte[] foreignKey = new byte[32];
        new SecureRandom().nextBytes(foreignKey);
        List<byte[]> foreign = Shamir.split(foreignKey, 5, 3);
        Reply last = null;
        for (int i = 0; i < 3; i++) {
            last = cluster.http(node).put("sys/unseal", "{\"key\":\"" + ShareCodec.hex(foreign.get(i)) + "\"}");
        }
        assertThat(last.status()).as(last.body()).isEqualTo(400);
        assertThat(last.body()).contains("error decrypting challenge");
        assertThat(cluster.http(node).get("sys/seal-status").json().path("sealed").asBoolean()).isTrue();
        assertThat(cluster.voters(GuideCluster.FIRST)).doesNotContain("vault" + node).hasSize(2);
    }

    private int standbyOf(int active) {
        return active == 1 ? 2 : 1;
    }

    private boolean healthIs(int node, int status) {
        return cluster.health(node) == status;
    }

    private boolean standbysAre429(int active) {
        for (int n = 1; n <= 3; n++) {
            if (n != active && cluster.health(n) != 429) {
                return false;
            }
        }
        return cluster.health(active) == 200;
    }
}
