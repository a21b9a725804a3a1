package io.coffer.api.metrics;

import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;

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
        ((RaftStorage) storage).addLeaderListener(
                leader -> sink.incrCounter(leader ? "raft.state.leader" : "raft.state.follower", 1));
    }
}
