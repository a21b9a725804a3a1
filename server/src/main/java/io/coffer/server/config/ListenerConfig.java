package io.coffer.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One {@code listener "tcp" {}} stanza (vault-api.md §10.2). The certificate and key also secure the cluster
 * port (mutual TLS between nodes, trusting {@code tls_client_ca_file}, else retry_join's CA, else the system
 * trust store). File paths are resolved against the working directory but not opened here.
 *
 * @param address                          API bind address, default {@code 127.0.0.1:8200}
 * @param clusterAddress                   cluster bind address, default the address with port + 1
 * @param tlsDisable                       plain HTTP when true
 * @param tlsCertFile                      PEM certificate (chain) file; non-null unless tlsDisable
 * @param tlsKeyFile                       PEM private key file; non-null unless tlsDisable
 * @param tlsClientCaFile                  CA bundle used to verify client certificates, or null
 * @param tlsMinVersion                    {@code tls10}..{@code tls13}, default {@code tls12}
 * @param tlsMaxVersion                    {@code tls10}..{@code tls13}, default {@code tls13}
 * @param tlsRequireAndVerifyClientCert    require a valid client certificate
 * @param tlsDisableClientCerts            do not even request client certificates (default: request, not require)
 * @param maxRequestSize                   body limit in bytes, default 33554432; negative means unlimited
 * @param maxRequestDuration               per-request time limit; defaults to {@code default_max_request_duration}
 * @param httpIdleTimeout                  default 5m
 * @param httpReadHeaderTimeout            default 10s
 * @param httpReadTimeout                  default 30s
 * @param httpWriteTimeout                 default 0 (none)
 * @param xForwardedForAuthorizedAddrs     CIDRs allowed to supply X-Forwarded-For; empty means the feature is off
 * @param xForwardedForHopSkips            entries skipped from the right end of the X-Forwarded-For chain
 * @param xForwardedForRejectNotAuthorized X-Forwarded-For from an unauthorized source gets 400 (else ignored)
 * @param xForwardedForRejectNotPresent    a missing X-Forwarded-For gets 400 (else the socket address is used)
 * @param unauthenticatedMetricsAccess     {@code telemetry { unauthenticated_metrics_access }} inside the listener
 */
public record ListenerConfig(
        String address,
        String clusterAddress,
        boolean tlsDisable,
        Path tlsCertFile,
        Path tlsKeyFile,
        Path tlsClientCaFile,
        String tlsMinVersion,
        String tlsMaxVersion,
        boolean tlsRequireAndVerifyClientCert,
        boolean tlsDisableClientCerts,
        long maxRequestSize,
        Duration maxRequestDuration,
        Duration httpIdleTimeout,
        Duration httpReadHeaderTimeout,
        Duration httpReadTimeout,
        Duration httpWriteTimeout,
        List<String> xForwardedForAuthorizedAddrs,
        int xForwardedForHopSkips,
        boolean xForwardedForRejectNotAuthorized,
        boolean xForwardedForRejectNotPresent,
        boolean unauthenticatedMetricsAccess) {

    public static final String DEFAULT_ADDRESS = "127.0.0.1:8200";
    public static final long DEFAULT_MAX_REQUEST_SIZE = 33_554_432;

    public ListenerConfig {
        xForwardedForAuthorizedAddrs = List.copyOf(xForwardedForAuthorizedAddrs);
    }

    /** Host part of {@link #address()} (IPv6 without brackets). */
    public String addressHost() {
        return Addr.hostPort(address, "address").host();
    }

    public int addressPort() {
        return Addr.hostPort(address, "address").port();
    }

    /** Host part of {@link #clusterAddress()} (IPv6 without brackets). */
    public String clusterAddressHost() {
        return Addr.hostPort(clusterAddress, "cluster_address").host();
    }

    public int clusterAddressPort() {
        return Addr.hostPort(clusterAddress, "cluster_address").port();
    }
}
