package io.coffer.api.snapshot;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs how far a long save or restore got (bytes, entries) at most every few seconds. One thread only. */
final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String what;
    private final long start = System.nanoTime();
    private long lastLog = start;
    private long bytes;
    private long entries;

    Progress(String what) {
        this.what = what;
    }

    /** Counts {@code moreBytes} and {@code moreEntries}; logs when the last line is old enough. */
    void add(long moreBytes, long moreEntries) {
        bytes += moreBytes;
        entries += moreEntries;
        long now = System.nanoTime();
        if (now - lastLog >= EVERY_NANOS) {
            lastLog = now;
            LOG.info("{}: {} bytes, {} entries so far ({} s)", what, bytes, entries,
                    TimeUnit.NANOSECONDS.toSeconds(now - start));
        }
    }

    /** Logs the totals with {@code outcome}. */
    void done(String outcome) {
        LOG.info("{} {}: {} bytes, {} entries in {} ms", what, outcome, bytes, entries,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    long bytes() {
        return bytes;
    }

    long entries() {
        return entries;
    }
}
