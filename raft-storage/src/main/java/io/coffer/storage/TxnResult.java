package io.coffer.storage;

/** Outcome of a {@link Txn}: whether its conditions held, and the revision (log index) it was applied at. */
public record TxnResult(boolean succeeded, long revision) {
}
