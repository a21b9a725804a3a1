package io.coffer.api.core;

import io.coffer.storage.RaftNodeConfig;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.util.List;
import java.util.UUID;

/**
 * The {@link StorageHost} of a node whose {@link RaftStorage} runs in this process: recovered at construction when
 * the data directory already has Raft state, otherwise created by {@link #bootstrap()} ({@code sys/init}, a one-node
 * group) or by {@link #join} (a raft join). The server's host extends it; tests use it as it is.
 */
public class LocalRaftHost implements StorageHost, AutoCloseable {

    private final RaftNodeConfig config;
    private volatile RaftStorage storage;

    public LocalRaftHost(RaftNodeConfig config) {
        this.config = config;
        if (RaftStorage.hasState(config.dataDir())) {
            this.storage = RaftStorage.recover(config);
        }
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public synchronized Storage bootstrap() {
        if (storage == null) {
            storage = RaftStorage.bootstrap(config);
        }
        return storage;
    }

    @Override
    public synchronized Storage join(UUID groupId, List<StorageStatus.Peer> peers) {
        if (storage == null) {
            storage = RaftStorage.join(config, groupId, peers);
        }
        return storage;
    }

    @Override
    public RaftStorage raft() {
        return storage;
    }

    @Override
    public synchronized void close() {
        if (storage != null) {
            storage.close();
        }
    }
}
