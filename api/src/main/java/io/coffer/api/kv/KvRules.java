package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import java.time.Duration;
import java.time.Instant;

/** The write rules of KV v2 that need no storage: check-and-set and {@code delete_version_after}. */
final class KvRules {

    static final String CAS_MISMATCH = "check-and-set parameter did not match the current version";
    static final String CAS_REQUIRED = "check-and-set parameter required for this call";
    static final String CAS_UNPARSABLE = "error parsing check-and-set parameter";

    private KvRules() {
    }

    /**
     * Vault's {@code validateCheckAndSetOption}: when {@code options.cas} is given it must equal the key's current
     * version (0 = the key has no version yet); without it, {@code cas_required} on the mount or the key refuses the
     * write. Throws 400 with Vault's texts.
     */
    static void checkCas(ObjectNode options, KvConfig config, KeyMetadata meta) {
        JsonNode cas = options == null ? null : options.get("cas");
        if (cas != null) {
            Long expected = KvFields.toLong(cas);
            if (expected == null) {
                throw ApiException.badRequest(CAS_UNPARSABLE);
            }
            if (expected != meta.currentVersion()) {
                throw ApiException.badRequest(CAS_MISMATCH);
            }
        } else if (config.casRequired() || meta.casRequired()) {
            throw ApiException.badRequest(CAS_REQUIRED);
        }
    }

    /**
     * When a version created (or undeleted) at {@code base} is deleted automatically: {@code base} plus the smaller
     * non-zero of the mount's and the key's {@code delete_version_after}; null when neither is set or the mount
     * disables the feature.
     */
    static Instant deletionTime(Instant base, KvConfig config, KeyMetadata meta) {
        if (config.deleteVersionAfterDisabled()) {
            return null;
        }
        Duration mount = config.deleteVersionAfter();
        Duration key = meta.deleteVersionAfter();
        if (mount.isZero() && key.isZero()) {
            return null;
        }
        Duration min = key;
        if (min.isZero() || (!mount.isZero() && mount.compareTo(min) < 0)) {
            min = mount;
        }
        return base.plus(min);
    }
}
