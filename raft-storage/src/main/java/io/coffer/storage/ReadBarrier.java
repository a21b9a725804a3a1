package io.coffer.storage;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Coalesces concurrent linearizable read barriers. At most one Ratis ReadIndex round is in flight; callers arriving
 * while it runs join the single next round, which starts when the current one ends (joining the current round
 * would be wrong: its read index may predate their call). Thread-safe.
 */
final class ReadBarrier {

    private final Supplier<CompletableFuture<?>> round;
    private boolean running;
    private CompletableFuture<Void> next;

    /** @param round starts one ReadIndex round: completes once this node applied up to the leader's commit index */
    ReadBarrier(Supplier<CompletableFuture<?>> round) {
        this.round = round;
    }

    CompletableFuture<Void> request() {
        CompletableFuture<Void> caller;
        synchronized (this) {
            if (running) {
                if (next == null) {
                    next = new CompletableFuture<>();
                }
                return next;
            }
            running = true;
            caller = new CompletableFuture<>();
        }
        start(caller);
        return caller;
    }

    private void start(CompletableFuture<Void> callers) {
        CompletableFuture<?> r;
        try {
            r = round.get();
        } catch (RuntimeException e) {
            r = CompletableFuture.failedFuture(e);
        }
        r.whenComplete((ignored, error) -> {
            CompletableFuture<Void> waiting;
            synchronized (this) {
                waiting = next;
                next = null;
                running = waiting != null;
            }
            if (error != null) {
                callers.completeExceptionally(error);
            } else {
                callers.complete(null);
            }
            if (waiting != null) {
                start(waiting);
            }
        });
    }
}
