package io.coffer.api.snapshot;

import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.SnapshotExport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader duty behind automated snapshots: started when this node becomes Raft leader, stopped when it stops
 * being one ({@link #leadership}). While it runs and the node is unsealed, it checks every configuration each
 * {@value #TICK_MILLIS} ms and, when one is due, writes {@code <path_prefix>/<file_prefix>-<UTC timestamp>.snap}
 * (through a {@code .tmp} file and a rename), enforces {@code local_max_space}, deletes the oldest files beyond
 * {@code retain}, and records the outcome in the replicated status. One snapshot at a time, on its own thread.
 */
final class AutoSnapshots implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoSnapshots.class);
    static final long TICK_MILLIS = 250;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String STAMP_PATTERN = "\\d{8}T\\d{9}Z";

    private final StorageHost host;
    private final SealManager seal;
    private final AutoSnapshotStore store;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "auto-snapshots");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> duty;

    AutoSnapshots(StorageHost host, SealManager seal, AutoSnapshotStore store, Clock clock) {
        this.host = host;
        this.seal = seal;
        this.store = store;
        this.clock = clock;
    }

    /** Raft leadership listener: starts the duty on gain, stops it on loss. */
    synchronized void leadership(boolean leader) {
        if (leader && duty == null && !timer.isShutdown()) {
            duty = timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
            LOG.info("automated snapshots run on this node (Raft leader)");
        } else if (!leader && duty != null) {
            duty.cancel(false);
            duty = null;
        }
    }

    @Override
    public synchronized void close() {
        leadership(false);
        timer.shutdownNow();
    }

    private void tick() {
        try {
            RaftStorage raft = host.raft();
            if (raft == null || seal.sealed() || !raft.status().leader()) {
                return;
            }
            for (String name : store.names()) {
                store.config(name).ifPresent(config -> runIfDue(raft, name, config));
            }
        } catch (RuntimeException e) {
            LOG.warn("automated snapshots: {}", e.toString());
        }
    }

    private void runIfDue(RaftStorage raft, String name, AutoSnapshotConfig config) {
        Instant now = clock.instant();
        AutoSnapshotStatus status = store.status(name).orElse(null);
        if (status == null || status.nextSnapshotStart() == null) {
            store.putStatus(name, AutoSnapshotStatus.scheduled(now.plusSeconds(config.intervalSeconds())));
            return;
        }
        if (now.isBefore(status.nextSnapshotStart())) {
            return;
        }
        Path dir = Path.of(config.pathPrefix());
        Path target = dir.resolve(config.filePrefix() + "-" + STAMP.format(now) + ".snap");
        AutoSnapshotStatus started = status.started(now, target.toUri().toString());
        store.putStatus(name, started);
        try {
            write(raft, target, now);
            enforceSpace(config, dir, target);
            rotate(config, dir);
            Instant end = clock.instant();
            store.putStatus(name, started.succeeded(end, next(now, end, config)));
            LOG.info("automated snapshot {} written to {}", name, target);
        } catch (IOException | RuntimeException e) {
            Instant end = clock.instant();
            LOG.warn("automated snapshot {} failed: {}", name, e.toString());
            store.putStatus(name, started.failed(end, String.valueOf(e.getMessage()), next(now, end, config)));
        }
    }

    private static Instant next(Instant start, Instant end, AutoSnapshotConfig config) {
        Instant next = start.plusSeconds(config.intervalSeconds());
        return next.isBefore(end) ? end : next;
    }

    private void write(RaftStorage raft, Path target, Instant now) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        byte[] key = seal.unsealKey();
        try (SnapshotExport export = raft.openExport();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 64 << 10)) {
            SnapshotArchive.write(export, key, out, now.toEpochMilli(), "automated snapshot " + target.getFileName());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Fails (removing the new file) when this configuration's files exceed {@code local_max_space}. */
    private static void enforceSpace(AutoSnapshotConfig config, Path dir, Path written) throws IOException {
        if (config.localMaxSpace() <= 0) {
            return;
        }
        long used = 0;
        for (Path file : files(config, dir)) {
            used += Files.size(file);
        }
        if (used > config.localMaxSpace()) {
            Files.deleteIfExists(written);
            throw new IOException("not enough space: snapshots would use " + used + " bytes, local_max_space is "
                    + config.localMaxSpace());
        }
    }

    /** Deletes the oldest snapshot files of this configuration beyond {@code retain}. */
    private static void rotate(AutoSnapshotConfig config, Path dir) throws IOException {
        List<Path> files = files(config, dir);
        for (Path old : files.subList(0, Math.max(0, files.size() - config.retain()))) {
            Files.deleteIfExists(old);
            LOG.info("automated snapshot {} deleted (retain {})", old.getFileName(), config.retain());
        }
    }

    /** This configuration's snapshot files, oldest first (the UTC timestamps sort as text). */
    static List<Path> files(AutoSnapshotConfig config, Path dir) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(config.filePrefix() + "-") + STAMP_PATTERN + "\\.snap");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> name.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }
}
