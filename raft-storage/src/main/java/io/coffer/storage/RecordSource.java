package io.coffer.storage;

import java.io.IOException;

/**
 * Records fed to {@link RaftStorage#restore}, in any order: each key once, values as stored (barrier ciphertext).
 * Called on the restoring thread only.
 */
@FunctionalInterface
public interface RecordSource {

    /** The next record, or null when there are no more. IOException aborts the restore (nothing is changed). */
    Record next() throws IOException;

    /** One stored entry: its key and its stored bytes. */
    record Record(String key, byte[] value) {
    }
}
