package io.coffer.server;

import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.server.cluster.ClusterTls;
import io.coffer.server.join.JoinSettings;
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
 * @param join                  {@code retry_join} targets and the CA that verifies leaders when joining
 * @param clusterTls            mutual TLS for the cluster port, or null for plain gRPC ({@code tls_disable}, -dev)
 * @param raft                  snapshot and log retention, peer unseal
 */
public record NodeSettings(NodeIdentity identity, Path dataDir, List<ApiServerOptions> listeners,
                           String clusterHost, int clusterPort, int performanceMultiplier, ApiOptions api,
                           JoinSettings join, ClusterTls clusterTls, RaftOptions raft) {

    public NodeSettings {
        listeners = List.copyOf(listeners);
        join = join == null ? JoinSettings.none() : join;
        raft = raft == null ? RaftOptions.defaults() : raft;
    }

    /** Settings with Coffer's default raft options. */
    public NodeSettings(NodeIdentity identity, Path dataDir, List<ApiServerOptions> listeners, String clusterHost,
                        int clusterPort, int performanceMultiplier, ApiOptions api, JoinSettings join,
                        ClusterTls clusterTls) {
        this(identity, dataDir, listeners, clusterHost, clusterPort, performanceMultiplier, api, join, clusterTls,
                RaftOptions.defaults());
    }

    /** Settings with a plain (non-TLS) cluster port. */
    public NodeSettings(NodeIdentity identity, Path dataDir, List<ApiServerOptions> listeners, String clusterHost,
                        int clusterPort, int performanceMultiplier, ApiOptions api, JoinSettings join) {
        this(identity, dataDir, listeners, clusterHost, clusterPort, performanceMultiplier, api, join, null);
    }

    /** Settings without {@code retry_join} that trust the JVM's CAs when joining. */
    public NodeSettings(NodeIdentity identity, Path dataDir, List<ApiServerOptions> listeners, String clusterHost,
                        int clusterPort, int performanceMultiplier, ApiOptions api) {
        this(identity, dataDir, listeners, clusterHost, clusterPort, performanceMultiplier, api, JoinSettings.none());
    }
}
