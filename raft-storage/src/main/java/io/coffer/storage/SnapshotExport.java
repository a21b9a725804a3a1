package io.coffer.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;

/**
 * A consistent, read-only copy of this node's data at one applied log index, for {@code GET
 * sys/storage/raft/snapshot} and scheduled snapshots: a RocksDB checkpoint (hard links) opened on its own, so it
 * can be read for as long as needed, any number of times, while writes continue and without holding any lock of
 * the live store. {@link #close} deletes it. Not thread-safe: one reader at a time.
 */
public final class SnapshotExport implements AutoCloseable {

    private final Path dir;
    private final KvStore store;
    private final TermIndex applied;
    private final List<StorageStatus.Peer> peers;
    private final long configurationIndex;

    private SnapshotExport(Path dir, KvStore store, TermIndex applied, List<StorageStatus.Peer> peers,
                           long configurationIndex) {
        this.dir = dir;
        this.store = store;
        this.applied = applied;
        this.peers = List.copyOf(peers);
        this.configurationIndex = configurationIndex;
    }

    /** Receives the entries of an export. */
    @FunctionalInterface
    public interface RecordVisitor {
        void accept(String key, byte[] value) throws IOException;
    }

    /** Checkpoints {@code state} into {@code dir} (which must not exist yet) and opens it. */
    static SnapshotExport create(KvState state, Path dir, List<StorageStatus.Peer> peers, long configurationIndex)
            throws IOException {
        Files.createDirectories(dir.getParent());
        try {
            state.checkpoint(dir);
            KvStore store = KvStore.openReadOnly(dir);
            TermIndex applied = store.applied();
            return new SnapshotExport(dir, store, applied == null ? TermIndex.valueOf(0, 0) : applied, peers,
                    configurationIndex);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** The Raft term of the last entry this copy reflects. */
    public long term() {
        return applied.getTerm();
    }

    /** The log index of the last entry this copy reflects. */
    public long index() {
        return applied.getIndex();
    }

    /** The Raft configuration when the copy was taken. */
    public List<StorageStatus.Peer> peers() {
        return peers;
    }

    /** The log index of that configuration. */
    public long configurationIndex() {
        return configurationIndex;
    }

    /** Visits every stored entry in key order: its key and stored value (barrier ciphertext, as stored). */
    public void forEach(RecordVisitor visitor) throws IOException {
        try {
            store.forEachRaw((key, raw) -> {
                try {
                    visitor.accept(new String(key, StandardCharsets.UTF_8), Arrays.copyOfRange(raw, 8, raw.length));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Closes and deletes the copy. */
    @Override
    public void close() {
        store.close();
        try {
            deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete snapshot copy " + dir, e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
