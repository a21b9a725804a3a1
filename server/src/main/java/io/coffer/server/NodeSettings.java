package io.coffer.server;

import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to start one node, resolved from {@code config.hcl} or from {@code -dev}.
 *
 * @param identity              node id, api_addr, cluster_addr
 * @param dataDir               {@code storage "raft" { path }}
 * @param listeners             the API listeners
 * @param clusterHost           host the cluster port binds and is dialled on
 * @param clusterPort           cluster port (8201 by default)
 * @param performanceMultiplier Vault's raft timing multiplier (0 = Coffer's fast default)
 * @param api                   server-wide API settings (cluster name, TTLs, telemetry)
 */
public record NodeSettings(NodeIdentity identity, Path dataDir, List<ApiServerOptions> listeners,
                           String clusterHost, int clusterPort, int performanceMultiplier, ApiOptions api) {

    public NodeSettings {
        listeners = List.copyOf(listeners);
    }
}
