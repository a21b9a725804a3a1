package io.coffer.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans out "this node's data was replaced wholesale" events: a replicated restore committed here, or a snapshot
 * from the leader was installed. Listeners hear the log index the data now reflects, in order, on the single
 * callback executor (never the apply thread); they must not block for long.
 */
final class StateListeners implements LongConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(StateListeners.class);

    private final Executor executor;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    StateListeners(Executor executor) {
        this.executor = executor;
    }

    /** Called on the apply thread after the data was replaced; returns at once. */
    @Override
    public void accept(long index) {
        executor.execute(() -> listeners.forEach(l -> notify(l, index)));
    }

    void add(LongConsumer listener) {
        listeners.add(listener);
    }

    private static void notify(LongConsumer listener, long index) {
        try {
            listener.accept(index);
        } catch (RuntimeException e) {
            LOG.error("state listener failed", e);
        }
    }
}
