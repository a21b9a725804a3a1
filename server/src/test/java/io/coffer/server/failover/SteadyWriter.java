package io.coffer.server.failover;

import io.coffer.server.testing.Secrets;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that writes one new secret every {@link #PERIOD} through one node, as an application behind a load
 * balancer would: each request has a short timeout, and on any failure (refused connection, timeout, non-200) the
 * next write goes to the next node. Records every acknowledged (200) write with when it was issued and acknowledged.
 * Runs on its own thread between {@link #start} and {@link #stop}.
 */
final class SteadyWriter {

    static final Duration PERIOD = Duration.ofMillis(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    /** One acknowledged write; times from {@link System#nanoTime()}. */
    record Ack(String name, String value, long issuedNanos, long ackedNanos, int node) {
    }

    private final List<VaultHttp> nodes;
    private final String prefix;
    private final List<Ack> acks = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private int current;
    private int sequence;

    /** {@code nodes.get(i)} is node {@code i + 1}; writing starts on node {@code first}. */
    SteadyWriter(List<VaultHttp> nodes, String prefix, int first) {
        this.nodes = List.copyOf(nodes);
        this.prefix = prefix;
        this.current = first - 1;
        this.thread = new Thread(this::run, "steady-writer-" + prefix);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops writing and waits (bounded) for the request in flight. */
    void stop() {
        running = false;
        try {
            thread.join(REQUEST_TIMEOUT.multipliedBy(4).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("the writer did not stop");
        }
    }

    /** Acknowledged writes so far, name to value. */
    synchronized Map<String, String> acknowledged() {
        Map<String, String> out = new LinkedHashMap<>();
        acks.forEach(a -> out.put(a.name(), a.value()));
        return out;
    }

    synchronized int ackCount() {
        return acks.size();
    }

    int failures() {
        return failures.get();
    }

    /** The first write issued at or after {@code nanos} that was acknowledged. */
    synchronized Optional<Ack> firstIssuedAfter(long nanos) {
        return acks.stream().filter(a -> a.issuedNanos() >= nanos).findFirst();
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            write();
            next += PERIOD.toNanos();
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                pause(sleep);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void write() {
        String name = prefix + "/w" + sequence;
        String value = "v" + sequence++;
        int node = current;
        long issued = System.nanoTime();
        try {
            Reply reply = Secrets.put(nodes.get(node), name, value, REQUEST_TIMEOUT);
            if (reply.status() == 200) {
                synchronized (this) {
                    acks.add(new Ack(name, value, issued, System.nanoTime(), node + 1));
                }
                return;
            }
        } catch (IllegalStateException refusedOrTimedOut) {
            // counted below
        }
        failures.incrementAndGet();
        current = (node + 1) % nodes.size();
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
