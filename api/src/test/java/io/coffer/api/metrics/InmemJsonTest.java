package io.coffer.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.Json;
import io.coffer.api.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON dump in go-metrics' in-memory format, showing the last finished 10 s interval. */
class InmemJsonTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:03Z"));
    private final Telemetry telemetry = new Telemetry(new MetricNames("node1", false), clock);

    @Test
    void shapeAndKeysAreGoMetrics() throws IOException {
        telemetry.addSample("core.handle_request", 2);
        telemetry.addSample("core.handle_request", 4);
        telemetry.incrCounter("raft.apply", 1);

        JsonNode dump = render(List.of(new GaugeValue("core.unsealed", 1, Map.of("cluster", "c1"))));

        assertThat(dump.fieldNames()).toIterable().containsExactly("Timestamp", "Gauges", "Points", "Counters",
                "Samples");
        assertThat(dump.get("Timestamp").asText()).isEqualTo("2024-05-01 12:00:00 +0000 UTC");
        JsonNode gauge = dump.at("/Gauges/0");
        assertThat(gauge.get("Name").asText()).isEqualTo("vault.node1.core.unsealed");
        assertThat(gauge.get("Value").isIntegralNumber()).isTrue();
        assertThat(gauge.at("/Labels/cluster").asText()).isEqualTo("c1");
        JsonNode sample = dump.at("/Samples/0");
        assertThat(sample.fieldNames()).toIterable().containsExactly("Name", "Count", "Rate", "Sum", "Min", "Max",
                "Mean", "Stddev", "Labels");
        assertThat(sample.get("Name").asText()).isEqualTo("vault.core.handle_request");
        assertThat(sample.get("Count").asInt()).isEqualTo(2);
        assertThat(sample.get("Mean").asDouble()).isEqualTo(3.0);
        assertThat(sample.get("Rate").asDouble()).isEqualTo(0.6);
        assertThat(sample.get("Stddev").asDouble()).isEqualTo(Math.sqrt(2));
        assertThat(dump.at("/Counters/0/Name").asText()).isEqualTo("vault.raft.apply");
    }

    @Test
    void onceAnIntervalHasFinishedItIsTheOneShown() throws IOException {
        telemetry.addSample("core.handle_request", 1);
        clock.advance(Duration.ofSeconds(10));
        telemetry.addSample("core.handle_request", 5);
        telemetry.addSample("core.handle_request", 5);

        JsonNode dump = render(List.of());
        assertThat(dump.get("Timestamp").asText()).isEqualTo("2024-05-01 12:00:00 +0000 UTC");
        assertThat(dump.at("/Samples/0/Count").asInt()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(render(List.of()).at("/Samples/0/Count").asInt()).isEqualTo(2);
    }

    private JsonNode render(List<GaugeValue> gauges) throws IOException {
        return Json.parse(InmemJson.render(gauges, telemetry));
    }
}
