package io.coffer.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.apache.ratis.protocol.exceptions.RaftRetryFailureException;
import org.apache.ratis.server.RaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running pieces of one node and their start/stop order: executors, the state machine, the RaftServer on the
 * cluster port, and this node's Raft client. Ratis threads are not daemons, so a failed start closes what it
 * opened before throwing.
 */
final class RaftNodeRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RaftNodeRuntime.class);
    private static final long CLOSE_WAIT_MS = 15_000;

    private final ExecutorService callbackThread;
    private final ExecutorService adminExecutor;
    private final LeadershipListeners leadership;
    private final StateListeners replaced;
    private final KvStateMachine stateMachine;
    private final Parameters parameters;
    private final RaftServer server;
    private final RaftServer.Division division;
    private final RaftNodeConfig cfg;
    private final AtomicReference<RaftClient> client;
    private volatile boolean closed;

    private RaftNodeRuntime(ExecutorService callbackThread, ExecutorService adminExecutor,
                            LeadershipListeners leadership, StateListeners replaced, KvStateMachine stateMachine,
                            Parameters parameters, RaftServer server, RaftServer.Division division,
                            RaftNodeConfig cfg, RaftClient client) {
        this.callbackThread = callbackThread;
        this.adminExecutor = adminExecutor;
        this.leadership = leadership;
        this.replaced = replaced;
        this.stateMachine = stateMachine;
        this.parameters = parameters;
        this.server = server;
        this.division = division;
        this.cfg = cfg;
        this.client = new AtomicReference<>(client);
    }

    /**
     * Starts a RaftServer for {@code group} (RECOVER: formats an empty directory, loads an existing one). An empty
     * group means "configuration comes from storage or from the leader"; {@code knownPeers} seed the client.
     */
    static RaftNodeRuntime start(RaftNodeConfig cfg, RaftGroup group, Collection<RaftPeer> knownPeers) {
        ExecutorService callbacks = Executors.newSingleThreadExecutor(daemon("coffer-" + cfg.nodeId() + "-callback"));
        ExecutorService admin = Executors.newCachedThreadPool(daemon("coffer-" + cfg.nodeId() + "-admin"));
        Executor safeCallbacks = safe(callbacks);
        LeadershipListeners leadership = new LeadershipListeners(safeCallbacks);
        StateListeners replaced = new StateListeners(safeCallbacks);
        KvStateMachine sm = new KvStateMachine(cfg.kvDir(), cfg.brokenSnapshotDir(), leadership, replaced);
        Parameters params = RatisConfig.parameters(cfg);
        RaftServer server = null;
        try {
            Files.createDirectories(cfg.raftDir());
            SnapshotExport.deleteTree(cfg.scratchDir());
            server = RaftServer.newBuilder().setServerId(RaftPeerId.valueOf(cfg.nodeId())).setGroup(group)
                    .setStateMachine(sm).setProperties(RatisConfig.serverProperties(cfg)).setParameters(params)
                    .setOption(org.apache.ratis.server.storage.RaftStorage.StartupOption.RECOVER).build();
            server.start();
            RaftServer.Division division = server.getDivision(group.getGroupId());
            RaftClient client = newClient(cfg, group.getPeers(), knownPeers, division, params);
            return new RaftNodeRuntime(callbacks, admin, leadership, replaced, sm, params, server, division, cfg,
                    client);
        } catch (IOException | RuntimeException e) {
            closeServer(server);
            callbacks.shutdown();
            admin.shutdownNow();
            throw new StorageException("cannot start Raft node " + cfg.nodeId() + " on " + cfg.address(), e);
        }
    }

    private static RaftClient newClient(RaftNodeConfig cfg, Collection<RaftPeer> groupPeers,
                                        Collection<RaftPeer> knownPeers, RaftServer.Division division,
                                        Parameters params) {
        Map<RaftPeerId, RaftPeer> peers = new LinkedHashMap<>();
        groupPeers.forEach(p -> peers.put(p.getId(), p));
        knownPeers.forEach(p -> peers.put(p.getId(), p));
        division.getRaftConf().getCurrentPeers().forEach(p -> peers.put(p.getId(), p));
        peers.putIfAbsent(division.getId(), RatisConfig.peer(cfg.nodeId(), cfg.address()));
        RaftClient.Builder builder = RaftClient.newBuilder().setClientId(ClientId.randomId())
                .setProperties(RatisConfig.clientProperties(cfg)).setParameters(params)
                .setRaftGroup(RaftGroup.valueOf(division.getGroup().getGroupId(), peers.values()))
                .setRetryPolicy(RatisConfig.retryPolicy(cfg));
        RaftPeerId leader = division.getInfo().getLeaderId();
        if (leader != null) {
            builder.setLeaderId(leader);
        }
        return builder.build();
    }

    /** Waits (bounded) until this node is a leader that has committed an entry of its term. */
    void awaitLeader(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!division.getInfo().isLeaderReady()) {
            if (System.nanoTime() > deadline) {
                throw new StorageException("node did not become leader within " + timeoutMs + " ms");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted while waiting for leadership");
            }
        }
    }

    KvStateMachine stateMachine() {
        return stateMachine;
    }

    RaftServer.Division division() {
        return division;
    }

    RaftClient client() {
        return client.get();
    }

    /**
     * Sends one write entry through the current client. When Ratis gives up on a request (retries exhausted) it
     * closes that client's ordered window for good, so the client is replaced for the next entries.
     */
    CompletableFuture<RaftClientReply> send(Message message) {
        RaftClient current = client.get();
        return current.async().send(message).whenComplete((reply, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof RaftRetryFailureException || cause instanceof AlreadyClosedException) {
                replaceClient(current);
            }
        });
    }

    private void replaceClient(RaftClient broken) {
        synchronized (client) {
            if (closed || client.get() != broken) {
                return;
            }
            client.set(newClient(cfg, List.of(), division.getRaftConf().getCurrentPeers(), division, parameters));
        }
        LOG.info("Raft client replaced after a request gave up");
        adminExecutor.execute(() -> closeClient(broken));
    }

    Parameters parameters() {
        return parameters;
    }

    LeadershipListeners leadership() {
        return leadership;
    }

    StateListeners replaced() {
        return replaced;
    }

    /** Where futures handed to callers complete (one thread, in order). */
    Executor callbacks() {
        return safe(callbackThread);
    }

    Executor adminExecutor() {
        return adminExecutor;
    }

    /** Client first (fails in-flight requests), then the server (bounded wait), then the executors. */
    @Override
    public void close() {
        synchronized (client) {
            closed = true;
        }
        closeClient(client.get());
        closeServer(server);
        callbackThread.shutdown();
        adminExecutor.shutdownNow();
    }

    private static void closeClient(RaftClient c) {
        try {
            c.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing Raft client failed", e);
        }
    }

    private static void closeServer(RaftServer server) {
        if (server == null) {
            return;
        }
        Thread closer = new Thread(() -> {
            try {
                server.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("closing Raft server failed", e);
            }
        }, "coffer-raft-close");
        closer.start();
        try {
            closer.join(CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.error("Raft server did not stop within {} ms", CLOSE_WAIT_MS);
        }
    }

    /** Runs the task inline once the executor is shut down, so no caller's future is ever dropped. */
    private static Executor safe(ExecutorService executor) {
        return task -> {
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        };
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
