package io.coffer.storage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Applies the transactions of one Raft entry, in order, into one WriteBatch. Deterministic: the outcome depends only
 * on the stored revisions, the transactions and the log index. Later transactions of the entry see the writes of
 * earlier ones through an ordered overlay. A failed condition is a result; nothing of that transaction is written.
 * Runs on the Raft apply thread only.
 */
final class TxnApplier {

    /** Marks a deletion in the overlay (compared by identity). */
    private static final byte[] TOMBSTONE = new byte[0];

    private final KvStore kv;
    private final TreeMap<String, byte[]> overlay = new TreeMap<>();

    private TxnApplier(KvStore kv) {
        this.kv = kv;
    }

    /**
     * Evaluates {@code txns} (the entry at {@code logIndex}) against {@code kv}, adds the resulting writes to
     * {@code batch}, and returns whether each transaction's conditions held.
     */
    static boolean[] apply(KvStore kv, WriteBatch batch, List<Txn> txns, long logIndex) throws RocksDBException {
        TxnApplier applier = new TxnApplier(kv);
        boolean[] succeeded = new boolean[txns.size()];
        for (int slot = 0; slot < txns.size(); slot++) {
            Txn txn = txns.get(slot);
            succeeded[slot] = applier.conditionsHold(txn);
            if (succeeded[slot]) {
                applier.applyOps(txn, Revision.of(logIndex, slot));
            }
        }
        for (Map.Entry<String, byte[]> write : applier.overlay.entrySet()) {
            if (write.getValue() == TOMBSTONE) {
                kv.delete(batch, write.getKey());
            } else {
                kv.put(batch, write.getKey(), write.getValue());
            }
        }
        return succeeded;
    }

    private boolean conditionsHold(Txn txn) {
        for (Condition c : txn.conditions()) {
            if (currentRevision(c.key()) != c.revision()) {
                return false;
            }
        }
        return true;
    }

    private void applyOps(Txn txn, long revision) {
        for (Op op : txn.ops()) {
            if (op instanceof Op.Put put) {
                overlay.put(put.key(), KvStore.encodeValue(revision, put.value()));
            } else if (op instanceof Op.Delete delete) {
                overlay.put(delete.key(), TOMBSTONE);
            } else {
                deletePrefix(((Op.DeletePrefix) op).prefix());
            }
        }
    }

    private void deletePrefix(String prefix) {
        for (String key : kv.keys(prefix)) {
            overlay.put(key, TOMBSTONE);
        }
        for (Map.Entry<String, byte[]> e : overlay.tailMap(prefix).entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                break;
            }
            e.setValue(TOMBSTONE);
        }
    }

    private long currentRevision(String key) {
        byte[] pending = overlay.get(key);
        if (pending == null) {
            return kv.revision(key);
        }
        return pending == TOMBSTONE ? 0 : KvStore.revisionOf(pending);
    }
}
