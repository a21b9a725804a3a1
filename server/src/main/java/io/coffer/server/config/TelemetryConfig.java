package io.coffer.server.config;

import java.time.Duration;
import java.util.List;

/**
 * The top-level {@code telemetry {}} stanza (vault-api.md §9.5). {@code present} matters: without the stanza
 * Prometheus output is disabled ({@code sys/metrics?format=prometheus} answers 400 "prometheus is not enabled");
 * with it, {@code prometheus_retention_time} defaults to 24h and {@code 0} disables Prometheus again.
 * Sink keys (statsd, statsite, dogstatsd, circonus, stackdriver) are accepted and ignored.
 */
public record TelemetryConfig(
        boolean present,
        Duration prometheusRetentionTime,
        boolean disableHostname,
        boolean enableHostnameLabel,
        Duration usageGaugePeriod,
        int maximumGaugeCardinality,
        String metricsPrefix,
        boolean filterDefault,
        List<String> prefixFilter) {

    public static final Duration DEFAULT_PROMETHEUS_RETENTION = Duration.ofHours(24);
    public static final Duration DEFAULT_USAGE_GAUGE_PERIOD = Duration.ofMinutes(10);
    public static final int DEFAULT_MAXIMUM_GAUGE_CARDINALITY = 500;
    public static final String DEFAULT_METRICS_PREFIX = "vault";

    public TelemetryConfig {
        prefixFilter = List.copyOf(prefixFilter);
    }

    /** The configuration when no {@code telemetry} stanza exists: Prometheus disabled. */
    public static TelemetryConfig absent() {
        return new TelemetryConfig(false, Duration.ZERO, false, false, DEFAULT_USAGE_GAUGE_PERIOD,
                DEFAULT_MAXIMUM_GAUGE_CARDINALITY, DEFAULT_METRICS_PREFIX, true, List.of());
    }

    /** True when a stanza exists and its retention time is positive. */
    public boolean prometheusEnabled() {
        return present && prometheusRetentionTime.compareTo(Duration.ZERO) > 0;
    }
}
