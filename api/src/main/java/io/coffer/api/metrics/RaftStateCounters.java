package io.coffer.api.metrics;

import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Vault's {@code vault.raft.state.leader} and {@code vault.raft.state.follower} counters: how many times this node
 * became leader or follower, counted from the Raft leadership events of this node's storage. The storage appears
 * late (at init or join), so {@link #attach} is called at every scrape and request; the first event is the state at
 * attach time. Ratis does not report candidacy to Coffer, so {@code vault.raft.state.candidate} is not emitted.
 */
final class RaftStateCounters {

    private final MetricSink sink;
    private volatile Storage attached;

    RaftStateCounters(MetricSink sink) {
        this.sink = sink;
    }

    /** Starts counting on {@code storage} when it is a Raft storage not seen before; cheap otherwise. */
    void attach(Storage storage) {
        if (storage == attached || !(storage instanceof RaftStorage)) {
            return;
        }
        synchronized (this) {
            if (storage == attached) {
                return;
            }
            attached = storage;
        }
        // Count the state at attach time at once (a scrape right after unseal must see it), then only changes:
        // the listener's first callback repeats the current state from another thread.
        AtomicReference<Boolean> last = new AtomicReference<>();
        Consumer<Boolean> count = leader -> {
            if (!leader.equals(last.getAndSet(leader))) {
                sink.incrCounter(leader ? "raft.state.leader" : "raft.state.follower", 1);
            }
        };
        count.accept(storage.status().leader());
        ((RaftStorage) storage).addLeaderListener(count);
    }
}
