package io.coffer.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File and directory loading, merging in name order, and JSON configs. */
class ConfigFilesTest {

    @Test
    void directoryFilesMergeInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("10-storage.hcl"), "storage \"raft\" {\n path = \"/first\"\n}\nui = true\n");
        Files.writeString(dir.resolve("20-listener.hcl"), "listener \"tcp\" {\n address = \"127.0.0.1:8200\"\n"
                + " tls_disable = true\n}\napi_addr = \"http://n1:8200\"\n");
        Files.writeString(dir.resolve("30-more.json"), "{\"listener\": {\"tcp\": {\"address\": \"127.0.0.1:8300\","
                + " \"tls_disable\": \"true\"}}, \"storage\": {\"raft\": {\"path\": \"/second\"}}}");
        Files.writeString(dir.resolve("notes.txt"), "not config");
        Files.writeString(dir.resolve("40-backup.hcl~"), "broken {{{");
        Files.createDirectory(dir.resolve("sub.hcl"));

        ServerConfig config = ConfigLoader.load(List.of(dir), Map.of());

        assertThat(config.storage().path()).isEqualTo(Path.of("/second"));
        assertThat(config.listeners()).extracting(ListenerConfig::address)
                .containsExactly("127.0.0.1:8200", "127.0.0.1:8300");
        assertThat(config.ui()).isTrue();
        assertThat(config.apiAddr()).isEqualTo("http://n1:8200");
    }

    @Test
    void repeatedPathsMergeLaterOverEarlier(@TempDir Path dir) throws Exception {
        Path base = Files.writeString(dir.resolve("base.hcl"), Configs.MINIMAL + "max_lease_ttl = \"1h\"\n");
        Path over = Files.writeString(dir.resolve("override.hcl"), "max_lease_ttl = \"2h\"\n"
                + "telemetry {\n disable_hostname = true\n}\n");

        ServerConfig config = ConfigLoader.load(List.of(base, over), Map.of());

        assertThat(config.maxLeaseTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(config.telemetry().disableHostname()).isTrue();
    }

    @Test
    void jsonConfigLoads(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("config.json"), "{\n"
                + "  \"storage\": {\"raft\": {\"path\": \"/vault/data\", \"node_id\": \"n1\",\n"
                + "      \"retry_join\": [{\"leader_api_addr\": \"https://n2:8200\"},"
                + " {\"leader_api_addr\": \"https://n3:8200\"}]}},\n"
                + "  \"listener\": [{\"tcp\": {\"address\": \"0.0.0.0:8200\", \"tls_disable\": 1,\n"
                + "      \"telemetry\": {\"unauthenticated_metrics_access\": true}}}],\n"
                + "  \"telemetry\": {\"prometheus_retention_time\": \"12h\"},\n"
                + "  \"api_addr\": \"http://n1:8200\", \"max_lease_ttl\": 2764800, \"ui\": true\n}\n");

        ServerConfig config = ConfigLoader.load(List.of(json), Map.of());

        assertThat(config.storage().nodeId()).isEqualTo("n1");
        assertThat(config.storage().retryJoin()).hasSize(2);
        assertThat(config.listeners().get(0).tlsDisable()).isTrue();
        assertThat(config.listeners().get(0).unauthenticatedMetricsAccess()).isTrue();
        assertThat(config.telemetry().prometheusRetentionTime()).isEqualTo(Duration.ofHours(12));
        assertThat(config.maxLeaseTtl()).isEqualTo(Duration.ofHours(768));
        assertThat(config.clusterAddr()).isEqualTo("https://n1:8201");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void fromStringDetectsJson() {
        ServerConfig config = ConfigLoader.fromString("{\"storage\": {\"raft\": {\"path\": \"d\"}},"
                + " \"listener\": {\"tcp\": {\"tls_disable\": true}}}", Path.of("/base"));

        assertThat(config.storage().path()).isEqualTo(Path.of("/base/d"));
    }

    @Test
    void syntaxErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path hcl = Files.writeString(dir.resolve("bad.hcl"), "api_addr = \"unterminated\n");
        Path json = Files.writeString(dir.resolve("bad.json"), "{\"ui\": tru}");

        assertThatThrownBy(() -> ConfigLoader.load(List.of(hcl), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(hcl + ": invalid HCL: ");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(json), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(json + ": invalid JSON: ");
    }

    @Test
    void missingPathsAndEmptyDirectoriesAreErrors(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLoader.load(List.of(dir.resolve("nope.hcl")), Map.of()))
                .hasMessage("config path " + dir.resolve("nope.hcl") + " does not exist");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(dir), Map.of()))
                .hasMessage("config directory " + dir + " contains no .hcl or .json files");
        assertThatThrownBy(() -> ConfigLoader.load(List.of(), Map.of()))
                .hasMessageStartingWith("no configuration file given");
    }

    @Test
    void twoStorageStanzasInOneFileNameTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("two.hcl"), Configs.RAFT + Configs.MINIMAL);

        assertThatThrownBy(() -> ConfigLoader.load(List.of(file), Map.of()))
                .hasMessage(file + ": only one \"storage\" block is permitted");
    }
}
