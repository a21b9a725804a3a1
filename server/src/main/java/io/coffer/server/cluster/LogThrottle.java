package io.coffer.server.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the first occurrence of a message key through, then at most one per interval, counting what it held back.
 * Ratis redials a refusing peer every few hundred milliseconds, so an unthrottled handshake log would flood.
 * Thread-safe; keys are forgotten wholesale past {@link #MAX_KEYS} (a port scan from many addresses stays bounded).
 */
final class LogThrottle {

    static final int MAX_KEYS = 1024;

    private final Clock clock;
    private final long intervalMillis;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    LogThrottle(Clock clock, Duration interval) {
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /**
     * Whether to log an occurrence of {@code key} now: -1 means no, otherwise the number of occurrences suppressed
     * since the last one logged.
     */
    long admit(String key) {
        if (windows.size() >= MAX_KEYS && !windows.containsKey(key)) {
            windows.clear();
        }
        long now = clock.millis();
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.loggedAt >= 0 && now - w.loggedAt < intervalMillis) {
                w.suppressed++;
                return -1;
            }
            long held = w.suppressed;
            w.loggedAt = now;
            w.suppressed = 0;
            return held;
        }
    }

    /** " (N more in the last Ts)" for a positive count, else empty. */
    String suffix(long suppressed) {
        return suppressed > 0 ? " (" + suppressed + " more since the last report, at most one report per "
                + intervalMillis / 1000 + " s)" : "";
    }

    private static final class Window {
        private long loggedAt = -1;
        private long suppressed;
    }
}
