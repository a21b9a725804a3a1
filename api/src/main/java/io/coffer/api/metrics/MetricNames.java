package io.coffer.api.metrics;

/**
 * go-metrics naming as Vault configures it (vault-api.md §9.2): every key starts with {@code vault}; gauges get
 * the host name inserted after it unless {@code disable_hostname}; Prometheus names join the parts with {@code _}
 * and turn space, {@code .}, {@code =}, {@code -} and {@code /} into {@code _} (case kept, no {@code _total}).
 */
final class MetricNames {

    static final String PREFIX = "vault";

    private final String hostname;

    /** {@code hostname} null or empty, or {@code disableHostname}, means no host part in gauge names. */
    MetricNames(String hostname, boolean disableHostname) {
        this.hostname = disableHostname || hostname == null || hostname.isEmpty() ? null : hostname;
    }

    /** The dotted name of a timer or counter: {@code vault.core.handle_request}. */
    String dotted(String key) {
        return PREFIX + "." + key;
    }

    /** The dotted name of a gauge: {@code vault.<host>.core.unsealed}, or without the host part. */
    String dottedGauge(String key) {
        return hostname == null ? dotted(key) : PREFIX + "." + hostname + "." + key;
    }

    String prometheus(String key) {
        return flatten(dotted(key));
    }

    String prometheusGauge(String key) {
        return flatten(dottedGauge(key));
    }

    /** go-metrics' Prometheus flattening, plus any other character a metric name cannot hold. */
    static String flatten(String dotted) {
        StringBuilder out = new StringBuilder(dotted.length());
        for (int i = 0; i < dotted.length(); i++) {
            char c = dotted.charAt(i);
            boolean allowed = c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9' && i > 0);
            out.append(allowed ? c : '_');
        }
        return out.toString();
    }
}
