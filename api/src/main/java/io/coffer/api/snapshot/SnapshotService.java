package io.coffer.api.snapshot;

import io.coffer.api.core.HaState;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.router.Routes;
import io.coffer.api.store.LogicalStorage;
import io.coffer.seal.Barrier;
import io.coffer.storage.RaftStorage;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Snapshots and backups of integrated storage, wired for one node (vault-api.md §3.6 and Vault Enterprise's
 * automated snapshots): the save/restore endpoints, the automated-snapshot endpoints, the leader duty that takes
 * scheduled snapshots, and the watcher that re-checks the seal after the data was replaced. {@code ApiNode}
 * builds it, registers {@link #register the routes} and {@link #sealListener()}; {@link #close} stops the
 * scheduler thread.
 */
public final class SnapshotService implements AutoCloseable {

    private final StorageHost host;
    private final RestoreWatcher restores;
    private final AutoSnapshots auto;
    private final SnapshotEndpoints endpoints;
    private final AutoSnapshotEndpoints autoEndpoints;
    private RaftStorage watched;

    /**
     * @param leader       the active node's identity, for the standby 307
     * @param root         the barrier view with an empty prefix (automated-snapshot configurations live there)
     * @param forgetCaches drops what the API caches from storage (run after the data was replaced)
     */
    public SnapshotService(StorageHost host, SealManager seal, HaState ha, Supplier<Optional<NodeIdentity>> leader,
                           LogicalStorage root, Clock clock, Runnable forgetCaches) {
        this.host = host;
        this.restores = new RestoreWatcher(seal, forgetCaches);
        AutoSnapshotStore store = new AutoSnapshotStore(root);
        this.auto = new AutoSnapshots(host, seal, store, clock);
        this.endpoints = new SnapshotEndpoints(host, seal, ha, leader, restores, this::watch, clock);
        this.autoEndpoints = new AutoSnapshotEndpoints(store, clock);
    }

    /** Adds the token-checked routes. */
    public void register(Routes authenticated) {
        endpoints.register(authenticated);
        autoEndpoints.register(authenticated);
    }

    /** Starts watching the Raft storage once the node is unsealed (storage exists by then). */
    public SealManager.SealListener sealListener() {
        return new SealManager.SealListener() {
            @Override
            public void onUnseal(Barrier barrier) {
                watch();
            }

            @Override
            public void onSeal() {
                // the duty checks the seal on every tick; nothing to stop
            }
        };
    }

    /** Listens to the current Raft storage: data replaced, leadership. Once per storage instance. */
    private synchronized void watch() {
        RaftStorage raft = host.raft();
        if (raft != null && raft != watched) {
            watched = raft;
            restores.reset();
            raft.addStateListener(restores::replaced);
            raft.addLeaderListener(auto::leadership);
        }
    }

    @Override
    public void close() {
        auto.close();
    }
}
