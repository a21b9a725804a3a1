package io.coffer.storage;

/**
 * One stored value and the revision (Raft log index of the transaction) that last wrote it.
 * Revisions are positive; a {@link Condition} with revision 0 means "absent".
 */
public record Entry(String key, byte[] value, long revision) {
}
