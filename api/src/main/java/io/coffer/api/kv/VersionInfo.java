package io.coffer.api.kv;

import java.time.Instant;

/**
 * What a key's metadata records about one version.
 *
 * @param createdTime  when the version was written
 * @param deletionTime when it is (or will be) soft-deleted; null when not scheduled
 * @param destroyed    its data has been removed permanently
 */
record VersionInfo(Instant createdTime, Instant deletionTime, boolean destroyed) {

    /**
     * Soft-deleted as of {@code now}. Vault tests {@code deletionTime.Before(now)}; a deletion time equal to
     * {@code now} counts as deleted here so that a frozen clock sees its own deletes.
     */
    boolean isDeleted(Instant now) {
        return deletionTime != null && !deletionTime.isAfter(now);
    }

    /** Deleted or destroyed: reads answer 404 with the metadata. */
    boolean isGone(Instant now) {
        return destroyed || isDeleted(now);
    }

    VersionInfo withDeletionTime(Instant time) {
        return new VersionInfo(createdTime, time, destroyed);
    }

    VersionInfo asDestroyed() {
        return new VersionInfo(createdTime, deletionTime, true);
    }
}
