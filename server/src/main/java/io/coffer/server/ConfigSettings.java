package io.coffer.server;

import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.server.cluster.ClusterTls;
import io.coffer.server.config.ConfigException;
import io.coffer.server.config.ListenerConfig;
import io.coffer.server.config.RaftStorageConfig;
import io.coffer.server.config.ServerConfig;
import io.coffer.server.join.JoinSettings;
import io.coffer.server.tls.ApiTls;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Turns a loaded {@code config.hcl} into {@link NodeSettings}. */
final class ConfigSettings {

    private ConfigSettings() {
    }

    static NodeSettings from(ServerConfig config) throws IOException {
        String nodeId = NodeIds.resolve(config.storage().nodeId(), config.storage().path());
        List<ApiServerOptions> listeners = new ArrayList<>();
        for (ListenerConfig l : config.listeners()) {
            SslContext ssl = null;
            if (!l.tlsDisable()) {
                try {
                    ssl = ApiTls.server(l.tlsCertFile(), l.tlsKeyFile(), l.tlsClientCaFile(),
                            l.tlsRequireAndVerifyClientCert(), l.tlsDisableClientCerts(), l.tlsMinVersion());
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException("listener \"tcp\" " + l.address() + ": cannot load TLS material: "
                            + e.getMessage(), e);
                }
            }
            int idle = (int) Math.max(1, l.httpIdleTimeout().toSeconds());
            listeners.add(new ApiServerOptions(l.addressHost(), l.addressPort(), ssl,
                    (int) Math.min(Integer.MAX_VALUE, l.maxRequestSize()), idle, config.ui()));
        }
        NodeIdentity identity = new NodeIdentity(nodeId, config.apiAddr(), config.clusterAddr());
        boolean unauthenticatedMetrics = config.listeners().stream()
                .anyMatch(ListenerConfig::unauthenticatedMetricsAccess);
        ApiOptions api = new ApiOptions(config.clusterName(), config.defaultLeaseTtl(), config.maxLeaseTtl(),
                config.telemetry().prometheusEnabled(), config.telemetry().prometheusRetentionTime(),
                config.telemetry().disableHostname(), unauthenticatedMetrics, Hostname.get());
        // Before anything starts: an unfit node certificate stops the server here, with the problem and its fix.
        ClusterTls clusterTls = ClusterTls.fromConfig(config, Clock.systemUTC()).orElse(null);
        return new NodeSettings(identity, config.storage().path(), listeners, config.clusterHost(),
                config.clusterPort(), config.storage().performanceMultiplier(), api,
                JoinSettings.from(config.storage().retryJoin(), configuredCa(config)), clusterTls,
                raftOptions(config.storage(), clusterTls != null));
    }

    /** {@code unseal_from_peers} hands out the unseal key, so it needs the authenticated, encrypted cluster port. */
    static RaftOptions raftOptions(RaftStorageConfig raft, boolean clusterTls) {
        if (raft.unsealFromPeers() && !clusterTls) {
            throw new ConfigException("storage \"raft\": unseal_from_peers = true needs mutual TLS on the cluster "
                    + "port, but the listener sets tls_disable = true; configure tls_cert_file and tls_key_file, or "
                    + "remove unseal_from_peers");
        }
        return new RaftOptions(raft.snapshotThreshold(), raft.trailingLogs(), raft.unsealFromPeers());
    }

    /** The CA a joining node trusts by default: the first listener {@code tls_client_ca_file}, if any. */
    private static String configuredCa(ServerConfig config) throws IOException {
        for (ListenerConfig l : config.listeners()) {
            Path ca = l.tlsClientCaFile();
            if (ca != null) {
                return Files.readString(ca, StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
