package io.coffer.api.store;

import io.coffer.storage.Entry;
import io.coffer.storage.Txn;
import io.coffer.storage.TxnResult;
import java.util.List;
import java.util.Optional;

/**
 * A view of storage as engines see it: plaintext values, keys relative to the view's prefix. The real
 * implementation encrypts every value with the barrier (the storage key, prefix included, is the associated
 * data) and submits through Raft; tests use an in-memory one.
 *
 * <p>Calls block the calling worker thread for a bounded time. Storage failures surface as
 * {@link io.coffer.api.ApiException} (500, or 503 when there is no quorum), never as success.
 */
public interface LogicalStorage {

    /** The plaintext entry at {@code key}, or empty. The entry's key is the relative key. */
    Optional<Entry> get(String key);

    /** Immediate children of {@code prefix} (empty or ending with '/'), folders with a trailing '/', sorted. */
    List<String> list(String prefix);

    /** Every relative key starting with {@code prefix}, sorted. */
    List<String> keys(String prefix);

    /** Applies a transaction whose keys are relative and whose put values are plaintext. */
    TxnResult txn(Txn txn);

    /** A view rooted at {@code prefix} (ending with '/') below this one. */
    LogicalStorage sub(String prefix);
}
