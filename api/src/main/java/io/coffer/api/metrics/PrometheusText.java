package io.coffer.api.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus text exposition (format 0.0.4) of one scrape. Gauges and summaries are written by the Prometheus
 * Java client's writer; counters are written here because that writer always appends {@code _total}, while
 * Vault's counters (go-metrics through client_golang) carry their plain name ({@code vault_raft_state_leader}).
 */
final class PrometheusText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final PrometheusTextFormatWriter WRITER = PrometheusTextFormatWriter.create();

    private PrometheusText() {
    }

    static byte[] render(List<GaugeValue> gauges, Telemetry telemetry) {
        MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        gaugeSnapshots(gauges, telemetry.names()).forEach(snapshots::metricSnapshot);
        for (MetricSnapshot summary : telemetry.summaries()) {
            snapshots.metricSnapshot(summary);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WRITER.write(out, snapshots.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder counters = new StringBuilder();
        telemetry.counters().forEach((name, value) -> counters.append("# HELP ").append(name).append(' ')
                .append(name).append('\n').append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(number(value)).append('\n'));
        out.writeBytes(counters.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static List<GaugeSnapshot> gaugeSnapshots(List<GaugeValue> gauges, MetricNames names) {
        Map<String, GaugeSnapshot.Builder> byName = new LinkedHashMap<>();
        for (GaugeValue gauge : gauges) {
            String name = names.prometheusGauge(gauge.key());
            Labels.Builder labels = Labels.builder();
            gauge.labels().forEach(labels::label);
            byName.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(n))
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .labels(labels.build()).value(gauge.value()).build());
        }
        return byName.values().stream().map(GaugeSnapshot.Builder::build).toList();
    }

    /** A sample value as Go's client writes it: integers without a fraction. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
