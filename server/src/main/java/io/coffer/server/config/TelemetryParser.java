package io.coffer.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Parses the top-level {@code telemetry {}} stanza (vault-api.md §9.5). */
final class TelemetryParser {
    private TelemetryParser() {
    }

    static TelemetryConfig parse(Object raw, ParseContext ctx) {
        if (raw == null) {
            return TelemetryConfig.absent();
        }
        List<Map<String, Object>> bodies = BlockShapes.bodies(raw, "telemetry");
        if (bodies.size() > 1) {
            throw new ConfigException("telemetry: only one \"telemetry\" block is permitted");
        }
        Block b = new Block("telemetry", bodies.get(0), ctx);
        Duration retention = b.duration("prometheus_retention_time", TelemetryConfig.DEFAULT_PROMETHEUS_RETENTION);
        if (retention.isNegative()) {
            throw Values.error(b.where("prometheus_retention_time"), "cannot be negative");
        }
        boolean disableHostname = b.bool("disable_hostname", false);
        boolean hostnameLabel = b.bool("enable_hostname_label", false);
        Duration usagePeriod = usageGaugePeriod(b);
        long cardinality = b.integer("maximum_gauge_cardinality", 0, 0, Integer.MAX_VALUE);
        String prefix = b.string("metrics_prefix", "");
        boolean filterDefault = b.bool("filter_default", true);
        List<String> prefixFilter = b.stringList("prefix_filter");
        for (String rule : prefixFilter) {
            if (!rule.startsWith("+") && !rule.startsWith("-")) {
                throw Values.error(b.where("prefix_filter"),
                        "filter rule must begin with either '+' or '-': " + Values.describe(rule));
            }
        }
        b.ignore(KnownKeys.TELEMETRY);
        b.finish();
        return new TelemetryConfig(true, retention, disableHostname, hostnameLabel, usagePeriod,
                cardinality == 0 ? TelemetryConfig.DEFAULT_MAXIMUM_GAUGE_CARDINALITY : (int) cardinality,
                prefix.isBlank() ? TelemetryConfig.DEFAULT_METRICS_PREFIX : prefix, filterDefault, prefixFilter);
    }

    /** {@code "none"} turns the usage gauges off, as in Vault. */
    private static Duration usageGaugePeriod(Block b) {
        Object raw = b.raw("usage_gauge_period");
        if ("none".equals(raw)) {
            return Duration.ZERO;
        }
        return b.duration("usage_gauge_period", TelemetryConfig.DEFAULT_USAGE_GAUGE_PERIOD);
    }
}
