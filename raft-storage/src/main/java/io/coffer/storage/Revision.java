package io.coffer.storage;

/**
 * Revisions under group commit. Several transactions share one Raft entry, so a revision is the log index of that
 * entry times {@value #MAX_TXNS_PER_ENTRY} plus the transaction's slot in it: unique, positive, increasing in apply
 * order, and the log index is recoverable with {@link #logIndex(long)}.
 */
public final class Revision {

    /** Most transactions one Raft entry may carry (slots 0..1023). */
    public static final int MAX_TXNS_PER_ENTRY = 1024;

    private Revision() {
    }

    /** The revision of the transaction in {@code slot} of the entry at {@code logIndex}. */
    public static long of(long logIndex, int slot) {
        if (logIndex < 1 || slot < 0 || slot >= MAX_TXNS_PER_ENTRY) {
            throw new IllegalArgumentException("bad log index or slot");
        }
        return logIndex * MAX_TXNS_PER_ENTRY + slot;
    }

    /** The Raft log index of the entry that carried the transaction with this revision. */
    public static long logIndex(long revision) {
        return revision / MAX_TXNS_PER_ENTRY;
    }
}
