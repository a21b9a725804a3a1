package io.coffer.api.core;

import io.coffer.storage.Storage;

/**
 * Where this node's replicated storage comes from. Before {@code sys/init} (or a raft join) a node has no
 * Raft state and {@link #storage()} is null; {@link #bootstrap()} creates a one-node group containing this
 * node, as Vault's init does with raft storage. Implemented by the server's wiring.
 */
public interface StorageHost {

    /** The running storage, or null when this node has no Raft state yet. */
    Storage storage();

    /** Creates and starts a new one-node Raft group; returns the running storage. Idempotent. */
    Storage bootstrap();
}
