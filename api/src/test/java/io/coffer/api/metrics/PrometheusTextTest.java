package io.coffer.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text exposition: valid for a strict parser, Vault's names and types, counters without {@code _total}. */
class PrometheusTextTest {

    private final Telemetry telemetry = new Telemetry(new MetricNames("host", true),
            new MutableClock(Instant.parse("2024-05-01T12:00:00Z")));

    @Test
    void gaugesSummariesAndCountersParseStrictly() {
        telemetry.addSample("core.handle_request", 2.5);
        telemetry.addSample("core.handle_request", 7.5);
        telemetry.incrCounter("raft.state.leader", 1);
        List<GaugeValue> gauges = List.of(new GaugeValue("core.unsealed", 1, Map.of("cluster", "vault-cluster-1")),
                new GaugeValue("core.active", 0, Map.of("cluster", "vault-cluster-1")));

        Map<String, PromParser.Family> families = PromParser.parse(text(gauges));

        assertThat(families.get("vault_core_unsealed").type()).isEqualTo("gauge");
        assertThat(families.get("vault_core_unsealed").samples().get(0).labels())
                .containsEntry("cluster", "vault-cluster-1");
        assertThat(families.get("vault_core_active").samples().get(0).value()).isZero();
        PromParser.Family summary = families.get("vault_core_handle_request");
        assertThat(summary.type()).isEqualTo("summary");
        assertThat(summary.samples()).extracting(PromParser.Sample::name)
                .contains("vault_core_handle_request", "vault_core_handle_request_sum",
                        "vault_core_handle_request_count");
        assertThat(summary.samples()).filteredOn(s -> s.name().endsWith("_count"))
                .extracting(PromParser.Sample::value).containsExactly(2.0);
        assertThat(summary.samples()).filteredOn(s -> s.labels().containsKey("quantile"))
                .extracting(s -> s.labels().get("quantile")).containsExactly("0.5", "0.9", "0.99");
        assertThat(families.get("vault_raft_state_leader").type()).isEqualTo("counter");
        assertThat(families.get("vault_raft_state_leader").samples().get(0).value()).isEqualTo(1.0);
        assertThat(families).doesNotContainKey("vault_raft_state_leader_total");
    }

    @Test
    void theParserRejectsMalformedExpositions() {
        assertThatThrownBy(() -> PromParser.parse("a 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromParser.parse("1a 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromParser.parse("a{b=c} 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromParser.parse("a one\n")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> PromParser.parse("a 1\nb 1\na{x=\"y\"} 1\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromParser.parse("a 1\n# TYPE a gauge\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromParser.parse("a 1\na 2\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromParser.parse("# TYPE s summary\ns 1\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreWrittenAsGoWritesThem() {
        assertThat(PrometheusText.number(3)).isEqualTo("3");
        assertThat(PrometheusText.number(0.25)).isEqualTo("0.25");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
    }

    private String text(List<GaugeValue> gauges) {
        return new String(PrometheusText.render(gauges, telemetry), StandardCharsets.UTF_8);
    }
}
