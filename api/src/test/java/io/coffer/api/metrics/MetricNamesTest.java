package io.coffer.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** vault-api.md §9.2: the {@code vault} prefix, host name in gauges unless disabled, go-metrics flattening. */
class MetricNamesTest {

    @Test
    void gaugesGetTheHostNameAfterTheVaultPrefix() {
        MetricNames names = new MetricNames("node-1.example.com", false);
        assertThat(names.dottedGauge("core.unsealed")).isEqualTo("vault.node-1.example.com.core.unsealed");
        assertThat(names.prometheusGauge("core.unsealed")).isEqualTo("vault_node_1_example_com_core_unsealed");
    }

    @Test
    void disableHostnameKeepsPlainGaugeNames() {
        MetricNames names = new MetricNames("node-1", true);
        assertThat(names.prometheusGauge("core.unsealed")).isEqualTo("vault_core_unsealed");
        assertThat(names.dottedGauge("core.unsealed")).isEqualTo("vault.core.unsealed");
    }

    @Test
    void timersAndCountersNeverGetTheHostName() {
        MetricNames names = new MetricNames("node-1", false);
        assertThat(names.prometheus("core.handle_request")).isEqualTo("vault_core_handle_request");
        assertThat(names.prometheus("raft.state.leader")).isEqualTo("vault_raft_state_leader");
    }

    @Test
    void flatteningKeepsCaseAndReplacesForbiddenCharacters() {
        assertThat(MetricNames.flatten("vault.raft.leader.lastContact")).isEqualTo("vault_raft_leader_lastContact");
        assertThat(MetricNames.flatten("vault.a b=c-d/e")).isEqualTo("vault_a_b_c_d_e");
    }
}
