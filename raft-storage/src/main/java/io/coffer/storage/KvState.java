package io.coffer.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the open {@link KvStore} and every transition of it: load at start, restore from a newer snapshot (restart
 * and snapshot install share this one path), apply, snapshot, close. Reads take the read lock; loading and closing
 * take the write lock. Apply, load and snapshot run on the Raft apply thread only.
 */
final class KvState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KvState.class);

    private final Path kvDir;
    private final SnapshotStore snapshots;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private KvStore kv;
    private volatile long persistedIndex = -1;

    KvState(Path kvDir, SnapshotStore snapshots) {
        this.kvDir = kvDir;
        this.snapshots = snapshots;
    }

    /**
     * (Re)opens RocksDB and brings it up to the latest snapshot when that is newer than what RocksDB holds (after a
     * snapshot install, or when kv/ was lost). Returns the term/index RocksDB now covers, null when empty.
     */
    TermIndex load() throws IOException {
        lock.writeLock().lock();
        try {
            closeStore();
            finishInterruptedSwap();
            KvStore store = KvStore.open(kvDir);
            TermIndex pending = store.pendingCommit();
            if (pending != null) {
                LOG.warn("finishing the restore commit at {} that was interrupted", pending);
                RestoreApplier.finishCommit(store, pending);
            }
            TermIndex applied = store.applied();
            SingleFileSnapshotInfo snapshot = snapshots.rescan();
            if (snapshot != null && (applied == null || snapshot.getIndex() > applied.getIndex())) {
                store.close();
                applied = restore(snapshot.getFile().getPath());
                store = KvStore.open(kvDir);
            } else if (snapshot != null) {
                kv = store;
                verifyOrRegenerate(snapshot, applied);
            }
            kv = store;
            persistedIndex = applied == null ? -1 : applied.getIndex();
            LOG.info("state loaded: applied {} from {}", applied, kvDir);
            return applied;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs {@code reader} against the open store under the read lock. */
    <T> T read(Function<KvStore, T> reader) {
        lock.readLock().lock();
        try {
            if (kv == null) {
                throw new StorageException("storage is closed");
            }
            return reader.apply(kv);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The log index of the last entry written to RocksDB (not counting configuration entries). */
    long persistedIndex() {
        return persistedIndex;
    }

    /**
     * Applies the transactions of the entry at {@code term}/{@code index} in one synced WriteBatch together with
     * the applied index. Returns null, changing nothing, when RocksDB already holds this entry (log replay).
     */
    boolean[] apply(long term, long index, List<Txn> txns) throws IOException {
        if (index <= persistedIndex) {
            return null;
        }
        lock.readLock().lock();
        try (WriteBatch batch = new WriteBatch()) {
            if (kv == null) {
                throw new IOException("storage is closed");
            }
            boolean[] results = TxnApplier.apply(kv, batch, txns, index);
            kv.putApplied(batch, TermIndex.valueOf(term, index));
            kv.write(batch);
            persistedIndex = index;
            return results;
        } catch (RocksDBException e) {
            throw new IOException("apply of entry " + index + " failed", e);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Applies one step of a replicated restore at {@code term}/{@code index}; returns whether it took effect, or
     * null, changing nothing, when RocksDB already holds this entry. A commit holds the write lock: readers and
     * checkpoints see the data before or after the swap, never during it.
     */
    Boolean applyRestore(long term, long index, RestoreCommand command) throws IOException {
        if (index <= persistedIndex) {
            return null;
        }
        Lock held = command.kind() == RestoreCommand.Kind.COMMIT ? lock.writeLock() : lock.readLock();
        held.lock();
        try {
            if (kv == null) {
                throw new IOException("storage is closed");
            }
            boolean done = RestoreApplier.apply(kv, command, TermIndex.valueOf(term, index));
            persistedIndex = index;
            return done;
        } finally {
            held.unlock();
        }
    }

    /**
     * Writes a RocksDB checkpoint of the current state into {@code target} (which must not exist): a consistent
     * point in time whose "applied" entry matches its data. Hard links, so cheap; safe while writes continue.
     */
    void checkpoint(Path target) throws IOException {
        lock.readLock().lock();
        try {
            if (kv == null) {
                throw new IOException("storage is closed");
            }
            kv.checkpoint(target);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes a snapshot covering {@code covers} unless one at that index exists. Returns the snapshot index. */
    long snapshot(TermIndex covers) throws IOException {
        SingleFileSnapshotInfo latest = snapshots.getLatestSnapshot();
        if (latest != null && latest.getIndex() >= covers.getIndex()) {
            return latest.getIndex();
        }
        lock.readLock().lock();
        try {
            if (kv == null) {
                throw new IOException("storage is closed");
            }
            if (covers.getIndex() > persistedIndex) {
                // Only configuration/metadata entries since the last data entry: record that RocksDB covers them,
                // so a restart does not mistake this snapshot for newer data and restore it needlessly.
                try (WriteBatch batch = new WriteBatch()) {
                    kv.putApplied(batch, covers);
                    kv.write(batch);
                    persistedIndex = covers.getIndex();
                } catch (RocksDBException e) {
                    throw new IOException("cannot record applied index", e);
                }
            }
            Path file = snapshots.fileFor(covers.getTerm(), covers.getIndex());
            SnapshotFile.write(kv, covers, file);
            snapshots.published(file, covers.getTerm(), covers.getIndex());
            return covers.getIndex();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closeStore();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private TermIndex restore(Path snapshot) throws IOException {
        Path restoreDir = kvDir.resolveSibling(kvDir.getFileName() + ".restore");
        deleteTree(restoreDir);
        TermIndex covers;
        try (KvStore fresh = KvStore.open(restoreDir)) {
            covers = SnapshotFile.restore(snapshot, fresh);
        } catch (SnapshotFile.CorruptSnapshotException e) {
            deleteTree(restoreDir);
            snapshots.quarantine(snapshot);
            throw new IOException("cannot load state: snapshot is corrupt (kept aside); restart to fall back to an "
                    + "older snapshot or to the leader's", e);
        }
        Path oldDir = kvDir.resolveSibling(kvDir.getFileName() + ".old");
        deleteTree(oldDir);
        if (Files.exists(kvDir)) {
            Files.move(kvDir, oldDir, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(restoreDir, kvDir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(oldDir);
        return covers;
    }

    /** The latest snapshot is what Ratis ships to followers: check it, and replace it from RocksDB if broken. */
    private void verifyOrRegenerate(SingleFileSnapshotInfo snapshot, TermIndex applied) throws IOException {
        try {
            SnapshotFile.verify(snapshot.getFile().getPath());
        } catch (SnapshotFile.CorruptSnapshotException e) {
            snapshots.quarantine(snapshot.getFile().getPath());
            Path file = snapshots.fileFor(applied.getTerm(), applied.getIndex());
            SnapshotFile.write(kv, applied, file);
            snapshots.published(file, applied.getTerm(), applied.getIndex());
        }
    }

    /** A crash between the two renames of {@link #restore} leaves only kv.old: put it back, the restore reruns. */
    private void finishInterruptedSwap() throws IOException {
        Path oldDir = kvDir.resolveSibling(kvDir.getFileName() + ".old");
        if (!Files.exists(kvDir) && Files.exists(oldDir)) {
            Files.move(oldDir, kvDir, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(kvDir.resolveSibling(kvDir.getFileName() + ".restore"));
    }

    private void closeStore() {
        if (kv != null) {
            kv.close();
            kv = null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
