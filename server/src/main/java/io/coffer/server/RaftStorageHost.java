package io.coffer.server;

import io.coffer.api.core.StorageHost;
import io.coffer.storage.RaftNodeConfig;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Holds this node's {@link RaftStorage}: recovered at start-up when the data directory has Raft state,
 * otherwise created by {@code sys/init} (a one-node group) or by a join.
 */
final class RaftStorageHost implements StorageHost, AutoCloseable {

    private final RaftNodeConfig config;
    private volatile RaftStorage storage;

    RaftStorageHost(RaftNodeConfig config) {
        this.config = config;
        if (RaftStorage.hasState(config.dataDir())) {
            this.storage = RaftStorage.recover(config);
        }
    }

    /** Raft timing from Vault's {@code performance_multiplier}: 0 and 1 are Coffer's fast default (150/300 ms). */
    static RaftNodeConfig config(NodeSettings settings) {
        int multiplier = Math.max(1, settings.performanceMultiplier());
        RaftNodeConfig.Builder builder = RaftNodeConfig.builder(settings.identity().nodeId(), settings.dataDir(),
                        settings.clusterHost(), settings.clusterPort())
                .electionTimeout(Duration.ofMillis(150L * multiplier), Duration.ofMillis(300L * multiplier));
        if (settings.clusterTls() != null) {
            settings.clusterTls().applyTo(builder);
        }
        return builder.build();
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
