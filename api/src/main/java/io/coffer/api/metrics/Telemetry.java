package io.coffer.api.metrics;

import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The recorded (non-gauge) metrics of one node: timers as Prometheus summaries with go-metrics' objectives and
 * 10 s window, counters, and the in-memory intervals of the JSON dump. Gauges are not stored here: they are computed
 * from the node's state at scrape time ({@link NodeGauges}). Thread-safe.
 */
public final class Telemetry implements MetricSink {

    private static final long SUMMARY_WINDOW_SECONDS = 10;

    private final MetricNames names;
    private final Intervals intervals;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Map<String, Summary> summaries = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> counters = new ConcurrentHashMap<>();

    Telemetry(MetricNames names, Clock clock) {
        this.names = names;
        this.intervals = new Intervals(clock);
    }

    @Override
    public void addSample(String key, double millis) {
        summaries.computeIfAbsent(key, this::summary).observe(millis);
        intervals.sample(names.dotted(key), millis);
    }

    @Override
    public void incrCounter(String key, double delta) {
        counters.computeIfAbsent(key, k -> new DoubleAdder()).add(delta);
        intervals.counter(names.dotted(key), delta);
    }

    MetricNames names() {
        return names;
    }

    /** The summaries as Prometheus snapshots. */
    MetricSnapshots summaries() {
        return registry.scrape();
    }

    /** Counter totals by Prometheus name, sorted. */
    Map<String, Double> counters() {
        Map<String, Double> out = new TreeMap<>();
        counters.forEach((key, adder) -> out.put(names.prometheus(key), adder.sum()));
        return out;
    }

    Intervals.View intervals() {
        return intervals.view();
    }

    private Summary summary(String key) {
        String name = names.prometheus(key);
        return Summary.builder().name(name).help(name)
                .quantile(0.5, 0.05).quantile(0.9, 0.01).quantile(0.99, 0.001)
                .maxAgeSeconds(SUMMARY_WINDOW_SECONDS)
                .register(registry);
    }
}
