package io.coffer.api.core;

import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether this node is Vault's "active node": unsealed and Raft leader. Remembers since when, for
 * {@code sys/leader}'s {@code active_time}.
 */
public final class HaState {

    private final StorageHost host;
    private final SealManager seal;
    private final Clock clock;
    private Instant activeSince;

    public HaState(StorageHost host, SealManager seal, Clock clock) {
        this.host = host;
        this.seal = seal;
        this.clock = clock;
    }

    /** The Raft status, when this node has Raft state. */
    public Optional<StorageStatus> status() {
        Storage storage = host.storage();
        return storage == null ? Optional.empty() : Optional.of(storage.status());
    }

    /** Whether this node is active now; updates the active-since time on transitions. */
    public synchronized boolean active() {
        boolean active = !seal.sealed() && status().map(StorageStatus::leader).orElse(false);
        if (active && activeSince == null) {
            activeSince = clock.instant();
        } else if (!active) {
            activeSince = null;
        }
        return active;
    }

    /** When this node became active, or null when it is not active. */
    public synchronized Instant activeSince() {
        return active() ? activeSince : null;
    }
}
