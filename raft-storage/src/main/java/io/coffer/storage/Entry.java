package io.coffer.storage;

/**
 * One stored value and the revision of the transaction that last wrote it. Under group commit several transactions
 * share a Raft entry, so a revision is that entry's log index combined with the transaction's slot in it (see
 * {@link Revision}): unique per transaction, increasing in apply order. Revisions are positive; a {@link Condition}
 * with revision 0 means "absent".
 */
public record Entry(String key, byte[] value, long revision) {
}
