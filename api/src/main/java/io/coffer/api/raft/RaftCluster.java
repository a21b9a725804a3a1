package io.coffer.api.raft;

import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.router.Routes;
import io.coffer.api.store.LogicalStorage;
import io.coffer.seal.Barrier;
import io.coffer.storage.RaftStorage;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Integrated storage on the API side (vault-api.md §3, §2.6–2.8): the join and bootstrap endpoints, the peer,
 * autopilot and HA status endpoints, the node registry that tells standbys where the active node is, and the
 * hand-off of leadership from a sealed leader. Built by {@code ApiNode}; {@link #start} begins the periodic
 * upkeep (server start-up), {@link #close} stops it and any join in progress.
 */
public final class RaftCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RaftCluster.class);
    private static final long TICK_MILLIS = 250;

    private final StorageHost host;
    private final NodeRegistry registry;
    private final LeadershipHandoff handoff;
    private final Joiner joiner;
    private final LeaderClient client;
    private final PendingChallenges challenges;
    private final LogicalStorage root;
    private final Clock clock;
    private final SealManager seal;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callers;
    private volatile RaftStorage watched;
    private volatile boolean started;

    /** {@code root} is the barrier view with an empty prefix; {@code client} reaches leaders when joining. */
    public RaftCluster(StorageHost host, SealManager seal, LogicalStorage root, NodeIdentity self, String hostname,
                       Clock clock, LeaderClient client) {
        this.host = host;
        this.seal = seal;
        this.root = root;
        this.clock = clock;
        this.client = client;
        this.scheduler = Executors.newScheduledThreadPool(3, daemon("raft-upkeep"));
        this.callers = Executors.newCachedThreadPool(daemon("raft-join"));
        this.registry = new NodeRegistry(host, seal, root, self, hostname);
        this.handoff = new LeadershipHandoff(host, seal, registry);
        this.joiner = new Joiner(seal, host, self, client, scheduler, callers);
        this.challenges = new PendingChallenges(root.sub("core/raft/challenges/"), clock);
        seal.addListener(new SealManager.SealListener() {
            @Override
            public void onUnseal(Barrier barrier) {
                tickSoon();
            }

            @Override
            public void onSeal() {
                tickSoon();
            }
        });
    }

    /** Adds the unauthenticated routes to {@code open} and the token-checked ones to {@code authenticated}. */
    public void register(Routes open, Routes authenticated) {
        new JoinEndpoint(joiner, client).register(open);
        new BootstrapEndpoints(seal, host, challenges).register(open);
        new PeerEndpoints(host, registry).register(authenticated);
        new AutopilotEndpoints(host, root, clock).register(authenticated);
        new HaStatusEndpoint(host, registry, clock).register(authenticated);
    }

    /** The active node's identity as the registry knows it; empty when unknown or while this node is sealed. */
    public Optional<NodeIdentity> leader() {
        RaftStorage raft = host.raft();
        if (raft == null) {
            return Optional.empty();
        }
        String leaderId = raft.status().leaderId();
        return leaderId.isEmpty() ? Optional.empty() : registry.lookup(leaderId).map(NodeRegistry.Node::identity);
    }

    /** This node's joiner, for {@code retry_join} at start-up. */
    public Joiner joiner() {
        return joiner;
    }

    /** Starts the periodic upkeep: this node's registry entry and the sealed-leader hand-off. */
    public void start() {
        started = true;
        scheduler.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        joiner.close();
        scheduler.shutdownNow();
        callers.shutdownNow();
    }

    private void tickSoon() {
        if (!started) {
            return;
        }
        try {
            scheduler.execute(this::tick);
        } catch (RejectedExecutionException closing) {
            // shutting down
        }
    }

    private void tick() {
        try {
            RaftStorage raft = host.raft();
            if (raft != null && raft != watched) {
                watched = raft;
                raft.addLeaderListener(leader -> tickSoon());
            }
            registry.reconcile();
            handoff.check();
        } catch (RuntimeException e) {
            LOG.warn("raft upkeep failed: {}", e.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
