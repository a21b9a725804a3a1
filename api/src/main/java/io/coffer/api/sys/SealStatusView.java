package io.coffer.api.sys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import io.coffer.api.core.ClusterInfo;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.VaultVersion;
import io.coffer.seal.SealConfig;
import java.util.Optional;
import java.util.function.Supplier;

/** Renders the body of {@code sys/seal-status} and {@code sys/unseal} (vault-api.md §2.2). */
public final class SealStatusView {

    private final SealManager seal;
    private final Supplier<Optional<ClusterInfo>> cluster;

    public SealStatusView(SealManager seal, Supplier<Optional<ClusterInfo>> cluster) {
        this.seal = seal;
        this.cluster = cluster;
    }

    ObjectNode render() {
        Optional<SealConfig> config = seal.sealConfig();
        boolean sealed = seal.sealed();
        ObjectNode body = Json.object();
        body.put("type", "shamir");
        body.put("initialized", config.isPresent());
        body.put("sealed", sealed);
        body.put("t", config.map(SealConfig::secretThreshold).orElse(0));
        body.put("n", config.map(SealConfig::secretShares).orElse(0));
        body.put("progress", seal.progress());
        body.put("nonce", seal.nonce());
        body.put("version", VaultVersion.VERSION);
        body.put("build_date", VaultVersion.BUILD_DATE);
        body.put("migration", false);
        if (!sealed) {
            cluster.get().ifPresent(c -> {
                body.put("cluster_name", c.name());
                body.put("cluster_id", c.id());
            });
        }
        body.put("recovery_seal", false);
        body.put("storage_type", "raft");
        return body;
    }
}
