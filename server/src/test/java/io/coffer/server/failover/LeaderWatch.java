package io.coffer.server.failover;

import io.coffer.server.testing.VaultHttp;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Polls {@code sys/health} of the surviving nodes every 20 ms from its own thread and remembers when one of them
 * first answered 200: an unsealed survivor became the Raft leader, i.e. Vault's active node.
 */
final class LeaderWatch {

    private static final long POLL_MILLIS = 20;
    private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(500);

    private final List<VaultHttp> survivors;
    private final Thread thread;
    private volatile long activeAt;
    private volatile boolean running = true;

    LeaderWatch(List<VaultHttp> survivors) {
        this.survivors = List.copyOf(survivors);
        this.thread = new Thread(this::run, "leader-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** When (nanoTime) a survivor first answered 200, if one did. */
    OptionalLong activeAt() {
        long at = activeAt;
        return at == 0 ? OptionalLong.empty() : OptionalLong.of(at);
    }

    void stop() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running && activeAt == 0) {
            for (VaultHttp http : survivors) {
                try {
                    if (http.send("GET", "sys/health", null, null, HEALTH_TIMEOUT).status() == 200) {
                        activeAt = System.nanoTime();
                        return;
                    }
                } catch (IllegalStateException noAnswer) {
                    // a survivor busy electing may time out; poll again
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
