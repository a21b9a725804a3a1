package io.coffer.api.core;

import io.coffer.api.ApiException;
import io.coffer.api.Json;
import io.coffer.api.store.LogicalStorage;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The cluster's name and id, created at init ({@code vault-cluster-<8 hex>}), stored barrier-encrypted.
 *
 * @param name cluster name
 * @param id   cluster UUID
 */
public record ClusterInfo(String name, String id) {

    /** A fresh identity, or one with {@code configuredName} when the config sets {@code cluster_name}. */
    public static ClusterInfo generate(String configuredName) {
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        String name = configuredName != null && !configuredName.isEmpty() ? configuredName
                : "vault-cluster-" + HexFormat.of().formatHex(suffix);
        return new ClusterInfo(name, UUID.randomUUID().toString());
    }

    public InitialState initialState() {
        return (barrier, txn) -> InitialState.put(txn, barrier, StoragePaths.CLUSTER_INFO, Json.bytes(this));
    }

    /** Reads the stored identity through the (open) barrier. */
    public static Optional<ClusterInfo> load(LogicalStorage root) {
        return root.get(StoragePaths.CLUSTER_INFO).map(e -> {
            try {
                return Json.MAPPER.readValue(e.value(), ClusterInfo.class);
            } catch (IOException ex) {
                throw ApiException.internal("cluster identity is unreadable");
            }
        });
    }
}
