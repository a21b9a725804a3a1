package io.coffer.api.kv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Condition;
import io.coffer.storage.Entry;
import io.coffer.storage.Op;
import io.coffer.storage.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * KV v2 storage layout inside the mount's view, and the only place that writes it.
 *
 * <p>Layout: {@code meta/<path>} holds a key's {@link KeyMetadata} (settings and every retained version's
 * bookkeeping), {@code ver/<path>/<n>} the data of version n (written once, deleted on destroy, prune or metadata
 * delete), {@code config} the mount's {@link KvConfig}.
 *
 * <p>Every mutation is one conditional transaction guarded by the revisions of the key's metadata entry and of the
 * config entry that were read to plan it (absent ones must still be absent). When another writer got there first
 * the condition fails, nothing is applied, and the plan is recomputed from fresh reads, at most
 * {@link #MAX_ATTEMPTS} times. A planner that rejects the request throws before anything is written.
 */
final class KvStore {

    static final String CONFIG_KEY = "config";
    static final String META_PREFIX = "meta/";
    static final String VERSION_PREFIX = "ver/";
    static final int MAX_ATTEMPTS = 8;

    private final LogicalStorage storage;

    KvStore(LogicalStorage storage) {
        this.storage = storage;
    }

    static String metaKey(String key) {
        return META_PREFIX + key;
    }

    static String versionKey(String key, long version) {
        return VERSION_PREFIX + key + "/" + version;
    }

    static Op putMeta(KeyMetadata meta) {
        return Op.put(metaKey(meta.key()), KvCodec.encode(meta));
    }

    static Op putVersion(String key, long version, byte[] data) {
        return Op.put(versionKey(key, version), data);
    }

    static Op deleteVersion(String key, long version) {
        return Op.delete(versionKey(key, version));
    }

    /**
     * What a planner saw: the key's metadata (null when absent) and the mount config, with the entries whose
     * revisions guard the write.
     */
    record Snapshot(String key, Entry metaEntry, KeyMetadata meta, Entry configEntry, KvConfig config) {

        /** The key's metadata, or a fresh one for a key never written. */
        KeyMetadata metaOrFresh() {
            return meta != null ? meta : KeyMetadata.fresh(key);
        }

        List<Condition> conditions() {
            List<Condition> conditions = new ArrayList<>();
            if (key != null) {
                conditions.add(metaEntry != null ? Condition.at(metaEntry) : Condition.absent(metaKey(key)));
            }
            conditions.add(configEntry != null ? Condition.at(configEntry) : Condition.absent(CONFIG_KEY));
            return conditions;
        }
    }

    /** A planner's decision: the result to return and the ops to apply (none = nothing to write). */
    record Plan<T>(T result, List<Op> ops) {

        Plan {
            ops = List.copyOf(ops);
        }

        static <T> Plan<T> noop(T result) {
            return new Plan<>(result, List.of());
        }
    }

    Optional<KeyMetadata> meta(String key) {
        return storage.get(metaKey(key)).map(e -> KvCodec.decodeMetadata(e.value()));
    }

    KvConfig config() {
        return storage.get(CONFIG_KEY).map(e -> KvCodec.decodeConfig(e.value())).orElse(KvConfig.DEFAULT);
    }

    Optional<ObjectNode> versionData(String key, long version) {
        return storage.get(versionKey(key, version)).map(e -> KvCodec.decodeData(e.value()));
    }

    /** Immediate children of {@code prefix} among keys that have metadata (folders end with '/'). */
    List<String> listKeys(String prefix) {
        return storage.list(META_PREFIX + prefix);
    }

    /** Reads the key's metadata (skipped when {@code key} is null) and the config. */
    Snapshot snapshot(String key) {
        Entry metaEntry = key == null ? null : storage.get(metaKey(key)).orElse(null);
        Entry configEntry = storage.get(CONFIG_KEY).orElse(null);
        return new Snapshot(key, metaEntry,
                metaEntry == null ? null : KvCodec.decodeMetadata(metaEntry.value()),
                configEntry, configEntry == null ? KvConfig.DEFAULT : KvCodec.decodeConfig(configEntry.value()));
    }

    /**
     * Plans from a fresh snapshot of {@code key} (null: the config only) and applies the plan as one conditional
     * transaction, re-planning when a concurrent writer invalidated the snapshot.
     */
    <T> T mutate(String key, Function<Snapshot, Plan<T>> planner) {
        String failure = "failed to write: too many concurrent updates, please retry";
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Snapshot snapshot = snapshot(key);
            Plan<T> plan;
            try {
                plan = planner.apply(snapshot);
            } catch (Stale stale) {
                failure = stale.getMessage();
                continue;
            }
            if (plan.ops().isEmpty()) {
                return plan.result();
            }
            if (storage.txn(new Txn(snapshot.conditions(), plan.ops())).succeeded()) {
                return plan.result();
            }
        }
        throw ApiException.internal(failure);
    }

    /**
     * Thrown by a planner whose follow-up read disagrees with its snapshot (a version's data vanished under a
     * concurrent destroy): the plan is recomputed; the message is the 500 text if that keeps happening.
     */
    static final class Stale extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stale(String message) {
            super(message, null, false, false);
        }
    }
}
