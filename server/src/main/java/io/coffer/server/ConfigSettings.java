package io.coffer.server;

import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.server.config.ListenerConfig;
import io.coffer.server.config.ServerConfig;
import io.coffer.server.tls.ApiTls;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
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
        return new NodeSettings(identity, config.storage().path(), listeners, config.clusterHost(),
                config.clusterPort(), config.storage().performanceMultiplier(), api);
    }
}
