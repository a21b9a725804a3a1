package io.coffer.api.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Autopilot configuration as Vault reads and validates it (vault-api.md §3.7): defaults with Go duration strings,
 * only supplied fields kept, Vault's 400 texts for clean-up without quorum or with a short dead-server threshold,
 * and the Enterprise-only field refused.
 */
class AutopilotConfigTest {

    private static ObjectNode body(String json) throws IOException {
        return (ObjectNode) Json.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void neverConfiguredClusterReadsVaultsDefaults() {
        ObjectNode data = AutopilotConfig.NONE.render();
        assertThat(data.path("cleanup_dead_servers").asBoolean()).isFalse();
        assertThat(data.path("last_contact_threshold").asText()).isEqualTo("10s");
        assertThat(data.path("dead_server_last_contact_threshold").asText()).isEqualTo("24h0m0s");
        assertThat(data.path("max_trailing_logs").asLong()).isEqualTo(1000);
        assertThat(data.path("min_quorum").asLong()).isZero();
        assertThat(data.path("server_stabilization_time").asText()).isEqualTo("10s");
        assertThat(data.path("disable_upgrade_migration").asBoolean()).isFalse();
    }

    @Test
    void suppliedFieldsAreKeptAndDurationsAcceptStringsOrSeconds() throws IOException {
        AutopilotConfig updated = AutopilotConfig.NONE.update(body(
                "{\"last_contact_threshold\":\"30s\",\"server_stabilization_time\":45,\"max_trailing_logs\":\"500\"}"));
        assertThat(updated.cleanupDeadServers()).isNull();
        ObjectNode data = updated.render();
        assertThat(data.path("last_contact_threshold").asText()).isEqualTo("30s");
        assertThat(data.path("server_stabilization_time").asText()).isEqualTo("45s");
        assertThat(data.path("max_trailing_logs").asLong()).isEqualTo(500);
        AutopilotConfig cleanup = updated.update(body(
                "{\"cleanup_dead_servers\":true,\"min_quorum\":3,\"dead_server_last_contact_threshold\":\"2m\"}"));
        assertThat(cleanup.render().path("dead_server_last_contact_threshold").asText()).isEqualTo("2m0s");
        assertThat(cleanup.lastContactThreshold()).isEqualTo(30L);
    }

    @Test
    void invalidCombinationsGetVaultsTexts() {
        assertThatThrownBy(() -> AutopilotConfig.NONE.update(body("{\"cleanup_dead_servers\":true}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("min_quorum must be set when "
                        + "cleanup_dead_servers is set and it should at least be 3; cleanup_dead_servers: true, "
                        + "min_quorum: 0x0");
        assertThatThrownBy(() -> AutopilotConfig.NONE.update(body("{\"cleanup_dead_servers\":true,\"min_quorum\":3,"
                + "\"dead_server_last_contact_threshold\":\"30s\"}")))
                .hasMessageContaining("dead_server_last_contact_threshold should not be set to less than 1m; "
                        + "received: 30");
        assertThatThrownBy(() -> AutopilotConfig.NONE.update(body("{\"disable_upgrade_migration\":false}")))
                .hasMessageContaining("disable_upgrade_migration is only available in Vault Enterprise");
        assertThatThrownBy(() -> AutopilotConfig.NONE.update(body("{\"min_quorum\":\"many\"}")))
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }
}
