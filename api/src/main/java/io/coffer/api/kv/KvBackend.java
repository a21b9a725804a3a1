package io.coffer.api.kv;

import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.mount.Backend;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.store.LogicalStorage;
import java.time.Clock;
import java.util.function.Function;

/**
 * The {@code kv} secrets engine (vault-api.md §5): KV v1 or v2 by the mount's {@code options.version}.
 *
 * <p>Stateless apart from its two collaborators, so one instance serves every KV mount from any worker thread;
 * all state lives in the mount's storage view ({@link KvV1} and {@link KvStore} document the layout) and every
 * mutation is a single conditional transaction.
 */
public final class KvBackend implements Backend {

    private final Function<MountEntry, LogicalStorage> storageFor;
    private final Clock clock;

    /**
     * @param storageFor the mount's storage view (scoped to its data, plaintext values)
     * @param clock      source of every timestamp the engine records
     */
    public KvBackend(Function<MountEntry, LogicalStorage> storageFor, Clock clock) {
        this.storageFor = storageFor;
        this.clock = clock;
    }

    @Override
    public ApiResponse handle(ApiRequest request, MountEntry mount) {
        LogicalStorage storage = storageFor.apply(mount);
        if (mount.kvVersion() == 2) {
            return new KvV2(storage, clock).handle(request);
        }
        return new KvV1(storage, mount).handle(request);
    }

    /**
     * Converts a mount's v1 entries to v2 keys holding them as version 1. Call when a mount is tuned from
     * {@code options.version} 1 to 2, before it serves v2 requests; idempotent and safe to re-run after a crash.
     */
    public static void upgradeToV2(LogicalStorage storage, Clock clock) {
        KvUpgrade.run(storage, clock);
    }
}
