package io.coffer.api.core;

import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.util.List;
import java.util.UUID;

/**
 * Where this node's replicated storage comes from. Before {@code sys/init} (or a raft join) a node has no
 * Raft state and {@link #storage()} is null; {@link #bootstrap()} creates a one-node group containing this
 * node, as Vault's init does with raft storage. {@link LocalRaftHost} is the implementation over this process's own
 * Raft storage.
 */
public interface StorageHost {

    /** The running storage, or null when this node has no Raft state yet. */
    Storage storage();

    /** Creates and starts a new one-node Raft group; returns the running storage. Idempotent. */
    Storage bootstrap();

    /**
     * Starts this node as a new member of the existing group {@code groupId} whose members are {@code peers}
     * (this node may be listed); the leader adds it to the configuration. Returns the running storage; when this
     * node already runs storage, returns it unchanged.
     */
    Storage join(UUID groupId, List<StorageStatus.Peer> peers);

    /** The running Raft storage, for membership and leadership changes; null before init or join. */
    default RaftStorage raft() {
        return storage() instanceof RaftStorage raft ? raft : null;
    }
}
