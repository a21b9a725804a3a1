package io.coffer.api.kv;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.storage.Op;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code delete/<path>}, {@code undelete/<path>} and {@code destroy/<path>} of a KV v2 mount (PUT/POST only), each
 * acting on the listed {@code versions}. Unknown keys and versions are skipped; all answer 204.
 */
final class VersionsEndpoint {

    /** Which of the three endpoints; the empty-list error text differs in case, as in Vault. */
    enum Action {
        DELETE("No version number provided"),
        UNDELETE("No version number provided"),
        DESTROY("no version number provided");

        private final String noVersions;

        Action(String noVersions) {
            this.noVersions = noVersions;
        }
    }

    private final KvStore store;
    private final Clock clock;

    VersionsEndpoint(KvStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ApiResponse handle(ApiRequest request, String key, Action action) {
        if (request.operation() != Operation.CREATE && request.operation() != Operation.UPDATE) {
            throw ApiException.unsupportedOperation();
        }
        List<Long> versions = KvFields.intList(request.data(), "versions");
        if (versions.isEmpty()) {
            throw ApiException.badRequest(action.noVersions);
        }
        store.mutate(key, snapshot -> plan(snapshot, versions, action));
        return ApiResponse.noContent();
    }

    private KvStore.Plan<Void> plan(KvStore.Snapshot snapshot, List<Long> versions, Action action) {
        KeyMetadata meta = snapshot.meta();
        if (meta == null) {
            return KvStore.Plan.noop(null);
        }
        Instant now = clock.instant();
        KeyMetadata next = switch (action) {
            case DELETE -> meta.softDelete(versions, now);
            case UNDELETE -> meta.undelete(versions, KvRules.deletionTime(now, snapshot.config(), meta));
            case DESTROY -> meta.destroy(versions);
        };
        if (next.equals(meta)) {
            return KvStore.Plan.noop(null);
        }
        List<Op> ops = new ArrayList<>();
        ops.add(KvStore.putMeta(next));
        if (action == Action.DESTROY) {
            versions.stream().distinct().filter(v -> meta.version(v) != null)
                    .forEach(v -> ops.add(KvStore.deleteVersion(meta.key(), v)));
        }
        return new KvStore.Plan<>(null, ops);
    }
}
