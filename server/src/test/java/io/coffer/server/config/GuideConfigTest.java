package io.coffer.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The config.hcl of the HA guide (guide-ha-vault-raft.txt), copied verbatim into src/test/resources/config,
 * must load unchanged: a Vault user drops it in and Coffer starts.
 */
class GuideConfigTest {

    private static ServerConfig loadGuide() throws Exception {
        Path guide = Path.of(GuideConfigTest.class.getResource("/config/guide.hcl").toURI());
        return ConfigLoader.load(List.of(guide), Map.of());
    }

    @Test
    void guideConfigLoadsWithEveryValue() throws Exception {
        ServerConfig config = loadGuide();

        assertThat(config.storage().path()).isEqualTo(Path.of("/vault/data"));
        assertThat(config.storage().nodeId()).isEqualTo("vault1");
        assertThat(config.storage().retryJoin()).extracting(RetryJoinConfig::leaderApiAddr)
                .containsExactly("https://vault2.example.com:8200", "https://vault3.example.com:8200");
        assertThat(config.listeners()).singleElement().satisfies(l -> {
            assertThat(l.address()).isEqualTo("0.0.0.0:8200");
            assertThat(l.tlsDisable()).isFalse();
            assertThat(l.tlsCertFile()).isEqualTo(Path.of("/certs/vault1.pem"));
            assertThat(l.tlsKeyFile()).isEqualTo(Path.of("/certs/key.pem"));
        });
        assertThat(config.apiAddr()).isEqualTo("https://vault1.example.com:8200");
        assertThat(config.clusterAddr()).isEqualTo("https://vault1.example.com:8201");
        assertThat(config.disableMlock()).isTrue();
        assertThat(config.ui()).isTrue();
    }

    @Test
    void guideConfigGetsVaultDefaultsAndNoWarnings() throws Exception {
        ServerConfig config = loadGuide();

        assertThat(config.warnings()).isEmpty();
        assertThat(config.clusterHost()).isEqualTo("vault1.example.com");
        assertThat(config.clusterPort()).isEqualTo(8201);
        assertThat(config.clusterHostPort()).isEqualTo("vault1.example.com:8201");
        assertThat(config.listeners().get(0).clusterAddress()).isEqualTo("0.0.0.0:8201");
        assertThat(config.listeners().get(0).maxRequestSize()).isEqualTo(33_554_432L);
        assertThat(config.listeners().get(0).tlsMinVersion()).isEqualTo("tls12");
        assertThat(config.telemetry().present()).isFalse();
        assertThat(config.telemetry().prometheusEnabled()).isFalse();
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.defaultLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(config.maxLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(config.defaultMaxRequestDuration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.storage().unsealFromPeers()).isFalse();
        assertThat(config.storage().trailingLogs()).isEqualTo(10_000L);
    }

    @Test
    void guideComposeEnvironmentOverridesApiAddr() throws Exception {
        Path guide = Path.of(GuideConfigTest.class.getResource("/config/guide.hcl").toURI());

        ServerConfig config = ConfigLoader.load(List.of(guide),
                Map.of("VAULT_ADDR", "https://vault1.example.com:8200",
                        "VAULT_API_ADDR", "https://vault1.example.com:8200"));

        assertThat(config.apiAddr()).isEqualTo("https://vault1.example.com:8200");
        assertThat(config.clusterAddr()).isEqualTo("https://vault1.example.com:8201");
    }
}
