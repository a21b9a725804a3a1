package io.coffer.api.metrics;

import io.coffer.api.ApiOptions;
import io.coffer.api.router.RequestObserver;
import io.coffer.api.router.Routes;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Storage;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wires the metrics of one node: the sink other components report to, the barrier timing view, the request timer
 * and {@code sys/metrics}. {@link io.coffer.api.ApiNode} creates it first (the barrier view needs it), then
 * registers the endpoint and adds {@link #requestObserver()} to the router.
 */
public final class Metrics {

    private final ApiOptions options;
    private final Telemetry telemetry;
    private final RaftStateCounters raftStates;
    private final Supplier<Storage> storage;

    /** {@code storage} is this node's Raft storage, or null before init/join. */
    public Metrics(ApiOptions options, Clock clock, Supplier<Storage> storage) {
        this.options = options;
        this.telemetry = new Telemetry(new MetricNames(options.hostname(), options.disableHostname()), clock);
        this.raftStates = new RaftStateCounters(telemetry);
        this.storage = storage;
    }

    public MetricSink sink() {
        return telemetry;
    }

    /** {@code storage} with Vault's barrier timings. */
    public LogicalStorage timed(LogicalStorage barrierView) {
        return new TimedStorage(barrierView, telemetry);
    }

    public RequestObserver requestObserver() {
        return new RequestTimer(telemetry, this::attachRaft);
    }

    /** Registers {@code sys/metrics} on {@code open} or {@code authenticated} (see {@link MetricsEndpoint}). */
    public void register(Routes open, Routes authenticated, NodeGauges gauges) {
        boolean prometheus = options.prometheusEnabled() && options.prometheusRetention() != null
                && !options.prometheusRetention().isZero();
        Supplier<List<GaugeValue>> scrape = () -> {
            attachRaft();
            return gauges.collect();
        };
        new MetricsEndpoint(prometheus, options.unauthenticatedMetricsAccess(), scrape, telemetry)
                .register(open, authenticated);
        attachRaft();
    }

    private void attachRaft() {
        raftStates.attach(storage.get());
    }
}
