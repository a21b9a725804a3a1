package io.coffer.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.ratis.server.protocol.TermIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.WriteBatch;

/**
 * The replicated restore steps on real RocksDB, without Raft: staging, the all-or-nothing commit, steps that do
 * not belong to the active restore, a commit interrupted by a crash, and staging carried by Ratis snapshots.
 */
class RestoreApplierTest {

    @TempDir
    Path dir;

    private KvState state;

    @AfterEach
    void closeState() {
        if (state != null) {
            state.close();
        }
    }

    private static KvState open(Path root) throws IOException {
        SnapshotStore snapshots = new SnapshotStore(root.resolve("broken"));
        snapshots.init(root.resolve("sm"));
        KvState s = new KvState(root.resolve("kv"), snapshots);
        s.load();
        return s;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static RestoreCommand chunk(long id, int seq, String... keyValues) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            keys.add(bytes(keyValues[i]));
            values.add(bytes(keyValues[i + 1]));
        }
        return RestoreCommand.chunk(id, seq, keys, values);
    }

    private List<String> keys() {
        return state.read(kv -> kv.keys(""));
    }

    private String value(String key) {
        return state.read(kv -> kv.get(key)).map(e -> new String(e.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void commitReplacesAllDataAtTheCommitRevision() throws IOException {
        state = open(dir);
        state.apply(1, 1, List.of(Txn.builder().put("old/a", bytes("1")).put("keep", bytes("old")).build()));

        assertThat(state.applyRestore(1, 2, RestoreCommand.begin(7))).isTrue();
        assertThat(state.applyRestore(1, 3, chunk(7, 0, "keep", "new", "n/1", "x"))).isTrue();
        state.apply(1, 4, List.of(Txn.builder().put("during", bytes("w")).build()));
        assertThat(state.applyRestore(1, 5, chunk(7, 1, "n/2", "y"))).isTrue();
        assertThat(keys()).as("nothing visible before the commit").containsExactly("during", "keep", "old/a");
        assertThat(state.applyRestore(1, 6, RestoreCommand.commit(7, 2, 3))).isTrue();

        assertThat(keys()).containsExactly("keep", "n/1", "n/2");
        assertThat(value("keep")).isEqualTo("new");
        assertThat(state.read(kv -> kv.get("n/2")).orElseThrow().revision()).isEqualTo(Revision.of(6, 0));
        assertThat(state.persistedIndex()).isEqualTo(6);
        TermIndex applied = state.read(RestoreApplierTest::applied);
        assertThat(applied).isEqualTo(TermIndex.valueOf(1, 6));
    }

    @Test
    void stepsOutsideTheActiveRestoreChangeNothing() throws IOException {
        state = open(dir);
        state.apply(1, 1, List.of(Txn.builder().put("a", bytes("1")).build()));
        state.applyRestore(1, 2, RestoreCommand.begin(1));
        assertThat(state.applyRestore(1, 3, chunk(2, 0, "b", "x"))).as("other id").isFalse();
        assertThat(state.applyRestore(1, 4, chunk(1, 1, "b", "x"))).as("gap in sequence").isFalse();
        assertThat(state.applyRestore(1, 5, chunk(1, 0, "b", "x"))).isTrue();
        assertThat(state.applyRestore(1, 6, RestoreCommand.commit(1, 1, 2))).as("wrong total").isFalse();
        assertThat(state.applyRestore(1, 7, RestoreCommand.commit(1, 1, 1))).as("restore ended").isFalse();
        assertThat(keys()).containsExactly("a");

        state.applyRestore(1, 8, RestoreCommand.begin(3));
        state.applyRestore(1, 9, chunk(3, 0, "c", "x"));
        state.applyRestore(1, 10, RestoreCommand.begin(4));
        assertThat(state.applyRestore(1, 11, RestoreCommand.commit(3, 1, 1))).as("superseded").isFalse();
        assertThat(state.applyRestore(1, 12, RestoreCommand.abort(4))).isTrue();
        assertThat(state.applyRestore(1, 13, RestoreCommand.commit(4, 0, 0))).isFalse();
        assertThat(keys()).containsExactly("a");
        byte[] staged = state.read(RestoreApplierTest::uncheckedStagingState);
        assertThat(staged).isNull();
        assertThat(state.applyRestore(1, 13, RestoreCommand.begin(5))).as("replayed entry").isNull();
    }

    private static TermIndex applied(KvStore kv) {
        try {
            return kv.applied();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] uncheckedStagingState(KvStore kv) {
        try {
            return kv.stagingState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void interruptedCommitIsFinishedAtStart() throws Exception {
        state = open(dir);
        state.apply(1, 1, List.of(Txn.builder().put("old", bytes("1")).build()));
        state.applyRestore(1, 2, RestoreCommand.begin(9));
        state.applyRestore(1, 3, chunk(9, 0, "new", "2"));
        // The crash: the marker is durable, the swap has not happened.
        state.read(kv -> {
            try (WriteBatch batch = new WriteBatch()) {
                kv.putPendingCommit(batch, TermIndex.valueOf(1, 4));
                kv.write(batch);
                return null;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        state.close();

        state = open(dir);

        assertThat(keys()).containsExactly("new");
        assertThat(state.persistedIndex()).isEqualTo(4);
        assertThat(state.read(kv -> kv.get("new")).orElseThrow().revision()).isEqualTo(Revision.of(4, 0));
        assertThat(state.applyRestore(1, 4, RestoreCommand.commit(9, 1, 1))).as("replay is skipped").isNull();
    }

    @Test
    void snapshotTakenMidRestoreCarriesTheStagedRecords() throws IOException {
        state = open(dir.resolve("a"));
        state.apply(1, 1, List.of(Txn.builder().put("old", bytes("1")).build()));
        state.applyRestore(1, 2, RestoreCommand.begin(5));
        state.applyRestore(1, 3, chunk(5, 0, "r/1", "one"));
        state.snapshot(TermIndex.valueOf(1, 3));
        Files.createDirectories(dir.resolve("b/sm"));
        Files.copy(dir.resolve("a/sm/snapshot.1_3"), dir.resolve("b/sm/snapshot.1_3"));

        try (KvState installed = open(dir.resolve("b"))) {
            List<String> before = installed.read(kv -> kv.keys(""));
            assertThat(before).containsExactly("old");
            installed.applyRestore(1, 4, chunk(5, 1, "r/2", "two"));
            assertThat(installed.applyRestore(1, 5, RestoreCommand.commit(5, 2, 2))).isTrue();
            List<String> after = installed.read(kv -> kv.keys(""));
            assertThat(after).containsExactly("r/1", "r/2");
        }
    }

    @Test
    void commandsRoundTripAndMalformedOnesAreRejected() {
        RestoreCommand c = chunk(42, 3, "k", "v", "k2", "");
        RestoreCommand back = RestoreCommand.decode(ByteBuffer.wrap(c.encode()));
        assertThat(back.kind()).isEqualTo(RestoreCommand.Kind.CHUNK);
        assertThat(back.seq()).isEqualTo(3);
        assertThat(back.keys()).hasSize(2);
        assertThat(RestoreCommand.decode(ByteBuffer.wrap(RestoreCommand.commit(1, 2, 3).encode())).records())
                .isEqualTo(3);
        byte[] bad = c.encode();
        assertThatThrownBy(() -> RestoreCommand.decode(
                ByteBuffer.wrap(Arrays.copyOf(bad, bad.length - 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RestoreCommand.isRestore(ByteBuffer.wrap(new byte[] {TxnCodec.VERSION}))).isFalse();
    }
}
