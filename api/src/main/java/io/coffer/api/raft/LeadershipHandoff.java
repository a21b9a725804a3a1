package io.coffer.api.raft;

import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.StorageStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Leadership prefers unsealed nodes" (DESIGN.md): a sealed node that leads the Raft group hands leadership to an
 * unsealed voter, found through the {@link NodeRegistry}. {@link #check} runs on a short timer; one transfer is in
 * flight at a time, and a failed one is retried two seconds later with the next candidate.
 */
final class LeadershipHandoff {

    private static final Logger LOG = LoggerFactory.getLogger(LeadershipHandoff.class);
    private static final long BACKOFF_MILLIS = 2_000;

    private final StorageHost host;
    private final SealManager seal;
    private final NodeRegistry registry;
    private final AtomicBoolean transferring = new AtomicBoolean();
    private volatile long notBefore;
    private int cursor;

    LeadershipHandoff(StorageHost host, SealManager seal, NodeRegistry registry) {
        this.host = host;
        this.seal = seal;
        this.registry = registry;
    }

    /** Starts a transfer when this node leads while sealed and an unsealed voter exists. Never blocks. */
    void check() {
        RaftStorage raft = host.raft();
        if (raft == null || !seal.sealed() || transferring.get() || System.currentTimeMillis() < notBefore) {
            return;
        }
        StorageStatus status = raft.status();
        if (!status.leader()) {
            return;
        }
        List<String> candidates = status.peers().stream()
                .filter(p -> p.voter() && !p.id().equals(status.nodeId()) && registry.unsealed(p.id()))
                .map(StorageStatus.Peer::id).toList();
        if (candidates.isEmpty() || !transferring.compareAndSet(false, true)) {
            return;
        }
        String target = candidates.get(Math.floorMod(cursor++, candidates.size()));
        LOG.info("this node leads the raft group while sealed; handing leadership to unsealed peer {}", target);
        raft.transferLeadership(target).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("handing leadership to {} failed: {}", target, error.toString());
                notBefore = System.currentTimeMillis() + BACKOFF_MILLIS;
            }
            transferring.set(false);
        });
    }
}
