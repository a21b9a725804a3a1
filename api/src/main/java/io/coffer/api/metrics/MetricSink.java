package io.coffer.api.metrics;

/**
 * Where code reports Vault-named timings and counters. Keys are go-metrics keys without the {@code vault}
 * prefix, dotted ({@code core.handle_request}); they become {@code vault.core.handle_request} in the JSON dump and
 * {@code vault_core_handle_request} in Prometheus text. Implementations are thread-safe and never throw.
 */
public interface MetricSink {

    /** A timing sample in milliseconds (a Prometheus summary, as go-metrics' timers are). */
    void addSample(String key, double millis);

    /** Adds {@code delta} (may be 0, which still creates the series) to a counter. */
    void incrCounter(String key, double delta);

    /** A sink that drops everything. */
    static MetricSink none() {
        return new MetricSink() {
            @Override
            public void addSample(String key, double millis) {
            }

            @Override
            public void incrCounter(String key, double delta) {
            }
        };
    }
}
