package io.coffer.api.kv;

import io.coffer.api.ApiException;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Op;
import io.coffer.storage.Txn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a KV v1 mount's entries into the v2 layout, each as version 1 of its key (Vault's {@code upgrade.go}:
 * the new metadata goes through {@code AddVersion} with a mount limit of 1, so {@code oldest_version} ends at 1).
 *
 * <p>One conditional transaction per entry (v1 entry still at its revision, v2 metadata unchanged), so a crash
 * leaves every entry either fully moved or untouched and a re-run finishes the job.
 */
final class KvUpgrade {

    private KvUpgrade() {
    }

    static void run(LogicalStorage storage, Clock clock) {
        for (String storedKey : storage.keys(KvV1.PREFIX)) {
            upgradeOne(storage, clock, storedKey);
        }
    }

    private static void upgradeOne(LogicalStorage storage, Clock clock, String storedKey) {
        String key = storedKey.substring(KvV1.PREFIX.length());
        for (int attempt = 0; attempt < KvStore.MAX_ATTEMPTS; attempt++) {
            Optional<Entry> v1 = storage.get(storedKey);
            if (v1.isEmpty()) {
                return;
            }
            Optional<Entry> metaEntry = storage.get(KvStore.metaKey(key));
            List<Op> ops = new ArrayList<>();
            // Vault overwrites any metadata already there; drop its versions' data so nothing is orphaned.
            metaEntry.map(e -> KvCodec.decodeMetadata(e.value())).ifPresent(old ->
                    old.versions().keySet().forEach(v -> ops.add(KvStore.deleteVersion(key, v))));
            Instant now = clock.instant();
            KeyMetadata meta = KeyMetadata.fresh(key).addVersion(now, null, 1).meta();
            ops.add(KvStore.putVersion(key, 1, v1.get().value()));
            ops.add(KvStore.putMeta(meta));
            ops.add(Op.delete(storedKey));
            List<Condition> conditions = List.of(Condition.at(v1.get()),
                    metaEntry.map(Condition::at).orElse(Condition.absent(KvStore.metaKey(key))));
            if (storage.txn(new Txn(conditions, ops)).succeeded()) {
                return;
            }
        }
        throw ApiException.internal("failed to upgrade key: too many concurrent updates");
    }
}
