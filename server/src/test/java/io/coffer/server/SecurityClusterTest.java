package io.coffer.server;

import static io.coffer.server.testing.InProcessCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coffer.api.ApiOptions;
import io.coffer.server.testing.InProcessCluster;
import io.coffer.server.testing.PrometheusText;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's "Security" and "Monitoring" sections on a three-node cluster: policies, a periodic admin token
 * and an app token used across nodes, revocation trees, the file audit device (complete, hashed, fail-closed)
 * and Prometheus gauges following leadership and the seal.
 */
class SecurityClusterTest {

    private static final List<String> NODES = List.of("node1", "node2", "node3");
    private static final String SECRET = "s3cr3t-value-7f1c";

    @TempDir
    Path dir;

    private InProcessCluster cluster;
    private String root;

    @BeforeEach
    void formCluster() {
        cluster = new InProcessCluster(dir.resolve("nodes")).options(new ApiOptions(null, Duration.ofHours(768),
                Duration.ofHours(768), true, Duration.ofHours(24), true, false, "test-host"));
        VaultHttp node1 = cluster.start("node1", "127.0.0.11");
        List<String> keys = InProcessCluster.init(node1);
        root = keys.get(5);
        InProcessCluster.unseal(node1, keys, 0, 1, 2);
        InProcessCluster.awaitUnsealed(node1);
        for (String id : List.of("node2", "node3")) {
            VaultHttp http = cluster.start(id, id.equals("node2") ? "127.0.0.12" : "127.0.0.13");
            assertThat(InProcessCluster.join(http, cluster.apiAddr("node1")).status()).isEqualTo(200);
            InProcessCluster.unseal(http, keys, 1, 3, 4);
            InProcessCluster.awaitUnsealed(http);
        }
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private VaultHttp as(String node, String token) {
        return cluster.http(node).token(token);
    }

    private String createToken(String node, String token, String body) {
        Reply created = as(node, token).post("auth/token/create", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("auth").path("client_token").asText();
    }

    @Test
    void policiesTokensAndAuditWorkFromEveryNode() throws IOException {
        Path audit = dir.resolve("audit.log");
        VaultHttp admin1 = as("node1", root);
        assertThat(admin1.put("sys/audit/file", "{\"type\":\"file\",\"options\":{\"file_path\":\"" + audit
                + "\"}}").status()).isEqualTo(204);
        assertThat(admin1.put("sys/policies/acl/admin", "{\"policy\":\"path \\\"*\\\" { capabilities = "
                + "[\\\"create\\\",\\\"read\\\",\\\"update\\\",\\\"delete\\\",\\\"list\\\",\\\"sudo\\\"] }\"}")
                .status()).isEqualTo(204);
        assertThat(admin1.put("sys/policies/acl/app", "{\"policy\":\"path \\\"secret/data/app/*\\\" { "
                + "capabilities = [\\\"read\\\"] }\"}").status()).isEqualTo(204);
        assertThat(admin1.post("sys/mounts/secret", "{\"type\":\"kv-v2\"}").status()).isEqualTo(204);
        assertThat(admin1.put("secret/data/app/db", "{\"data\":{\"password\":\"" + SECRET + "\"}}").status())
                .isEqualTo(200);

        String adminToken = createToken("node2", root, "{\"policies\":[\"admin\"],\"ttl\":\"0s\","
                + "\"explicit_max_ttl\":\"0s\",\"period\":\"768h0m0s\",\"display_name\":\"\",\"num_uses\":0,"
                + "\"renewable\":true,\"type\":\"service\",\"entity_alias\":\"\"}");
        Reply lookup = as("node3", adminToken).get("auth/token/lookup-self");
        assertThat(lookup.data().path("period").asLong()).isEqualTo(2764800);
        assertThat(lookup.data().path("ttl").asLong()).isBetween(2764700L, 2764800L);

        String appToken = createToken("node3", adminToken, "{\"policies\":[\"app\"]}");
        assertThat(as("node2", appToken).get("secret/data/app/db").data().path("data").path("password").asText())
                .isEqualTo(SECRET);
        assertThat(as("node1", appToken).get("secret/data/other").status()).isEqualTo(403);
        assertThat(as("node3", appToken).put("secret/data/app/db", "{\"data\":{}}").status()).isEqualTo(403);

        assertThat(as("node3", adminToken).put("auth/token/renew-self", "{}").status()).isEqualTo(200);
        String child = createToken("node1", adminToken, "{\"policies\":[\"app\"]}");
        assertThat(as("node2", child).get("secret/data/app/db").status()).isEqualTo(200);
        assertThat(as("node2", root).put("auth/token/revoke", "{\"token\":\"" + adminToken + "\"}").status())
                .isEqualTo(204);
        for (String node : NODES) {
            assertThat(as(node, adminToken).get("auth/token/lookup-self").status()).isEqualTo(403);
            assertThat(as(node, child).get("secret/data/app/db").status()).isEqualTo(403);
            assertThat(as(node, appToken).get("secret/data/app/db").status()).isEqualTo(403);
        }

        String log = Files.readString(audit);
        assertThat(log).contains("\"type\":\"request\"").contains("\"type\":\"response\"")
                .contains("secret/data/other").contains("permission denied")
                .doesNotContain(SECRET).doesNotContain(root).doesNotContain(adminToken).doesNotContain(appToken);
        long requests = log.lines().filter(l -> l.contains("\"type\":\"request\"")).count();
        long responses = log.lines().filter(l -> l.contains("\"type\":\"response\"")).count();
        assertThat(requests).isGreaterThanOrEqualTo(15).isEqualTo(responses);
    }

    @Test
    void unwritableAuditFileFailsRequestsUntilWritableAgain() throws IOException {
        Path audit = dir.resolve("audit2.log");
        VaultHttp admin = as("node2", root);
        assertThat(admin.put("sys/audit/file", "{\"type\":\"file\",\"options\":{\"file_path\":\"" + audit
                + "\"}}").status()).isEqualTo(204);
        assertThat(admin.post("sys/mounts/kv", "{\"type\":\"kv\"}").status()).isEqualTo(204);
        Files.delete(audit);
        Files.createDirectory(audit);
        for (String node : NODES) {
            assertThat(as(node, root).put("kv/blocked", "{\"v\":\"1\"}").status()).isEqualTo(500);
        }
        Files.delete(audit);
        assertThat(as("node3", root).put("kv/open", "{\"v\":\"2\"}").status()).isEqualTo(204);
        assertThat(as("node1", root).get("kv/blocked").status()).isEqualTo(404);
        assertThat(as("node1", root).get("kv/open").status()).isEqualTo(200);
    }

    @Test
    void prometheusGaugesFollowStepDownAndSeal() {
        String active = cluster.awaitActive(NODES);
        assertThat(gauge(active, "vault_core_active")).isEqualTo(1.0);
        assertThat(gauge(active, "vault_core_unsealed")).isEqualTo(1.0);
        String standby = NODES.stream().filter(n -> !n.equals(active)).findFirst().orElseThrow();
        assertThat(gauge(standby, "vault_core_active")).isEqualTo(0.0);
        assertThat(gauge(standby, "vault_raft_leader")).isEqualTo(1.0);
        assertThat(as(active, root).put("sys/step-down", "").status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> !active.equals(cluster.awaitActive(NODES)));
        String next = cluster.awaitActive(NODES);
        await().atMost(WAIT).until(() -> gauge(active, "vault_core_active") == 0.0);
        assertThat(gauge(next, "vault_core_active")).isEqualTo(1.0);
        assertThat(as(next, root).put("sys/seal", "").status()).isEqualTo(204);
        Reply sealedScrape = as(next, root).get("sys/metrics?format=prometheus");
        assertThat(sealedScrape.status()).isEqualTo(503);
        String after = cluster.awaitActive(NODES);
        assertThat(after).isNotEqualTo(next);
        assertThat(gauge(after, "vault_core_unsealed")).isEqualTo(1.0);
        assertThat(gauge(after, "vault_core_active")).isEqualTo(1.0);
    }

    private double gauge(String node, String name) {
        Reply scrape = as(node, root).get("sys/metrics?format=prometheus");
        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        PrometheusText parsed = PrometheusText.parse(scrape.body());
        return parsed.value(name).orElseThrow(() -> new AssertionError(name + " missing from " + node));
    }
}
