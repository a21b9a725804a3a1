package io.coffer.storage;

import static io.coffer.storage.TestNodes.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault's `operator raft` membership commands on a three-voter group: leadership moves on request (the seam for
 * "a sealed leader hands leadership to an unsealed peer") and listeners hear it; a removed peer leaves the
 * configuration while the rest keep committing.
 */
class MembershipTest {

    @TempDir
    Path dir;

    private final List<RaftStorage> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        TestNodes.closeAll(nodes);
    }

    @Test
    void leadershipTransfersOnRequestAndRemovedPeerLeavesConfiguration() {
        List<RaftNodeConfig> configs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            configs.add(TestNodes.config(dir, "m" + i, "127.0.0.6" + i).build());
        }
        ClusterTest.startCluster(configs, nodes);
        RaftStorage m1 = nodes.get(0);
        RaftStorage m3 = nodes.get(2);
        LinkedBlockingQueue<Boolean> m1Heard = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Boolean> m3Heard = new LinkedBlockingQueue<>();
        m1.addLeaderListener(m1Heard::add);
        m3.addLeaderListener(m3Heard::add);

        assertThat(m1.transferLeadership("m3")).succeedsWithin(Duration.ofSeconds(20));

        await().atMost(Duration.ofSeconds(10)).until(() -> m3.status().leader());
        await().atMost(Duration.ofSeconds(5)).until(() -> m3Heard.contains(true) && m1Heard.contains(false));
        assertThat(m1.status().leaderId()).isEqualTo("m3");

        assertThat(m1.removePeer("m2")).succeedsWithin(Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(m1.status().peers())
                .extracting(StorageStatus.Peer::id).containsExactly("m1", "m3"));
        put(m1, "after/remove", "x");
        assertThat(m1.removePeer("nobody")).failsWithin(Duration.ofSeconds(5));

        assertThat(m3.transferLeadership(null)).succeedsWithin(Duration.ofSeconds(20));
        TestNodes.awaitLeader(List.of(m1, m3));
        put(m3, "after/stepdown", "y");
    }
}
