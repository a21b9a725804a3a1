package io.coffer.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady write loop: one KV v2 write every {@code interval}, each with a per-request timeout; a failed or
 * timed-out write moves to the next target address and is retried (same key, same value) until acknowledged.
 * Every attempt is recorded, so failover gaps and latencies can be measured afterwards.
 */
final class WriteLoop implements Runnable {

    /** One attempt: when it started and ended (nanoTime), whether it was acknowledged, and its key. */
    record Attempt(long startNanos, long endNanos, boolean acked, String key) {
    }

    private final VaultClient http;
    private final List<String> targets;
    private final String mount;
    private final String prefix;
    private final Duration interval;
    private final Duration timeout;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private int target;

    WriteLoop(VaultClient http, List<String> targets, String mount, String prefix, Duration interval,
              Duration timeout) {
        this.http = http;
        this.targets = targets;
        this.mount = mount;
        this.prefix = prefix;
        this.interval = interval;
        this.timeout = timeout;
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        long seq = 0;
        while (running.get()) {
            String key = prefix + "/" + seq++;
            writeUntilAcked(key);
            next += interval.toNanos();
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void writeUntilAcked(String key) {
        String body = "{\"data\":{\"seq\":\"" + key + "\"}}";
        while (running.get()) {
            String url = targets.get(target) + "/v1/" + mount + "/data/" + key;
            long t0 = System.nanoTime();
            VaultClient.Result r = http.send("PUT", url, body, timeout);
            long t1 = System.nanoTime();
            attempts.add(new Attempt(t0, t1, r.ok(), key));
            if (r.ok()) {
                acknowledged.add(key);
                return;
            }
            target = (target + 1) % targets.size();
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    void stop() {
        running.set(false);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }
}
