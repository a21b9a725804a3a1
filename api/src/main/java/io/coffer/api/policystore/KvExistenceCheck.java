package io.coffer.api.policystore;

import io.coffer.api.mount.MountEntry;
import io.coffer.api.mount.MountTable;
import io.coffer.api.store.LogicalStorage;
import java.util.Optional;
import java.util.function.Function;

/**
 * The existence checks of the KV engine: KV v2 {@code data/<key>} and {@code metadata/<key>} exist when the key's
 * metadata does; a KV v1 path exists when an entry is stored there. The storage layout read here is the one
 * {@code io.coffer.api.kv.KvStore} ({@code meta/<key>}) and {@code KvV1} ({@code v1/<path>}) write.
 */
public final class KvExistenceCheck implements ExistenceCheck {

    private static final String V2_META = "meta/";
    private static final String V1_PREFIX = "v1/";

    private final MountTable mounts;
    private final Function<MountEntry, LogicalStorage> storageFor;

    /** {@code storageFor} gives a mount's storage view, as the KV engine gets it. */
    public KvExistenceCheck(MountTable mounts, Function<MountEntry, LogicalStorage> storageFor) {
        this.mounts = mounts;
        this.storageFor = storageFor;
    }

    @Override
    public Optional<Boolean> exists(String path) {
        Optional<MountEntry> mount = mounts.match(path).filter(m -> m.type().equals("kv"));
        if (mount.isEmpty() || path.length() <= mount.get().path().length()) {
            return Optional.empty();
        }
        String relative = path.substring(mount.get().path().length());
        LogicalStorage storage = storageFor.apply(mount.get());
        if (mount.get().kvVersion() == 1) {
            return Optional.of(storage.get(V1_PREFIX + relative).isPresent());
        }
        String key = keyUnder(relative, "data/");
        if (key == null) {
            key = keyUnder(relative, "metadata/");
        }
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(storage.get(V2_META + key).isPresent());
    }

    private static String keyUnder(String relative, String prefix) {
        return relative.startsWith(prefix) ? relative.substring(prefix.length()) : null;
    }
}
