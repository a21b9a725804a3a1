package io.coffer.api.snapshot;

import io.coffer.api.ApiException;
import io.coffer.api.core.SealManager;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's seal consistent with its data after the data was replaced wholesale — a snapshot restore
 * committed through the log (on every node) or a snapshot installed from the leader. While unsealed, the node
 * re-opens the barrier from the restored key entries with its own unseal key; when they do not open (a forced
 * restore of another cluster's snapshot) it seals itself and must be unsealed with that cluster's shares
 * (vault-api.md §3.6). Thread-safe.
 */
final class RestoreWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreWatcher.class);

    private final SealManager seal;
    private final Runnable forgetCaches;
    private long handled = -1;

    /** {@code forgetCaches} drops what the API caches from storage (token salt, parsed policies). */
    RestoreWatcher(SealManager seal, Runnable forgetCaches) {
        this.seal = seal;
        this.forgetCaches = forgetCaches;
    }

    /** A new Raft storage (this node joined another group): its log indexes start over. */
    synchronized void reset() {
        handled = -1;
    }

    /** The data now reflects log index {@code index}; idempotent per index. */
    synchronized void replaced(long index) {
        if (index <= handled) {
            return;
        }
        handled = index;
        if (seal.sealed()) {
            return;
        }
        byte[] key;
        try {
            key = seal.unsealKey();
        } catch (ApiException sealedMeanwhile) {
            return;
        }
        try {
            seal.open(key);
            forgetCaches.run();
            LOG.info("data replaced at index {}; the barrier was reopened from the restored keys", index);
        } catch (RuntimeException e) {
            LOG.warn("data replaced at index {} is sealed with other unseal keys ({}); sealing this node: unseal "
                    + "it with the keys of the cluster the snapshot came from", index, e.getMessage());
            seal.seal();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
