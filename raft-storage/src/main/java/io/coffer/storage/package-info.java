/**
 * Coffer's replicated storage: the {@link io.coffer.storage.Storage} contract and its Apache Ratis + RocksDB
 * implementation, {@link io.coffer.storage.RaftStorage}.
 *
 * <p>Write path: {@code txn()} → {@link io.coffer.storage.GroupCommitter} (batches concurrent transactions into one
 * Raft entry, {@link io.coffer.storage.TxnCodec} format) → Raft client → leader → replicated, committed →
 * {@link io.coffer.storage.KvStateMachine#applyTransaction} on every node, on Ratis' single apply thread →
 * {@link io.coffer.storage.TxnApplier} checks revisions and builds one RocksDB WriteBatch (data + applied
 * term/index, synced) → the future completes once this node applied the entry.
 *
 * <p>Restart and snapshot install share {@link io.coffer.storage.KvState#load()}: RocksDB is reopened and replaced
 * from the latest snapshot file when that is newer; Ratis then replays the log, and entries RocksDB already holds
 * are skipped. Files: see {@link io.coffer.storage.RaftNodeConfig}.
 *
 * <p>Backups: {@link io.coffer.storage.RaftStorage#openExport()} gives a consistent read-only copy at one applied
 * index (a RocksDB checkpoint) while writes continue; {@link io.coffer.storage.RaftStorage#restore} replaces the
 * whole data set through the log ({@link io.coffer.storage.RestoreCommand}: BEGIN, CHUNKs staged in the "restore"
 * column family, COMMIT swaps them in atomically for readers), so every member ends identical and an unfinished
 * restore changes nothing. Listeners registered with
 * {@link io.coffer.storage.RaftStorage#addStateListener} hear when the data was replaced wholesale.
 */
package io.coffer.storage;
