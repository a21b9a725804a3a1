package io.coffer.storage;

import static io.coffer.storage.TestNodes.put;
import static io.coffer.storage.TestNodes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raft property pinned: a follower that was down while the leader snapshotted and purged its log catches up by
 * snapshot install (Ratis ships the state machine file), then by the log, and ends with identical data.
 */
class SnapshotCatchUpTest {

    @TempDir
    Path dir;

    private final List<RaftStorage> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        TestNodes.closeAll(nodes);
    }

    private RaftNodeConfig config(int i) {
        return TestNodes.config(dir, "s" + i, "127.0.0.3" + i).snapshotThreshold(40).logTrailingEntries(0)
                .logSegmentBytes(8 << 10).build();
    }

    @Test
    void followerThatMissedPurgedEntriesCatchesUpBySnapshot() {
        List<RaftNodeConfig> configs = List.of(config(1), config(2), config(3));
        ClusterTest.startCluster(configs, nodes);
        RaftStorage leader = nodes.get(0);
        put(leader, "before", "0");
        RaftStorage lagging = nodes.get(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> lagging.get("before").isPresent());
        long laggingApplied = lagging.status().appliedIndex();
        nodes.remove(lagging);
        lagging.close();

        for (int i = 0; i < 200; i++) {
            put(leader, "k/" + i, "value-" + i + "-".repeat(100));
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                leader.division().getRaftLog().getStartIndex() > laggingApplied + 1);

        RaftStorage back = RaftStorage.recover(configs.get(2));
        nodes.add(back);

        await().atMost(Duration.ofSeconds(20)).until(() -> back.get("k/199").isPresent());
        assertThat(back.stateMachine().snapshotsInstalled()).isGreaterThanOrEqualTo(1);
        assertThat(back.keys("k/")).hasSize(200);
        assertThat(text(back.get("k/7"))).isEqualTo(text(leader.get("k/7")));
        assertThat(back.get("k/7").orElseThrow().revision()).isEqualTo(leader.get("k/7").orElseThrow().revision());
        put(back, "after", "1");
        assertThat(text(back.get("after"))).isEqualTo("1");
    }
}
