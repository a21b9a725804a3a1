package io.coffer.api.kv;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A KV v2 key's metadata: settings plus the bookkeeping of every retained version. Immutable; every transition
 * returns a new value, so the version arithmetic of Vault's {@code path_data.go} / {@code path_delete.go} /
 * {@code path_destroy.go} is tested here without storage.
 *
 * @param key                the secret path inside the mount
 * @param currentVersion     the last version written (0 = none yet)
 * @param oldestVersion      Vault's sliding-window start; 0 until versions have been pruned
 * @param maxVersions        per-key retention; 0 = use the mount's
 * @param casRequired        writes to this key need {@code options.cas}
 * @param deleteVersionAfter zero = unset
 * @param customMetadata     user labels, sorted; null when there are none
 * @param createdTime        when the key (its metadata) came into being
 * @param updatedTime        when the last version was written
 * @param versions           retained versions by number
 */
record KeyMetadata(String key, long currentVersion, long oldestVersion, long maxVersions, boolean casRequired,
                   Duration deleteVersionAfter, Map<String, String> customMetadata, Instant createdTime,
                   Instant updatedTime, SortedMap<Long, VersionInfo> versions) {

    /** Retention when neither the key nor the mount sets one. */
    static final long DEFAULT_MAX_VERSIONS = 10;

    KeyMetadata {
        deleteVersionAfter = deleteVersionAfter == null ? Duration.ZERO : deleteVersionAfter;
        customMetadata = customMetadata == null || customMetadata.isEmpty()
                ? null : Collections.unmodifiableMap(new TreeMap<>(customMetadata));
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
    }

    /** The metadata a first data write starts from (times are set by {@link #addVersion}). */
    static KeyMetadata fresh(String key) {
        return new KeyMetadata(key, 0, 0, 0, false, Duration.ZERO, null, null, null, new TreeMap<>());
    }

    /** The metadata a metadata write creates for an unknown key. */
    static KeyMetadata created(String key, Instant now) {
        return new KeyMetadata(key, 0, 0, 0, false, Duration.ZERO, null, now, now, new TreeMap<>());
    }

    VersionInfo version(long number) {
        return versions.get(number);
    }

    VersionInfo current() {
        return versions.get(currentVersion);
    }

    /** The outcome of a write: the new metadata, the new version, and the versions pruned by retention. */
    record Added(KeyMetadata meta, VersionInfo version, List<Long> pruned) {
    }

    /**
     * Appends version {@code currentVersion + 1} and slides the retention window: the limit is the larger of the
     * key's and the mount's {@code max_versions}, or 10 when both are 0; versions up to
     * {@code current - limit} are dropped and {@code oldestVersion} moves past them (Vault's {@code AddVersion}).
     */
    Added addVersion(Instant created, Instant deletion, long mountMaxVersions) {
        TreeMap<Long, VersionInfo> next = new TreeMap<>(versions);
        long number = currentVersion + 1;
        VersionInfo added = new VersionInfo(created, deletion, false);
        next.put(number, added);
        long limit = Math.max(maxVersions, mountMaxVersions);
        if (limit <= 0) {
            limit = DEFAULT_MAX_VERSIONS;
        }
        long oldest = oldestVersion;
        List<Long> pruned = new ArrayList<>();
        if (number - oldestVersion >= limit) {
            long lastToDrop = number - limit;
            for (long i = oldestVersion; i <= lastToDrop; i++) {
                if (next.remove(i) != null) {
                    pruned.add(i);
                }
            }
            oldest = lastToDrop + 1;
        }
        KeyMetadata meta = new KeyMetadata(key, number, oldest, maxVersions, casRequired, deleteVersionAfter,
                customMetadata, createdTime == null ? created : createdTime, created, next);
        return new Added(meta, added, pruned);
    }

    /** Sets {@code deletionTime = now} on the listed versions that exist and are neither destroyed nor deleted. */
    KeyMetadata softDelete(Collection<Long> numbers, Instant now) {
        return update(numbers, v -> v.destroyed() || v.isDeleted(now) ? v : v.withDeletionTime(now));
    }

    /** Sets {@code deletionTime = deletion} (null clears it) on the listed versions that are not destroyed. */
    KeyMetadata undelete(Collection<Long> numbers, Instant deletion) {
        return update(numbers, v -> v.destroyed() ? v : v.withDeletionTime(deletion));
    }

    /** Marks the listed existing versions destroyed. */
    KeyMetadata destroy(Collection<Long> numbers) {
        return update(numbers, VersionInfo::asDestroyed);
    }

    KeyMetadata withMaxVersions(long value) {
        return new KeyMetadata(key, currentVersion, oldestVersion, value, casRequired, deleteVersionAfter,
                customMetadata, createdTime, updatedTime, versions);
    }

    KeyMetadata withCasRequired(boolean value) {
        return new KeyMetadata(key, currentVersion, oldestVersion, maxVersions, value, deleteVersionAfter,
                customMetadata, createdTime, updatedTime, versions);
    }

    KeyMetadata withDeleteVersionAfter(Duration value) {
        return new KeyMetadata(key, currentVersion, oldestVersion, maxVersions, casRequired, value,
                customMetadata, createdTime, updatedTime, versions);
    }

    KeyMetadata withCustomMetadata(Map<String, String> value) {
        return new KeyMetadata(key, currentVersion, oldestVersion, maxVersions, casRequired, deleteVersionAfter,
                value, createdTime, updatedTime, versions);
    }

    private KeyMetadata update(Collection<Long> numbers, UnaryOperator<VersionInfo> change) {
        TreeMap<Long, VersionInfo> next = new TreeMap<>(versions);
        for (Long number : numbers) {
            VersionInfo existing = next.get(number);
            if (existing != null) {
                next.put(number, change.apply(existing));
            }
        }
        return new KeyMetadata(key, currentVersion, oldestVersion, maxVersions, casRequired, deleteVersionAfter,
                customMetadata, createdTime, updatedTime, next);
    }
}
