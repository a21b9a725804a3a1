package io.coffer.server.config;

import java.time.Duration;
import java.util.List;

/**
 * The whole server configuration, loaded by {@link ConfigLoader} from Vault-compatible HCL/JSON files with the
 * environment overrides applied and {@code api_addr}/{@code cluster_addr} derived (vault-api.md §10).
 *
 * @param storage                        the {@code storage "raft"} stanza
 * @param listeners                      at least one TCP listener, in file order
 * @param apiAddr                        full URL clients are redirected to, never null
 * @param clusterAddr                    full {@code https://} URL peers use for the cluster port, never null
 * @param clusterName                    configured cluster name, or null (generated at init)
 * @param disableMlock                   accepted for compatibility; irrelevant for the JVM
 * @param ui                             serve {@code /ui/}
 * @param logLevel                       one of trace, debug, info, warn, error
 * @param defaultLeaseTtl                system default TTL, default 768h
 * @param maxLeaseTtl                    system max TTL, default 768h
 * @param defaultMaxRequestDuration      default 90s
 * @param telemetry                      the {@code telemetry} stanza, or {@link TelemetryConfig#absent()}
 * @param enableResponseHeaderHostname   add {@code X-Vault-Hostname} to responses
 * @param enableResponseHeaderRaftNodeId add {@code X-Vault-Raft-Node-ID} to responses
 * @param warnings                       human-readable warnings (unknown keys and the like) to log at start-up
 */
public record ServerConfig(
        RaftStorageConfig storage,
        List<ListenerConfig> listeners,
        String apiAddr,
        String clusterAddr,
        String clusterName,
        boolean disableMlock,
        boolean ui,
        String logLevel,
        Duration defaultLeaseTtl,
        Duration maxLeaseTtl,
        Duration defaultMaxRequestDuration,
        TelemetryConfig telemetry,
        boolean enableResponseHeaderHostname,
        boolean enableResponseHeaderRaftNodeId,
        List<String> warnings) {

    public static final int DEFAULT_CLUSTER_PORT = 8201;
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofHours(768);
    public static final Duration DEFAULT_MAX_REQUEST_DURATION = Duration.ofSeconds(90);

    public ServerConfig {
        listeners = List.copyOf(listeners);
        warnings = List.copyOf(warnings);
    }

    /** Host of {@link #clusterAddr()}, as peers dial it (IPv6 without brackets). */
    public String clusterHost() {
        return Addr.url(clusterAddr, "cluster_addr").host();
    }

    /** Port of {@link #clusterAddr()}, 8201 when the URL has none. */
    public int clusterPort() {
        return Addr.url(clusterAddr, "cluster_addr").portOr(DEFAULT_CLUSTER_PORT);
    }

    /** {@code host:port} of {@link #clusterAddr()}, the form raft peers and the bootstrap answer use. */
    public String clusterHostPort() {
        return Addr.bracket(clusterHost()) + ":" + clusterPort();
    }
}
