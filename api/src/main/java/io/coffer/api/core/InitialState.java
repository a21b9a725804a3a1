package io.coffer.api.core;

import io.coffer.seal.Barrier;
import io.coffer.storage.Txn;

/**
 * Adds the first barrier-encrypted entries (mount table, root token, cluster identity) to the init transaction,
 * so a node is either fully initialised or not at all.
 */
@FunctionalInterface
public interface InitialState {

    void contribute(Barrier barrier, Txn.Builder txn);

    /** Adds an encrypted put of {@code plaintext} at {@code key} to {@code txn}. */
    static void put(Txn.Builder txn, Barrier barrier, String key, byte[] plaintext) {
        txn.put(key, barrier.encrypt(key, plaintext));
    }
}
