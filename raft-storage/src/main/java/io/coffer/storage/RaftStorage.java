package io.coffer.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.RaftRetryFailureException;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Storage} on one Apache Ratis group member: a RaftServer on the cluster port, the RocksDB state machine,
 * a Raft client for this node's writes (Ratis sends them to the leader) and its read barriers.
 *
 * <p>Start with exactly one factory: {@link #bootstrap} (new single-voter group), {@link #join} (new member of an
 * existing group, which the leader then adds with {@link #addPeer}), or {@link #recover} (restart from the state in
 * {@code dataDir}). See {@link RaftNodeConfig} for the on-disk layout. Thread-safe.
 */
public final class RaftStorage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(RaftStorage.class);

    private final RaftNodeConfig cfg;
    private final RaftGroupId groupId;
    private final RaftNodeRuntime node;
    private final GroupCommitter committer;
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /**
     * What a timed-out write may still become (Raft): not committed now, but an entry a leader logged before it lost
     * its quorum is committed if that leader wins the next election.
     */
    private static final String UNCOMMITTED = "; it is not committed, but if a leader logged it before losing its "
            + "quorum it may still be committed once the quorum is back";

    private final ReadBarrier barrier;
    private final MembershipAdmin admin;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RaftStorage(RaftNodeConfig cfg, RaftNodeRuntime node) {
        this.cfg = cfg;
        this.node = node;
        this.groupId = node.division().getGroup().getGroupId();
        this.barrier = new ReadBarrier(this::readIndexRound);
        this.committer = new GroupCommitter(cfg.nodeId(), node::send, this::whenAppliedHere, node.callbacks(), cfg);
        this.admin = new MembershipAdmin(groupId, node.division(), node.parameters(), node.adminExecutor());
    }

    /**
     * Completes once this node applied {@code index}. A follower learns that an entry committed only from the
     * leader's next AppendEntries, which at low load is the next heartbeat; a (coalesced) ReadIndex round makes
     * the leader send one at once, so a write entering through a follower is acknowledged without that wait.
     */
    private CompletableFuture<Void> whenAppliedHere(long index) {
        CompletableFuture<Void> applied = node.stateMachine().whenApplied(index);
        if (!applied.isDone() && !node.division().getInfo().isLeader()) {
            barrier.request();
        }
        return applied;
    }

    /** Whether {@code dataDir} already holds Raft state (then start with {@link #recover}). */
    public static boolean hasState(Path dataDir) {
        return findGroupId(dataDir).isPresent();
    }

    /** Creates a new group (random id) with this node as its only voter, starts it and waits until it leads. */
    public static RaftStorage bootstrap(RaftNodeConfig cfg) {
        if (hasState(cfg.dataDir())) {
            throw new StorageException("data directory already holds Raft state; recover instead of bootstrap");
        }
        RaftGroup group = RaftGroup.valueOf(RaftGroupId.valueOf(UUID.randomUUID()),
                RatisConfig.peer(cfg.nodeId(), cfg.address()));
        RaftStorage storage = new RaftStorage(cfg, RaftNodeRuntime.start(cfg, group, List.of()));
        try {
            storage.node.awaitLeader(Math.max(10_000, 40 * cfg.electionTimeoutMax().toMillis()));
        } catch (StorageException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    /**
     * Starts this node as a new member of group {@code groupId} whose current configuration is {@code peers}
     * (this node may be listed or not). It waits for the leader, which must add it with {@link #addPeer}.
     */
    public static RaftStorage join(RaftNodeConfig cfg, UUID groupId, List<StorageStatus.Peer> peers) {
        Optional<UUID> existing = findGroupId(cfg.dataDir());
        if (existing.isPresent() && !existing.get().equals(groupId)) {
            throw new StorageException("data directory holds state of another Raft group");
        }
        List<RaftPeer> others = peers.stream().filter(p -> !p.id().equals(cfg.nodeId()))
                .map(p -> RatisConfig.peer(p.id(), p.address())).toList();
        // Started without a configuration, the server waits for the leader to send it the log (or a snapshot).
        RaftGroup group = RaftGroup.valueOf(RaftGroupId.valueOf(groupId));
        return new RaftStorage(cfg, RaftNodeRuntime.start(cfg, group, others));
    }

    /** Restarts from the Raft state in {@code cfg.dataDir()}: snapshot, then log replay. */
    public static RaftStorage recover(RaftNodeConfig cfg) {
        UUID id = findGroupId(cfg.dataDir())
                .orElseThrow(() -> new StorageException("no Raft state in " + cfg.dataDir()));
        return new RaftStorage(cfg, RaftNodeRuntime.start(cfg, RaftGroup.valueOf(RaftGroupId.valueOf(id)), List.of()));
    }

    /** The group id (identical on every member). */
    public UUID groupId() {
        return groupId.getUuid();
    }

    @Override
    public Optional<Entry> get(String key) {
        return node.stateMachine().state().read(kv -> kv.get(key));
    }

    @Override
    public List<String> list(String prefix) {
        return node.stateMachine().state().read(kv -> kv.list(prefix));
    }

    @Override
    public List<String> keys(String prefix) {
        return node.stateMachine().state().read(kv -> kv.keys(prefix));
    }

    @Override
    public CompletableFuture<TxnResult> txn(Txn txn) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new StorageException("storage is closed"));
        }
        return bounded(committer.submit(txn), "transaction", UNCOMMITTED);
    }

    @Override
    public CompletableFuture<Void> readBarrier() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new StorageException("storage is closed"));
        }
        // A per-caller stage: coalesced callers share one round but each gets its own timeout.
        return bounded(barrier.request().thenApply(v -> v), "read barrier", "");
    }

    /**
     * One ReadIndex round served by this node: done when it applied the leader's commit index. A round that
     * fails while no leader is ready (just after start-up or an election) is retried every 20 ms until the
     * request timeout, so a read right after a restart waits for the election instead of failing.
     */
    private CompletableFuture<?> readIndexRound() {
        long deadline = System.nanoTime() + cfg.requestTimeout().toNanos();
        CompletableFuture<Object> result = new CompletableFuture<>();
        attemptRound(result, deadline);
        return result;
    }

    private void attemptRound(CompletableFuture<Object> result, long deadline) {
        node.client().async().sendReadOnlyUnordered(Message.EMPTY, node.division().getId())
                .orTimeout(cfg.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
                .whenComplete((reply, error) -> {
                    Throwable failure = error != null ? error : reply.isSuccess() ? null : reply.getException();
                    if (failure == null) {
                        result.complete(reply);
                    } else if (closed.get() || System.nanoTime() + RETRY_NANOS >= deadline) {
                        result.completeExceptionally(failure);
                    } else {
                        CompletableFuture.delayedExecutor(RETRY_NANOS, TimeUnit.NANOSECONDS)
                                .execute(() -> attemptRound(result, deadline));
                    }
                });
    }

    /**
     * Fails {@code inner} with StorageException after the request timeout; translates its failures too. The Raft
     * client gives up at the same deadline (RaftRetryFailureException), so either way ends in the same message.
     */
    private <T> CompletableFuture<T> bounded(CompletableFuture<T> inner, String what, String outcome) {
        long timeoutMs = cfg.requestTimeout().toMillis();
        inner.orTimeout(timeoutMs, TimeUnit.MILLISECONDS);
        CompletableFuture<T> outer = new CompletableFuture<>();
        inner.whenComplete((value, error) -> {
            if (error == null) {
                outer.complete(value);
            } else if (error instanceof TimeoutException || gaveUp(error)) {
                outer.completeExceptionally(new StorageException(
                        what + " not acknowledged within " + timeoutMs + " ms (no quorum or no leader)" + outcome));
            } else if (error instanceof IllegalArgumentException) {
                outer.completeExceptionally(new StorageException("invalid " + what + ": " + error.getMessage()));
            } else {
                outer.completeExceptionally(GroupCommitter.storageException(error));
            }
        });
        return outer;
    }

    private static boolean gaveUp(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RaftRetryFailureException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public StorageStatus status() {
        RaftServer.Division d = node.division();
        RaftPeerId leader = d.getInfo().getLeaderId();
        RaftConfiguration conf = d.getRaftConf();
        List<StorageStatus.Peer> peers = new ArrayList<>();
        addPeers(peers, conf.getCurrentPeers(), true);
        addPeers(peers, conf.getCurrentPeers(RaftPeerRole.LISTENER), false);
        peers.sort(Comparator.comparing(StorageStatus.Peer::id));
        return new StorageStatus(cfg.nodeId(), d.getInfo().isLeader(), leader == null ? "" : leader.toString(),
                d.getInfo().getCurrentTerm(), d.getRaftLog().getLastCommittedIndex(),
                node.stateMachine().appliedIndex(), List.copyOf(peers));
    }

    private static void addPeers(List<StorageStatus.Peer> out, Collection<RaftPeer> peers, boolean voter) {
        peers.forEach(p -> out.add(new StorageStatus.Peer(p.getId().toString(), p.getAddress(), voter)));
    }

    /** Adds a voter (Ratis setConfiguration, sent to the leader); completes when the new configuration commits. */
    public CompletableFuture<Void> addPeer(String id, String address) {
        return admin.addPeer(id, address);
    }

    /** Removes a peer from the configuration. */
    public CompletableFuture<Void> removePeer(String id) {
        return admin.removePeer(id);
    }

    /** Hands leadership to {@code toId}; with null the leader just steps down and an election follows. */
    public CompletableFuture<Void> transferLeadership(String toId) {
        return admin.transferLeadership(toId);
    }

    /**
     * Registers {@code listener}: it hears the current state at once, then true/false each time this node gains or
     * loses leadership, in order, on a storage thread (it must not block).
     */
    public void addLeaderListener(Consumer<Boolean> listener) {
        node.leadership().add(listener);
    }

    /**
     * Registers {@code listener}: it hears the log index each time this node's data is replaced wholesale — a
     * restore ({@link #restore}) committed here, or a snapshot installed from the leader — in order, on a storage
     * thread (it must not block for long).
     */
    public void addStateListener(LongConsumer listener) {
        node.replaced().add(listener);
    }

    /**
     * A consistent read-only copy of the data at this node's current applied index, taken while writes continue
     * (a RocksDB checkpoint in {@link #scratchDir()}); the caller must close it.
     */
    public SnapshotExport openExport() {
        RaftServer.Division d = node.division();
        List<StorageStatus.Peer> peers = status().peers();
        Path dir = cfg.scratchDir().resolve("export-" + UUID.randomUUID());
        try {
            return SnapshotExport.create(node.stateMachine().state(), dir, peers, d.getRaftConf().getLogEntryIndex());
        } catch (IOException e) {
            throw new StorageException("cannot copy the state for a snapshot", e);
        }
    }

    /**
     * Replaces the whole replicated data set with the records of {@code source}, through the Raft log (see
     * {@link RestoreCommand}), so that every member ends with the same data; writes applied meanwhile are
     * replaced too. Blocks until the commit is applied on this node and returns its log index. On failure
     * (IOException from the source, StorageException from Raft) the data is unchanged.
     */
    public long restore(RecordSource source) throws IOException {
        if (closed.get()) {
            throw new StorageException("storage is closed");
        }
        Duration step = cfg.requestTimeout().multipliedBy(4).compareTo(Duration.ofSeconds(30)) > 0
                ? cfg.requestTimeout().multipliedBy(4) : Duration.ofSeconds(30);
        // A chunk must fit well inside a log segment.
        int chunk = (int) Math.min(StateRestore.CHUNK_BYTES, cfg.logSegmentBytes() / 4);
        return new StateRestore(node::send, node.stateMachine()::whenApplied, step, chunk).run(source);
    }

    /** Scratch space on the data file system for exports and uploads; emptied when the node starts. */
    public Path scratchDir() {
        return cfg.scratchDir();
    }

    /**
     * Stops the Raft server and closes RocksDB (bounded). Idempotent; pending calls fail with StorageException and
     * leader listeners hear false.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        committer.close();
        node.leadership().accept(false);
        node.close();
        LOG.info("storage of node {} closed", cfg.nodeId());
    }

    KvStateMachine stateMachine() {
        return node.stateMachine();
    }

    RaftNodeRuntime runtime() {
        return node;
    }

    RaftServer.Division division() {
        return node.division();
    }

    long entriesSent() {
        return committer.entriesSent();
    }

    /** The group id from the layout {@code <dataDir>/raft/<group-uuid>/current}. */
    static Optional<UUID> findGroupId(Path dataDir) {
        Path raftDir = RaftNodeConfig.raftDir(dataDir);
        if (!Files.isDirectory(raftDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(raftDir)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("current")))
                    .map(d -> parseUuid(d.getFileName().toString())).flatMap(Optional::stream).findFirst();
        } catch (IOException e) {
            throw new StorageException("cannot read " + raftDir, e);
        }
    }

    private static Optional<UUID> parseUuid(String name) {
        try {
            return Optional.of(UUID.fromString(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
