package io.coffer.api.kv;

import java.time.Duration;

/**
 * The mount-level settings of a KV v2 mount ({@code <mount>/config}).
 *
 * @param maxVersions        versions kept per key; 0 = the default of 10 (unless a key sets more)
 * @param casRequired        every data write must carry {@code options.cas}
 * @param deleteVersionAfter zero = unset; negative = disabled for every key (stored as -1s, as Vault does)
 */
record KvConfig(long maxVersions, boolean casRequired, Duration deleteVersionAfter) {

    static final KvConfig DEFAULT = new KvConfig(0, false, Duration.ZERO);

    static final Duration DISABLED = Duration.ofSeconds(-1);

    boolean deleteVersionAfterDisabled() {
        return deleteVersionAfter.isNegative();
    }

    KvConfig withMaxVersions(long value) {
        return new KvConfig(value, casRequired, deleteVersionAfter);
    }

    KvConfig withCasRequired(boolean value) {
        return new KvConfig(maxVersions, value, deleteVersionAfter);
    }

    /** Vault's rule: negative disables, zero clears, positive sets. */
    KvConfig withDeleteVersionAfterSeconds(long seconds) {
        Duration value = seconds < 0 ? DISABLED : Duration.ofSeconds(seconds);
        return new KvConfig(maxVersions, casRequired, value);
    }
}
