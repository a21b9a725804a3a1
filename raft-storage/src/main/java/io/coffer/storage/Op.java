package io.coffer.storage;

/** One mutation inside a {@link Txn}. Applied in order. */
public sealed interface Op {

    /** Stores {@code value} at {@code key}. */
    record Put(String key, byte[] value) implements Op {
    }

    /** Removes {@code key} (no-op when absent). */
    record Delete(String key) implements Op {
    }

    /** Removes every key that starts with {@code prefix}. */
    record DeletePrefix(String prefix) implements Op {
    }

    static Op put(String key, byte[] value) {
        return new Put(key, value);
    }

    static Op delete(String key) {
        return new Delete(key);
    }

    static Op deletePrefix(String prefix) {
        return new DeletePrefix(prefix);
    }
}
