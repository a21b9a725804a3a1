package io.coffer.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Futures waiting for this node's applied index to reach a log index. {@link #advance} is called by the apply
 * thread after each write; futures are completed outside the lock, on the apply thread, so waiters must continue
 * asynchronously (thenRunAsync) and never block. Thread-safe.
 */
final class AppliedIndexWaiters {

    private final TreeMap<Long, List<CompletableFuture<Void>>> waiting = new TreeMap<>();
    private long applied = -1;
    private StorageException failure;

    /** A future completing once the applied index is at least {@code index}. */
    CompletableFuture<Void> whenApplied(long index) {
        synchronized (this) {
            if (failure != null) {
                return CompletableFuture.failedFuture(failure);
            }
            if (index <= applied) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            waiting.computeIfAbsent(index, i -> new ArrayList<>()).add(f);
            return f;
        }
    }

    /** Raises the applied index (never lowers it) and releases every waiter at or below it. */
    void advance(long index) {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        synchronized (this) {
            if (index <= applied) {
                return;
            }
            applied = index;
            Map<Long, List<CompletableFuture<Void>>> head = waiting.headMap(index, true);
            head.values().forEach(ready::addAll);
            head.clear();
        }
        ready.forEach(f -> f.complete(null));
    }

    synchronized long applied() {
        return applied;
    }

    /** Fails every current and future waiter (the state machine is closing). */
    void failAll(StorageException e) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        synchronized (this) {
            failure = e;
            waiting.values().forEach(all::addAll);
            waiting.clear();
        }
        all.forEach(f -> f.completeExceptionally(e));
    }
}
