package io.coffer.api.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code sys/storage/raft/snapshot-auto/config[/<name>]} (LIST, GET, PUT/POST, DELETE) and
 * {@code sys/storage/raft/snapshot-auto/status/<name>} (GET): Vault Enterprise's automated snapshots, built in.
 * Responses use the normal envelope. A new configuration (or a new interval) schedules its first snapshot one
 * interval later; {@link AutoSnapshots} on the active node takes them.
 */
final class AutoSnapshotEndpoints {

    private static final String CONFIG = "sys/storage/raft/snapshot-auto/config";
    private static final String STATUS = "sys/storage/raft/snapshot-auto/status/*";

    private final AutoSnapshotStore store;
    private final Clock clock;

    AutoSnapshotEndpoints(AutoSnapshotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.on(CONFIG, c -> list(), Operation.LIST);
        routes.on(CONFIG + "/*", this::read, Operation.READ);
        routes.onWrite(CONFIG + "/*", this::write);
        routes.on(CONFIG + "/*", this::delete, Operation.DELETE);
        routes.on(STATUS, this::status, Operation.READ);
    }

    private ApiResponse list() {
        List<String> names = store.names();
        if (names.isEmpty()) {
            throw ApiException.notFound();
        }
        ObjectNode data = Json.object();
        names.forEach(data.putArray("keys")::add);
        return envelope(data);
    }

    private ApiResponse read(Call call) {
        AutoSnapshotConfig config = store.config(name(call)).orElseThrow(ApiException::notFound);
        return envelope(config.toData());
    }

    private ApiResponse write(Call call) {
        String name = name(call);
        Optional<AutoSnapshotConfig> existing = store.config(name);
        AutoSnapshotConfig updated = AutoSnapshotConfig.update(existing.orElse(null), call.request().data());
        store.putConfig(name, updated);
        boolean reschedule = existing.isEmpty() || existing.get().intervalSeconds() != updated.intervalSeconds();
        if (reschedule) {
            var next = clock.instant().plusSeconds(updated.intervalSeconds());
            store.putStatus(name, store.status(name).map(s -> s.rescheduled(next))
                    .orElse(AutoSnapshotStatus.scheduled(next)));
        }
        return ApiResponse.noContent();
    }

    private ApiResponse delete(Call call) {
        store.delete(name(call));
        return ApiResponse.noContent();
    }

    private ApiResponse status(Call call) {
        String name = name(call);
        if (store.config(name).isEmpty()) {
            throw ApiException.notFound();
        }
        AutoSnapshotStatus status = store.status(name).orElse(AutoSnapshotStatus.scheduled(null));
        return envelope(status.toData());
    }

    private static String name(Call call) {
        String name = call.param();
        if (name.isEmpty() || name.contains("/")) {
            throw ApiException.badRequest("invalid configuration name \"" + name + "\"");
        }
        return name;
    }

    private static ApiResponse envelope(ObjectNode data) {
        return ApiResponse.envelope(data).mountType("system").build();
    }
}
