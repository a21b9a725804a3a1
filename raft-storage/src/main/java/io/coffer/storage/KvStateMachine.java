package io.coffer.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis state machine: each log entry is a batch of {@link Txn}s ({@link TxnCodec}) or one step of a replicated
 * restore ({@link RestoreCommand}), applied to RocksDB through {@link KvState}, synchronously on Ratis' single
 * apply thread, so the applied index only ever moves forward in log order (configuration entries arrive through
 * {@link #notifyTermIndexUpdated} on the same thread). A committed restore and an installed snapshot are reported
 * to the "data replaced" listener.
 *
 * <p>Failure policy: a failed condition is a result in the reply; a malformed entry or a RocksDB write error is
 * corruption and is thrown, which stops this Raft server rather than letting replicas diverge. Malformed commands
 * are refused before they enter the log, in {@link #startTransaction}.
 */
final class KvStateMachine extends BaseStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(KvStateMachine.class);

    private final SnapshotStore snapshots;
    private final KvState state;
    private final AppliedIndexWaiters waiters = new AppliedIndexWaiters();
    private final Consumer<Boolean> leadership;
    private final LongConsumer replaced;
    private final AtomicLong entriesApplied = new AtomicLong();
    private final AtomicLong snapshotsLoaded = new AtomicLong();

    /**
     * @param leadership told true/false when this node gains/loses leadership; called on Ratis threads, must not
     *                   block
     * @param replaced   told the log index after the data was replaced wholesale (restore committed, snapshot
     *                   installed); called on the apply thread, must return at once
     */
    KvStateMachine(Path kvDir, Path brokenSnapshotDir, Consumer<Boolean> leadership, LongConsumer replaced) {
        this.snapshots = new SnapshotStore(brokenSnapshotDir);
        this.state = new KvState(kvDir, snapshots);
        this.leadership = leadership;
        this.replaced = replaced;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId,
                           org.apache.ratis.server.storage.RaftStorage raftStorage) throws IOException {
        super.initialize(server, groupId, raftStorage);
        snapshots.init(raftStorage);
        getLifeCycle().startAndTransition(this::load, IOException.class);
    }

    /** Called by Ratis after a snapshot from the leader replaced the state machine folder (state PAUSED). */
    @Override
    public void reinitialize() throws IOException {
        if (getLifeCycleState() == LifeCycle.State.PAUSED) {
            getLifeCycle().transition(LifeCycle.State.STARTING);
            load();
            snapshotsLoaded.incrementAndGet();
            getLifeCycle().transition(LifeCycle.State.RUNNING);
            replaced.accept(appliedIndex());
        } else {
            load();
        }
    }

    /** Ratis pauses before each chunk of a snapshot install; only the first call changes state. */
    @Override
    public void pause() {
        if (getLifeCycle().compareAndTransition(LifeCycle.State.RUNNING, LifeCycle.State.PAUSING)) {
            getLifeCycle().transition(LifeCycle.State.PAUSED);
        }
    }

    private void load() throws IOException {
        TermIndex applied = state.load();
        if (applied != null) {
            setLastAppliedTermIndex(applied);
            waiters.advance(applied.getIndex());
        }
    }

    @Override
    public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
        TransactionContext.Builder builder = TransactionContext.newBuilder().setStateMachine(this)
                .setClientRequest(request);
        try {
            ByteBuffer data = request.getMessage().getContent().asReadOnlyByteBuffer();
            Object decoded = RestoreCommand.isRestore(data) ? RestoreCommand.decode(data) : TxnCodec.decodeEntry(data);
            return builder.setStateMachineContext(decoded).build();
        } catch (IllegalArgumentException e) {
            TransactionContext refused = builder.build();
            refused.setException(new StateMachineException("malformed command refused: " + e.getMessage()));
            return refused;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
        LogEntryProto entry = trx.getLogEntry();
        long index = entry.getIndex();
        if (index <= state.persistedIndex()) {
            return CompletableFuture.completedFuture(Message.EMPTY);
        }
        Object decoded = trx.getStateMachineContext();
        if (!(decoded instanceof List<?>) && !(decoded instanceof RestoreCommand)) {
            decoded = decode(entry);
        }
        boolean[] results;
        try {
            if (decoded instanceof RestoreCommand restore) {
                results = applyRestore(entry.getTerm(), index, restore);
            } else {
                results = state.apply(entry.getTerm(), index, (List<Txn>) decoded);
            }
        } catch (IOException e) {
            LOG.error("cannot apply log entry {}; stopping this Raft server", index, e);
            throw new IllegalStateException("apply failed at index " + index, e);
        }
        updateLastAppliedTermIndex(entry.getTerm(), index);
        entriesApplied.incrementAndGet();
        waiters.advance(index);
        if (results == null) {
            return CompletableFuture.completedFuture(Message.EMPTY);
        }
        byte[] reply = TxnCodec.encodeReply(index, results);
        return CompletableFuture.completedFuture(Message.valueOf(UnsafeByteOperations.unsafeWrap(reply)));
    }

    private static Object decode(LogEntryProto entry) {
        ByteBuffer data = entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer();
        try {
            return RestoreCommand.isRestore(data) ? RestoreCommand.decode(data) : TxnCodec.decodeEntry(data);
        } catch (IllegalArgumentException e) {
            LOG.error("log entry {} is corrupt; stopping this Raft server", entry.getIndex(), e);
            throw new IllegalStateException("corrupt log entry at index " + entry.getIndex(), e);
        }
    }

    private boolean[] applyRestore(long term, long index, RestoreCommand restore) throws IOException {
        Boolean done = state.applyRestore(term, index, restore);
        if (done == null) {
            return null;
        }
        if (done && restore.kind() == RestoreCommand.Kind.COMMIT) {
            replaced.accept(index);
        }
        return new boolean[] {done};
    }

    /** Configuration and leader no-op entries; during replay these may lie below what RocksDB already holds. */
    @Override
    public void notifyTermIndexUpdated(long term, long index) {
        TermIndex current = getLastAppliedTermIndex();
        if (current == null || index > current.getIndex()) {
            updateLastAppliedTermIndex(term, index);
            waiters.advance(index);
        }
    }

    /** Read barrier: Ratis has already waited for the read index to be applied here; nothing to compute. */
    @Override
    public CompletableFuture<Message> query(Message request) {
        return CompletableFuture.completedFuture(Message.EMPTY);
    }

    @Override
    public long takeSnapshot() throws IOException {
        TermIndex applied = getLastAppliedTermIndex();
        if (applied == null || applied.getIndex() < 0) {
            return RaftLog.INVALID_LOG_INDEX;
        }
        long index = state.snapshot(applied);
        LOG.info("snapshot at index {}", index);
        return index;
    }

    @Override
    public SnapshotInfo getLatestSnapshot() {
        return snapshots.getLatestSnapshot();
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return snapshots;
    }

    @Override
    public void notifyLeaderChanged(RaftGroupMemberId memberId, RaftPeerId newLeaderId) {
        leadership.accept(memberId.getPeerId().equals(newLeaderId));
    }

    @Override
    public void close() {
        waiters.failAll(new StorageException("storage is closed"));
        state.close();
        getLifeCycle().checkStateAndClose();
    }

    /** Completes once this node has applied at least {@code index}. */
    CompletableFuture<Void> whenApplied(long index) {
        return waiters.whenApplied(index);
    }

    /** Highest log index applied on this node (data or configuration entry). */
    long appliedIndex() {
        return waiters.applied();
    }

    KvState state() {
        return state;
    }

    long entriesApplied() {
        return entriesApplied.get();
    }

    /** How many snapshots from the leader this node has loaded since start. */
    long snapshotsInstalled() {
        return snapshotsLoaded.get();
    }
}
