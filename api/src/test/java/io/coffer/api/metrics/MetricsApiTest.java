package io.coffer.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.Json;
import io.coffer.api.testing.ApiTestNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sys/metrics} on a real node (vault-api.md §9): formats, the telemetry stanza rule, token and seal
 * behaviour with and without {@code unauthenticated_metrics_access}, and the node gauges following seal state.
 */
class MetricsApiTest {

    private static final String ROOT = ApiTestNode.ROOT;
    private static final Map<String, String> PROMETHEUS = Map.of("format", "prometheus");

    @TempDir
    Path dir;
    private ApiTestNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void activeAndUnsealedFlipAcrossSealAndUnseal() {
        node = ApiTestNode.start(dir, options(true, true, true, "node-a"));

        Map<String, PromParser.Family> up = scrape(null);
        assertThat(value(up, "vault_core_unsealed")).isEqualTo(1.0);
        assertThat(value(up, "vault_core_active")).isEqualTo(1.0);
        assertThat(up.get("vault_core_active").samples().get(0).labels()).containsKey("cluster");
        assertThat(value(up, "vault_raft_leader")).isEqualTo(1.0);
        assertThat(value(up, "vault_raft_peers")).isEqualTo(1.0);
        assertThat(value(up, "vault_autopilot_healthy")).isEqualTo(1.0);
        assertThat(up.get("vault_raft_state_leader").type()).isEqualTo("counter");
        assertThat(value(up, "vault_raft_state_leader")).isGreaterThanOrEqualTo(1.0);

        node.seal();
        Map<String, PromParser.Family> sealed = scrape(null);
        assertThat(value(sealed, "vault_core_unsealed")).isZero();
        assertThat(value(sealed, "vault_core_active")).isZero();
        assertThat(sealed).doesNotContainKey("vault_autopilot_healthy");
        assertThat(value(sealed, "vault_raft_leader")).as("raft keeps running while sealed").isEqualTo(1.0);

        node.unseal();
        Map<String, PromParser.Family> again = scrape(null);
        assertThat(value(again, "vault_core_unsealed")).isEqualTo(1.0);
        assertThat(value(again, "vault_core_active")).isEqualTo(1.0);
    }

    @Test
    void withoutUnauthenticatedAccessATokenIsNeededAndSealedIs503() {
        node = ApiTestNode.start(dir, options(true, true, false, "node-a"));
        assertThat(node.call("GET", "sys/metrics", null, null, PROMETHEUS, Map.of()).status()).isEqualTo(403);
        assertThat(value(scrape(ROOT), "vault_core_unsealed")).isEqualTo(1.0);
        node.seal();
        ApiTestNode.Result sealed = node.call("GET", "sys/metrics", ROOT, null, PROMETHEUS, Map.of());
        assertThat(sealed.status()).isEqualTo(503);
        assertThat(sealed.json().at("/errors/0").asText()).isEqualTo("Vault is sealed");
    }

    @Test
    void withoutATelemetryStanzaPrometheusIs400ButJsonWorks() throws IOException {
        node = ApiTestNode.start(dir, ApiOptions.defaults());
        ApiTestNode.Result refused = node.call("GET", "sys/metrics", ROOT, null, PROMETHEUS, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).isEqualTo("prometheus is not enabled");
        assertThat(refused.contentType()).isEqualTo("text/plain");

        ApiTestNode.Result json = node.call("GET", "sys/metrics", ROOT, null);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).isEqualTo("application/json");
        JsonNode dump = Json.parse(json.text().getBytes(StandardCharsets.UTF_8));
        assertThat(dump.get("Gauges")).anySatisfy(g -> {
            assertThat(g.get("Name").asText()).isEqualTo("vault.localhost.core.unsealed");
            assertThat(g.get("Value").asInt()).isEqualTo(1);
        });
        assertThat(dump.get("Samples")).anySatisfy(s -> assertThat(s.get("Name").asText())
                .isEqualTo("vault.barrier.get"));
    }

    @Test
    void formatComesFromTheAcceptHeaderAndUnknownFormatsAre400() {
        node = ApiTestNode.start(dir, options(true, true, true, "node-a"));
        ApiTestNode.Result accepted = node.call("GET", "sys/metrics", null, null, Map.of(),
                Map.of("accept", "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5"));
        assertThat(accepted.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        PromParser.parse(accepted.text());
        ApiTestNode.Result unknown = node.call("GET", "sys/metrics", null, null, Map.of("format", "xml"),
                Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text()).isEqualTo("metric response format \"xml\" unknown");
    }

    @Test
    void gaugeNamesCarryTheHostNameUnlessDisabled() {
        node = ApiTestNode.start(dir, options(true, false, true, "node-a.example"));
        Map<String, PromParser.Family> families = scrape(null);
        assertThat(families).containsKeys("vault_node_a_example_core_unsealed", "vault_node_a_example_raft_leader");
        assertThat(families).doesNotContainKey("vault_core_unsealed");
    }

    @Test
    void requestsAndBarrierOperationsAreTimed() {
        node = ApiTestNode.start(dir, options(true, true, false, "node-a"));
        node.call("GET", "sys/mounts", ROOT, null);
        node.call("POST", "sys/mounts/secret", ROOT, "{\"type\":\"kv\"}");
        Map<String, PromParser.Family> families = scrape(ROOT);

        PromParser.Family requests = families.get("vault_core_handle_request");
        assertThat(requests.type()).isEqualTo("summary");
        assertThat(requests.samples()).filteredOn(s -> s.name().endsWith("_count"))
                .allSatisfy(s -> assertThat(s.value()).isGreaterThanOrEqualTo(2.0));
        assertThat(families.get("vault_barrier_get").type()).isEqualTo("summary");
        assertThat(families.get("vault_barrier_put").type()).isEqualTo("summary");
        assertThat(value(families, "vault_raft_apply")).isGreaterThanOrEqualTo(1.0);
    }

    private Map<String, PromParser.Family> scrape(String token) {
        ApiTestNode.Result result = node.call("GET", "sys/metrics", token, null, PROMETHEUS, Map.of());
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        return PromParser.parse(result.text());
    }

    private static double value(Map<String, PromParser.Family> families, String name) {
        assertThat(families).containsKey(name);
        return families.get(name).samples().get(0).value();
    }

    private static ApiOptions options(boolean prometheus, boolean disableHostname, boolean unauthenticated,
                                      String hostname) {
        return new ApiOptions(null, Duration.ofHours(768), Duration.ofHours(768), prometheus,
                Duration.ofHours(24), disableHostname, unauthenticated, hostname);
    }
}
