package io.coffer.api.snapshot;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.core.HaState;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.SnapshotExport;
import io.coffer.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sys/storage/raft/snapshot} (GET: save, POST/PUT: restore) and {@code sys/storage/raft/snapshot-force}
 * (vault-api.md §3.6). Save streams the archive of a consistent copy while writes continue. Restore spools the
 * upload to a file in the storage scratch space, verifies it completely, then replaces the data through the Raft
 * log on every node and answers 204 once the commit is applied here. Both answer 307 to the active node on a
 * standby. One restore at a time.
 */
final class SnapshotEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotEndpoints.class);
    static final String SNAPSHOT = "sys/storage/raft/snapshot";
    static final String SNAPSHOT_FORCE = "sys/storage/raft/snapshot-force";

    private final StorageHost host;
    private final SealManager seal;
    private final HaState ha;
    private final Supplier<Optional<NodeIdentity>> leader;
    private final RestoreWatcher watcher;
    private final Runnable watch;
    private final Clock clock;
    private final ReentrantLock restoring = new ReentrantLock();

    SnapshotEndpoints(StorageHost host, SealManager seal, HaState ha, Supplier<Optional<NodeIdentity>> leader,
                      RestoreWatcher watcher, Runnable watch, Clock clock) {
        this.host = host;
        this.seal = seal;
        this.ha = ha;
        this.leader = leader;
        this.watcher = watcher;
        this.watch = watch;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.on(SNAPSHOT, this::save, Operation.READ);
        routes.onWrite(SNAPSHOT, call -> restore(call, false));
        routes.onWrite(SNAPSHOT_FORCE, call -> restore(call, true));
    }

    private ApiResponse save(Call call) {
        RaftStorage raft = raft();
        Optional<ApiResponse> redirect = redirectIfStandby(call.request());
        if (redirect.isPresent()) {
            return redirect.get();
        }
        byte[] key = seal.unsealKey();
        return ApiResponse.stream(200, "application/gzip", out -> writeSnapshot(raft, key, out))
                .withHeader("Content-Disposition", "attachment");
    }

    private void writeSnapshot(RaftStorage raft, byte[] key, OutputStream out) throws IOException {
        try (SnapshotExport export = raft.openExport()) {
            SnapshotArchive.write(export, key, out, clock.millis(), "snapshot save at index " + export.index());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private ApiResponse restore(Call call, boolean force) {
        RaftStorage raft = raft();
        Optional<ApiResponse> redirect = redirectIfStandby(call.request());
        if (redirect.isPresent()) {
            return redirect.get();
        }
        watch.run();
        byte[] key = seal.unsealKey();
        if (!restoring.tryLock()) {
            throw ApiException.of(503, "another snapshot restore is in progress");
        }
        Path upload = raft.scratchDir().resolve("upload-" + UUID.randomUUID() + ".snap");
        try {
            spool(call.request(), upload);
            SnapshotVerifier.Verified verified = SnapshotVerifier.verify(upload, force ? null : key);
            LOG.info("snapshot verified{}: {} entries, {} bytes of state; restoring through the log",
                    force ? " (forced: sealed hashes not checked)" : "", verified.entries(), verified.stateBytes());
            long index = replace(raft, upload, verified);
            watcher.replaced(index);
            return ApiResponse.noContent();
        } finally {
            Arrays.fill(key, (byte) 0);
            deleteQuietly(upload);
            restoring.unlock();
        }
    }

    private static long replace(RaftStorage raft, Path upload, SnapshotVerifier.Verified verified) {
        try (SnapshotVerifier.StateSource source = SnapshotVerifier.records(upload, verified.stateSha())) {
            return raft.restore(source);
        } catch (IOException | StorageException e) {
            LOG.error("snapshot restore failed; the data is unchanged", e);
            throw ApiException.internal("failed to restore the snapshot: " + e.getMessage());
        }
    }

    /** Copies the upload to {@code target}, streaming when the HTTP layer streams it. */
    private static void spool(ApiRequest request, Path target) {
        Progress progress = new Progress("snapshot upload");
        try (InputStream in = request.bodyStream() != null ? request.bodyStream()
                : new ByteArrayInputStream(request.body());
             OutputStream out = Files.newOutputStream(Files.createDirectories(target.getParent())
                     .resolve(target.getFileName()))) {
            byte[] buffer = new byte[64 << 10];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                progress.add(n, 0);
            }
        } catch (IOException e) {
            throw ApiException.badRequest("failed to read the snapshot: " + e.getMessage());
        }
        progress.done("received");
    }

    private RaftStorage raft() {
        RaftStorage raft = host.raft();
        if (raft == null) {
            throw ApiException.badRequest("raft storage is not in use");
        }
        return raft;
    }

    /** Vault always redirects snapshot requests on a standby to the active node (never forwards them). */
    private Optional<ApiResponse> redirectIfStandby(ApiRequest request) {
        if (ha.active()) {
            return Optional.empty();
        }
        // TODO(lead): leader() comes from the node registry; until the active node registered its api_addr this
        // answers 503 like Vault does without a known active node.
        String addr = leader.get().map(NodeIdentity::apiAddr).filter(a -> !a.isBlank())
                .orElseThrow(() -> ApiException.of(503, "no active Vault instance found"));
        return Optional.of(ApiResponse.redirect(location(addr, request)));
    }

    static String location(String apiAddr, ApiRequest request) {
        String base = apiAddr.contains("://") ? apiAddr : "https://" + apiAddr;
        int pathStart = base.indexOf('/', base.indexOf("://") + 3);
        String origin = pathStart < 0 ? base : base.substring(0, pathStart);
        String query = request.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return origin + "/v1/" + request.path() + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.toString());
        }
    }
}
