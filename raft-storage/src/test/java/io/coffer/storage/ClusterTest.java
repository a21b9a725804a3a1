package io.coffer.storage;

import static io.coffer.storage.TestNodes.bytes;
import static io.coffer.storage.TestNodes.put;
import static io.coffer.storage.TestNodes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-voter group on 127.0.0.21-23, all on the same port (each server binds its own IP). Pins Vault's
 * integrated-storage behaviour: any node accepts writes (forwarded to the leader) and reads its own writes at once;
 * losing the leader elects another; a minority acknowledges nothing.
 */
class ClusterTest {

    @TempDir
    Path dir;

    private final List<RaftStorage> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        TestNodes.closeAll(nodes);
    }

    /** Bootstraps the first node and joins the others through addPeer + join, as `vault operator raft join` does. */
    static List<RaftStorage> startCluster(List<RaftNodeConfig> configs, List<RaftStorage> track) {
        RaftStorage first = RaftStorage.bootstrap(configs.get(0));
        track.add(first);
        List<StorageStatus.Peer> peers = new ArrayList<>(List.of(TestNodes.peer(configs.get(0))));
        for (RaftNodeConfig cfg : configs.subList(1, configs.size())) {
            track.add(RaftStorage.join(cfg, first.groupId(), peers));
            first.addPeer(cfg.nodeId(), cfg.address()).orTimeout(30, TimeUnit.SECONDS).join();
            peers.add(TestNodes.peer(cfg));
        }
        return track;
    }

    private List<RaftNodeConfig> sharedPortConfigs() {
        int port = TestNodes.freePort("127.0.0.21");
        List<RaftNodeConfig> configs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            configs.add(RaftNodeConfig.builder("n" + i, dir.resolve("n" + i), "127.0.0.2" + i, port)
                    .requestTimeout(Duration.ofSeconds(5)).build());
        }
        return configs;
    }

    @Test
    void followersForwardWritesAndSurviveLeaderLossButMinorityRefusesWrites() {
        List<RaftNodeConfig> configs = sharedPortConfigs();
        startCluster(configs, nodes);
        RaftStorage n1 = nodes.get(0);
        RaftStorage n2 = nodes.get(1);
        RaftStorage n3 = nodes.get(2);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(n3.status().peers())
                .extracting(StorageStatus.Peer::id).containsExactly("n1", "n2", "n3"));
        assertThat(n1.status().peers()).allMatch(StorageStatus.Peer::voter);

        put(n1, "from/leader", "a");
        await().atMost(Duration.ofSeconds(10)).until(() -> n3.get("from/leader").isPresent());

        TxnResult followerWrite = put(n2, "from/follower", "b");
        assertThat(text(n2.get("from/follower"))).as("visible on the follower as soon as acked").isEqualTo("b");
        assertThat(n2.get("from/follower").orElseThrow().revision()).isEqualTo(followerWrite.revision());
        assertThat(n3.readBarrier()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(text(n3.get("from/follower"))).as("linearizable read after barrier").isEqualTo("b");

        RaftStorage leader = TestNodes.awaitLeader(nodes);
        nodes.remove(leader);
        leader.close();
        RaftStorage newLeader = TestNodes.awaitLeader(nodes);
        RaftStorage follower = nodes.get(0) == newLeader ? nodes.get(1) : nodes.get(0);
        assertThat(follower.status().leaderId()).isIn(newLeader.status().nodeId(), "");
        put(newLeader, "after/failover", "c");
        put(follower, "after/failover2", "d");
        assertThat(text(follower.get("after/failover2"))).isEqualTo("d");

        nodes.remove(newLeader);
        newLeader.close();
        long start = System.nanoTime();
        CompletableFuture<TxnResult> refused = follower.txn(Txn.builder().put("minority", bytes("x")).build());
        assertThat(refused).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StorageException.class)
                .withMessageContaining("not acknowledged within 5000 ms (no quorum or no leader)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
        assertThat(follower.get("minority")).isEmpty();
        assertThat(follower.readBarrier()).failsWithin(Duration.ofSeconds(10));

        RaftNodeConfig downCfg = configs.stream()
                .filter(c -> c.nodeId().equals(newLeader.status().nodeId())).findFirst().orElseThrow();
        nodes.add(RaftStorage.recover(downCfg));
        put(follower, "quorum/back", "e");
        assertThat(text(follower.get("quorum/back"))).isEqualTo("e");
    }
}
