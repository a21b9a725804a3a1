package io.coffer.api;

import java.time.Duration;

/**
 * Server-wide settings the API needs from {@code config.hcl}.
 *
 * @param clusterName                  configured {@code cluster_name}, or null to generate one at init
 * @param defaultLeaseTtl              {@code default_lease_ttl} (768h)
 * @param maxLeaseTtl                  {@code max_lease_ttl} (768h)
 * @param prometheusEnabled            a {@code telemetry} stanza is present (else sys/metrics?format=prometheus
 *                                     answers 400 {@code prometheus is not enabled})
 * @param prometheusRetention          {@code telemetry.prometheus_retention_time}
 * @param disableHostname              {@code telemetry.disable_hostname}
 * @param unauthenticatedMetricsAccess {@code listener.telemetry.unauthenticated_metrics_access}
 * @param hostname                     this machine's host name (metric names and labels)
 */
public record ApiOptions(String clusterName, Duration defaultLeaseTtl, Duration maxLeaseTtl,
                         boolean prometheusEnabled, Duration prometheusRetention, boolean disableHostname,
                         boolean unauthenticatedMetricsAccess, String hostname) {

    /** Vault's defaults: 768h TTLs, no telemetry stanza. */
    public static ApiOptions defaults() {
        return new ApiOptions(null, Duration.ofHours(768), Duration.ofHours(768), false, Duration.ofHours(24),
                false, false, "localhost");
    }

    public ApiOptions withClusterName(String name) {
        return new ApiOptions(name, defaultLeaseTtl, maxLeaseTtl, prometheusEnabled, prometheusRetention,
                disableHostname, unauthenticatedMetricsAccess, hostname);
    }
}
