package io.coffer.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.ratis.server.protocol.TermIndex;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the steps of a replicated restore ({@link RestoreCommand}) to RocksDB, deterministically: the outcome
 * depends only on the staged state and the command. BEGIN clears the staging family and records the restore id;
 * CHUNK stages its records if it is the next chunk of the active restore; COMMIT, if every chunk arrived, replaces
 * the whole data family with the staged records (each at the revision of the commit entry) and clears staging;
 * ABORT clears staging. A step that does not match the active restore changes nothing but the applied index and
 * answers false. Every step writes the applied term/index in the same batch as its effect.
 *
 * <p>A commit may be larger than one WriteBatch should be, so it runs in several: a synced marker first, then
 * bulk batches, then one synced batch that clears staging and the marker and records the applied index. Readers
 * are kept out meanwhile ({@link KvState} holds its write lock). A crash in between leaves the marker:
 * {@link #finishCommit} reruns the swap from the intact staging at the next start. Apply thread only.
 */
final class RestoreApplier {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreApplier.class);
    private static final int SWAP_BATCH_BYTES = 4 << 20;

    /** The staged restore: its id, the next chunk expected and the records staged so far. */
    private record Staged(long id, int nextSeq, long records) {
        byte[] encode() {
            return ByteBuffer.allocate(20).putLong(id).putInt(nextSeq).putLong(records).array();
        }

        static Staged read(KvStore kv) throws IOException {
            byte[] raw = kv.stagingState();
            if (raw == null) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.wrap(raw);
            return new Staged(buf.getLong(), buf.getInt(), buf.getLong());
        }
    }

    private RestoreApplier() {
    }

    /** Applies {@code command}, the entry at {@code at}; returns whether it took effect. */
    static boolean apply(KvStore kv, RestoreCommand command, TermIndex at) throws IOException {
        Staged staged = Staged.read(kv);
        boolean active = staged != null && staged.id() == command.id();
        try (WriteBatch batch = new WriteBatch()) {
            switch (command.kind()) {
                case BEGIN -> {
                    kv.clearStaging(batch);
                    kv.putStagingState(batch, new Staged(command.id(), 0, 0).encode());
                }
                case CHUNK -> active = active && staged.nextSeq() == command.seq() && stage(kv, batch, command,
                        staged);
                case ABORT -> clearIf(active, kv, batch);
                case COMMIT -> {
                    boolean complete = active && staged.nextSeq() == command.chunks()
                            && staged.records() == command.records();
                    if (complete) {
                        commit(kv, at);
                        return true;
                    }
                    // An incomplete commit ends that restore: nothing of it may be committed later.
                    clearIf(active, kv, batch);
                    active = false;
                }
                default -> throw new IllegalStateException("unknown restore step");
            }
            kv.putApplied(batch, at);
            kv.write(batch);
            return active || command.kind() == RestoreCommand.Kind.BEGIN;
        } catch (RocksDBException e) {
            throw new IOException("restore step at " + at + " failed", e);
        }
    }

    private static boolean stage(KvStore kv, WriteBatch batch, RestoreCommand chunk, Staged staged)
            throws RocksDBException {
        for (int i = 0; i < chunk.keys().size(); i++) {
            kv.putStaged(batch, chunk.keys().get(i), chunk.values().get(i));
        }
        kv.putStagingState(batch, new Staged(staged.id(), staged.nextSeq() + 1,
                staged.records() + chunk.keys().size()).encode());
        return true;
    }

    private static void clearIf(boolean active, KvStore kv, WriteBatch batch) throws RocksDBException {
        if (active) {
            kv.clearStaging(batch);
        }
    }

    private static void commit(KvStore kv, TermIndex at) throws IOException, RocksDBException {
        try (WriteBatch marker = new WriteBatch()) {
            kv.putPendingCommit(marker, at);
            kv.write(marker);
        }
        finishCommit(kv, at);
    }

    /**
     * Replaces the data with the staged records at the revision of {@code at}, then clears staging and the commit
     * marker and records {@code at} as applied. Idempotent, so it can rerun after a crash.
     *
     * @return how many records are now stored
     */
    static long finishCommit(KvStore kv, TermIndex at) throws IOException {
        long revision = Revision.of(at.getIndex(), 0);
        long[] count = {0};
        long[] bytes = {0};
        WriteBatch[] batch = {new WriteBatch()};
        try {
            kv.clearData(batch[0]);
            kv.forEachStaged((key, value) -> {
                try {
                    kv.putRaw(batch[0], key, KvStore.encodeValue(revision, value));
                    count[0]++;
                    bytes[0] += key.length + value.length + 8;
                    if (bytes[0] >= SWAP_BATCH_BYTES) {
                        kv.writeBulk(batch[0]);
                        batch[0].close();
                        batch[0] = new WriteBatch();
                        bytes[0] = 0;
                    }
                } catch (RocksDBException | IOException e) {
                    throw new UncheckedIOException(new IOException("restore commit failed", e));
                }
            });
            kv.clearStaging(batch[0]);
            kv.deletePendingCommit(batch[0]);
            kv.putApplied(batch[0], at);
            kv.write(batch[0]);
        } catch (RocksDBException e) {
            throw new IOException("restore commit failed", e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            batch[0].close();
        }
        LOG.info("restore committed at {}: {} records replaced the data", at, count[0]);
        return count[0];
    }
}
