package io.coffer.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans out leadership changes of this node. Ratis reports every leader change; listeners hear only flips of
 * "this node is leader", in order, on the single callback executor. A new listener first hears the current state.
 */
final class LeadershipListeners implements Consumer<Boolean> {

    private static final Logger LOG = LoggerFactory.getLogger(LeadershipListeners.class);

    private final Executor executor;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
    private boolean leader;

    LeadershipListeners(Executor executor) {
        this.executor = executor;
    }

    /** Called by Ratis on each leader change; true when this node is the new leader. */
    @Override
    public synchronized void accept(Boolean isLeader) {
        if (isLeader == leader) {
            return;
        }
        leader = isLeader;
        LOG.info("this node {} leadership", isLeader ? "gained" : "lost");
        executor.execute(() -> listeners.forEach(l -> notify(l, isLeader)));
    }

    synchronized void add(Consumer<Boolean> listener) {
        listeners.add(listener);
        boolean now = leader;
        executor.execute(() -> notify(listener, now));
    }

    private static void notify(Consumer<Boolean> listener, boolean isLeader) {
        try {
            listener.accept(isLeader);
        } catch (RuntimeException e) {
            LOG.error("leadership listener failed", e);
        }
    }
}
