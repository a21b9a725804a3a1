package io.coffer.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The replicated key/value store every Coffer node writes through.
 *
 * <p>Values are opaque bytes (barrier ciphertext, except the seal configuration and the encrypted root key).
 * Writes are conditional transactions replicated through the Raft log and applied to RocksDB; a returned future
 * completes only once the transaction is committed <em>and</em> applied on this node, so a caller reads its own
 * writes here. Reads ({@link #get}, {@link #list}, {@link #keys}) are local to this node; call
 * {@link #readBarrier()} first and wait for it when the read must be linearizable.
 *
 * <p>Thread-safe. Futures complete on storage threads: callers must not block them.
 */
public interface Storage extends AutoCloseable {

    /** The entry at {@code key} as last applied on this node, or empty when absent. */
    Optional<Entry> get(String key);

    /**
     * Immediate children of {@code prefix} (which is empty or ends with '/'): names relative to the prefix,
     * sub-folders with a trailing '/', sorted, without duplicates. Empty when nothing is stored below.
     */
    List<String> list(String prefix);

    /** Every full key that starts with {@code prefix}, sorted. For bounded administrative scans. */
    List<String> keys(String prefix);

    /**
     * Replicates and applies {@code txn}. The future completes with {@link TxnResult#succeeded()} false when a
     * condition did not hold (nothing was changed), and exceptionally with {@link StorageException} when the
     * transaction could not be committed (no quorum, timeout, node stopping) — in that case it was not
     * acknowledged and the caller must not report success.
     */
    CompletableFuture<TxnResult> txn(Txn txn);

    /** Completes once this node has applied everything committed before the call (linearizable read point). */
    CompletableFuture<Void> readBarrier();

    /** A snapshot of this node's Raft view, for health, leader and peer reporting. */
    StorageStatus status();

    @Override
    void close();
}
