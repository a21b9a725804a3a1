package io.coffer.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state machine's data path on real RocksDB, without Raft: apply, replay, snapshot, restore. */
class KvStateTest {

    @TempDir
    Path dir;

    private KvState state;

    @AfterEach
    void closeState() {
        if (state != null) {
            state.close();
        }
    }

    private KvState open(Path root) throws IOException {
        SnapshotStore snapshots = new SnapshotStore(root.resolve("broken"));
        snapshots.init(root.resolve("sm"));
        KvState s = new KvState(root.resolve("kv"), snapshots);
        s.load();
        return s;
    }

    private List<String> keys(String prefix) {
        return state.read(kv -> kv.keys(prefix));
    }

    private List<String> list(String prefix) {
        return state.read(kv -> kv.list(prefix));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void conditionsDecideEachTransactionInEntryOrder() throws IOException {
        state = open(dir);
        assertThat(state.apply(1, 1, List.of(Txn.builder().require(Condition.absent("a")).put("a", bytes("1"))
                .build()))).containsExactly(true);
        long rev = state.read(kv -> kv.get("a")).orElseThrow().revision();
        assertThat(rev).isEqualTo(Revision.of(1, 0));

        boolean[] results = state.apply(1, 2, List.of(
                Txn.builder().require(Condition.absent("a")).put("a", bytes("absent")).build(),
                Txn.builder().require(new Condition("a", rev)).put("a", bytes("2")).build(),
                Txn.builder().require(new Condition("a", rev)).put("a", bytes("stale")).build(),
                Txn.builder().require(new Condition("a", Revision.of(2, 1))).put("b", bytes("3")).build()));

        assertThat(results).containsExactly(false, true, false, true);
        Entry a = state.read(kv -> kv.get("a")).orElseThrow();
        assertThat(a.value()).isEqualTo(bytes("2"));
        assertThat(a.revision()).isEqualTo(Revision.of(2, 1));
        assertThat(state.read(kv -> kv.get("b")).orElseThrow().revision()).isEqualTo(Revision.of(2, 3));
    }

    @Test
    void deletePrefixRemovesStoredAndSameEntryKeysOnly() throws IOException {
        state = open(dir);
        state.apply(1, 1, List.of(Txn.builder().put("m/a", bytes("x")).put("m/b/c", bytes("x"))
                .put("mx", bytes("x")).build()));

        state.apply(1, 2, List.of(Txn.builder().put("m/new", bytes("x")).build(),
                Txn.builder().deletePrefix("m/").build(), Txn.builder().put("m/after", bytes("y")).build()));

        assertThat(keys("")).containsExactly("m/after", "mx");
    }

    @Test
    void listReturnsSortedImmediateChildrenWithFolders() throws IOException {
        state = open(dir);
        Txn.Builder txn = Txn.builder();
        for (String k : List.of("sys/a", "sys/b/c", "sys/b/d/e", "sys/b", "sys/c", "sysx", "sys/b!")) {
            txn.put(k, bytes("v"));
        }
        state.apply(1, 1, List.of(txn.build()));

        assertThat(list("sys/")).containsExactly("a", "b", "b!", "b/", "c");
        assertThat(list("")).containsExactly("sys/", "sysx");
        assertThat(list("sys/b/")).containsExactly("c", "d/");
        assertThat(list("nothing/")).isEmpty();
    }

    @Test
    void applyIsIdempotentOnReplay() throws IOException {
        state = open(dir);
        Txn first = Txn.builder().put("k", bytes("one")).build();
        Txn second = Txn.builder().put("k", bytes("two")).build();
        state.apply(1, 5, List.of(first));
        state.apply(1, 6, List.of(second));

        assertThat(state.apply(1, 5, List.of(first))).isNull();
        state.close();
        state = open(dir);

        assertThat(state.persistedIndex()).isEqualTo(6);
        assertThat(state.apply(1, 6, List.of(second))).isNull();
        Entry k = state.read(kv -> kv.get("k")).orElseThrow();
        assertThat(k.value()).isEqualTo(bytes("two"));
        assertThat(k.revision()).isEqualTo(Revision.of(6, 0));
    }

    @Test
    void snapshotRestoresIntoAnEmptyNode() throws IOException {
        state = open(dir.resolve("a"));
        state.apply(2, 10, List.of(Txn.builder().put("x/1", bytes("a")).put("x/2", bytes("b")).build()));
        assertThat(state.snapshot(TermIndex.valueOf(2, 11))).isEqualTo(11);
        Path file = dir.resolve("a/sm/snapshot.2_11");
        Files.createDirectories(dir.resolve("b/sm"));
        Files.copy(file, dir.resolve("b/sm/snapshot.2_11"));

        try (KvState restored = open(dir.resolve("b"))) {
            assertThat(restored.persistedIndex()).isEqualTo(11);
            assertThat(restored.read(kv -> kv.get("x/2")).orElseThrow().value()).isEqualTo(bytes("b"));
            assertThat(restored.apply(2, 11, List.of(Txn.builder().put("y", bytes("c")).build()))).isNull();
        }
    }

    @Test
    void corruptSnapshotIsKeptAsideAndNeverLoaded() throws IOException {
        state = open(dir.resolve("a"));
        state.apply(1, 3, List.of(Txn.builder().put("k", bytes("secret-ciphertext")).build()));
        state.snapshot(TermIndex.valueOf(1, 3));
        Path copy = dir.resolve("b/sm/snapshot.1_3");
        Files.createDirectories(copy.getParent());
        Files.copy(dir.resolve("a/sm/snapshot.1_3"), copy);
        try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
            raf.seek(30);
            raf.write(raf.read() ^ 0xFF);
        }

        assertThatThrownBy(() -> open(dir.resolve("b"))).isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt");

        assertThat(copy).doesNotExist();
        try (Stream<Path> broken = Files.list(dir.resolve("b/broken"))) {
            assertThat(broken.map(p -> p.getFileName().toString()))
                    .singleElement().asString().startsWith("snapshot.1_3").endsWith(".broken");
        }
    }

    @Test
    void corruptLatestSnapshotIsRegeneratedFromRocksDb() throws IOException {
        state = open(dir);
        state.apply(1, 3, List.of(Txn.builder().put("k", bytes("v")).build()));
        state.snapshot(TermIndex.valueOf(1, 3));
        state.close();
        Files.writeString(dir.resolve("sm/snapshot.1_3"), "garbage");

        state = open(dir);

        assertThat(SnapshotFile.verify(dir.resolve("sm/snapshot.1_3"))).isEqualTo(TermIndex.valueOf(1, 3));
        try (Stream<Path> broken = Files.list(dir.resolve("broken"))) {
            assertThat(broken).hasSize(1);
        }
    }
}
