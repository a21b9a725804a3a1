package io.coffer.api.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The default {@code sys/metrics} answer: go-metrics' in-memory dump ({@code MetricsSummary}) with the keys and
 * order Go's encoder writes: {@code Timestamp}, {@code Gauges}, {@code Points}, {@code Counters}, {@code Samples}.
 */
final class InmemJson {

    /** Go's {@code time.Time.String()} of a UTC time rounded to the second. */
    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss '+0000 UTC'").withZone(ZoneOffset.UTC);

    private InmemJson() {
    }

    static byte[] render(List<GaugeValue> gauges, Telemetry telemetry) {
        Intervals.View view = telemetry.intervals();
        ObjectNode out = Json.object();
        out.put("Timestamp", GO_TIME.format(view.start()));
        ArrayNode gaugeArray = out.putArray("Gauges");
        gauges.stream().sorted(Comparator.comparing(GaugeValue::key)).forEach(g -> {
            ObjectNode node = gaugeArray.addObject();
            node.put("Name", telemetry.names().dottedGauge(g.key()));
            putNumber(node, "Value", g.value());
            ObjectNode labels = node.putObject("Labels");
            g.labels().forEach(labels::put);
        });
        out.putArray("Points");
        rows(out.putArray("Counters"), view.counters());
        rows(out.putArray("Samples"), view.samples());
        return Json.bytes(out);
    }

    private static void rows(ArrayNode array, List<Intervals.Row> rows) {
        for (Intervals.Row row : rows) {
            ObjectNode node = array.addObject();
            node.put("Name", row.name());
            node.put("Count", row.count());
            putNumber(node, "Rate", row.rate());
            putNumber(node, "Sum", row.sum());
            putNumber(node, "Min", row.min());
            putNumber(node, "Max", row.max());
            putNumber(node, "Mean", row.mean());
            putNumber(node, "Stddev", row.stddev());
            node.putObject("Labels");
        }
    }

    /** Go's encoder writes integral floats without a fraction ({@code 1}, not {@code 1.0}). */
    private static void putNumber(ObjectNode node, String key, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(key, (long) value);
        } else {
            node.put(key, value);
        }
    }
}
