package io.coffer.api.metrics;

import java.util.Map;

/**
 * One gauge computed at scrape time.
 *
 * @param key    go-metrics key without the {@code vault} prefix ({@code core.unsealed})
 * @param value  the value
 * @param labels labels ({@code cluster} on core gauges)
 */
public record GaugeValue(String key, double value, Map<String, String> labels) {

    public GaugeValue {
        labels = Map.copyOf(labels);
    }
}
