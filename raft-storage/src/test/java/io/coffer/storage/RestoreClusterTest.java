package io.coffer.storage;

import static io.coffer.storage.TestNodes.put;
import static io.coffer.storage.TestNodes.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault's snapshot restore on a three-voter group: the restore travels through the Raft log (BEGIN, CHUNKs,
 * COMMIT), so every member ends with the same data at the same revisions; an unfinished restore changes nothing
 * anywhere; a member that was down meanwhile converges, by log or by a snapshot install taken mid-restore.
 */
class RestoreClusterTest {

    @TempDir
    Path dir;

    private final List<RaftStorage> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        TestNodes.closeAll(nodes);
    }

    private List<RaftNodeConfig> configs(String ipPrefix, long snapshotThreshold) {
        List<RaftNodeConfig> configs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            configs.add(TestNodes.config(dir, "r" + i, ipPrefix + i).snapshotThreshold(snapshotThreshold)
                    .logTrailingEntries(0).logSegmentBytes(64 << 10).build());
        }
        return configs;
    }

    /** {@code n} records {@code restored/<i>} with values of {@code size} bytes, then the end. */
    static RecordSource records(int n, int size) {
        int[] next = {0};
        return () -> {
            if (next[0] == n) {
                return null;
            }
            int i = next[0]++;
            byte[] value = new byte[size];
            Arrays.fill(value, (byte) ('a' + i % 26));
            return new RecordSource.Record("restored/" + i, value);
        };
    }

    private static boolean send(RaftStorage node, RestoreCommand command) throws Exception {
        RaftClientReply reply = node.runtime().send(Message.valueOf(UnsafeByteOperations.unsafeWrap(
                command.encode()))).get(10, TimeUnit.SECONDS);
        return TxnCodec.decodeReply(reply.getMessage().getContent().asReadOnlyByteBuffer()).get(0).succeeded();
    }

    private static RestoreCommand chunk(long id, int seq, int from, int count) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            keys.add(("restored/" + i).getBytes(StandardCharsets.UTF_8));
            values.add(new byte[1024]);
        }
        return RestoreCommand.chunk(id, seq, keys, values);
    }

    /** key → value text + revision, as this node holds it. */
    private static Map<String, String> contents(RaftStorage node) {
        Map<String, String> out = new TreeMap<>();
        for (String key : node.keys("")) {
            Entry e = node.get(key).orElseThrow();
            out.put(key, Arrays.hashCode(e.value()) + "@" + e.revision());
        }
        return out;
    }

    private void awaitApplied(long index) {
        nodes.forEach(n -> await().atMost(Duration.ofSeconds(20))
                .until(() -> n.status().appliedIndex() >= index));
    }

    @Test
    void restoreIsAppliedIdenticallyOnEveryMember() throws Exception {
        ClusterTest.startCluster(configs("127.0.0.4", 10_000), nodes);
        put(nodes.get(0), "old/a", "1");
        put(nodes.get(1), "old/b", "2");
        List<List<Long>> heard = new ArrayList<>();
        for (RaftStorage n : nodes) {
            List<Long> events = new CopyOnWriteArrayList<>();
            n.addStateListener(events::add);
            heard.add(events);
        }
        RaftStorage follower = nodes.stream().filter(n -> !n.status().leader()).findFirst().orElseThrow();

        long index = follower.restore(records(3000, 700));

        awaitApplied(index);
        Map<String, String> expected = contents(nodes.get(0));
        assertThat(expected).hasSize(3000).doesNotContainKey("old/a");
        assertThat(follower.get("restored/7").orElseThrow().revision()).isEqualTo(Revision.of(index, 0));
        nodes.forEach(n -> assertThat(contents(n)).isEqualTo(expected));
        heard.forEach(events -> await().atMost(Duration.ofSeconds(5)).until(() -> events.contains(index)));
        put(follower, "after", "3");
        assertThat(text(follower.get("after"))).isEqualTo("3");
    }

    @Test
    void unfinishedOrFailedRestoreLeavesDataUnchangedEverywhere() throws Exception {
        List<RaftNodeConfig> configs = configs("127.0.0.5", 10_000);
        ClusterTest.startCluster(configs, nodes);
        RaftStorage leader = TestNodes.awaitLeader(nodes);
        put(leader, "a", "1");
        assertThat(send(leader, RestoreCommand.begin(11))).isTrue();
        assertThat(send(leader, chunk(11, 0, 0, 5))).isTrue();
        RaftStorage restarted = nodes.remove(2);
        restarted.close();
        nodes.add(RaftStorage.recover(configs.get(2)));
        awaitApplied(leader.status().appliedIndex());
        nodes.forEach(n -> assertThat(n.keys("")).containsExactly("a"));

        RecordSource failing = records(100, 10);
        int[] served = {0};
        assertThatThrownBy(() -> leader.restore(() -> {
            if (++served[0] > 50) {
                throw new IOException("upload cut off");
            }
            return failing.next();
        })).isInstanceOf(IOException.class);

        awaitApplied(leader.status().appliedIndex());
        for (RaftStorage n : nodes) {
            assertThat(n.keys("")).containsExactly("a");
            byte[] staged = n.stateMachine().state().read(RestoreClusterTest::staging);
            assertThat(staged).as("aborted staging is cleared").isNull();
        }
        long index = leader.restore(records(10, 10));
        awaitApplied(index);
        nodes.forEach(n -> assertThat(n.keys("")).hasSize(10));
    }

    private static byte[] staging(KvStore kv) {
        try {
            return kv.stagingState();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void memberDownDuringRestoreConvergesThroughASnapshotTakenMidRestore() throws Exception {
        List<RaftNodeConfig> configs = configs("127.0.0.6", 8);
        ClusterTest.startCluster(configs, nodes);
        RaftStorage leader = TestNodes.awaitLeader(nodes);
        put(leader, "old", "1");
        RaftStorage down = nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
        RaftNodeConfig downConfig = configs.stream().filter(c -> c.nodeId().equals(down.status().nodeId()))
                .findFirst().orElseThrow();
        long downApplied = down.status().appliedIndex();
        nodes.remove(down);
        down.close();

        assertThat(send(leader, RestoreCommand.begin(21))).isTrue();
        for (int seq = 0; seq < 30; seq++) {
            assertThat(send(leader, chunk(21, seq, seq * 10, 10))).isTrue();
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                leader.division().getRaftLog().getStartIndex() > downApplied + 1);
        RaftStorage back = RaftStorage.recover(downConfig);
        nodes.add(back);
        List<Long> heard = new CopyOnWriteArrayList<>();
        back.addStateListener(heard::add);
        awaitApplied(leader.status().appliedIndex());
        assertThat(back.stateMachine().snapshotsInstalled()).isGreaterThanOrEqualTo(1);
        assertThat(back.keys("")).as("staged, not yet committed").containsExactly("old");

        for (int seq = 30; seq < 40; seq++) {
            assertThat(send(leader, chunk(21, seq, seq * 10, 10))).isTrue();
        }
        assertThat(send(leader, RestoreCommand.commit(21, 40, 400))).isTrue();

        awaitApplied(leader.status().appliedIndex());
        Map<String, String> expected = contents(leader);
        assertThat(expected).hasSize(400);
        nodes.forEach(n -> assertThat(contents(n)).isEqualTo(expected));
        assertThat(heard).isNotEmpty();
    }
}
