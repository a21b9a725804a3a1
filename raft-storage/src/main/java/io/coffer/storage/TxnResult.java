package io.coffer.storage;

/**
 * Outcome of a {@link Txn}: whether its conditions held, and the revision it was applied at (see {@link Revision};
 * {@code Revision.logIndex(revision)} is the Raft log index of its entry).
 */
public record TxnResult(boolean succeeded, long revision) {
}
