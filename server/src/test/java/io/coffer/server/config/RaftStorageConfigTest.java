package io.coffer.server.config;

import static io.coffer.server.config.Configs.PLAIN_LISTENER;
import static io.coffer.server.config.Configs.error;
import static io.coffer.server.config.Configs.parse;
import static io.coffer.server.config.Configs.raft;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RaftStorageConfigTest {

    @Test
    void raftStanzaGetsVaultDefaults() {
        RaftStorageConfig raft = parse(raft("") + PLAIN_LISTENER).storage();

        assertThat(raft.path()).isEqualTo(Path.of("/data"));
        assertThat(raft.nodeId()).isNull();
        assertThat(raft.performanceMultiplier()).isZero();
        assertThat(raft.trailingLogs()).isEqualTo(10_000);
        assertThat(raft.snapshotThreshold()).isEqualTo(8192);
        assertThat(raft.snapshotInterval()).isEqualTo(Duration.ofSeconds(120));
        assertThat(raft.maxEntrySize()).isEqualTo(1_048_576);
        assertThat(raft.retryJoin()).isEmpty();
        assertThat(raft.autopilotReconcileInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(raft.autopilotUpdateInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(raft.unsealFromPeers()).isFalse();
    }

    @Test
    void raftKeysAcceptNumbersAndStrings() {
        RaftStorageConfig raft = parse(raft(" node_id = \"n1\"\n performance_multiplier = 1\n"
                + " trailing_logs = \"500\"\n snapshot_threshold = 100\n snapshot_interval = \"30s\"\n"
                + " max_entry_size = 2097152\n autopilot_reconcile_interval = 5\n"
                + " autopilot_update_interval = \"1s\"\n unseal_from_peers = \"true\"") + PLAIN_LISTENER).storage();

        assertThat(raft.nodeId()).isEqualTo("n1");
        assertThat(raft.performanceMultiplier()).isEqualTo(1);
        assertThat(raft.trailingLogs()).isEqualTo(500);
        assertThat(raft.snapshotThreshold()).isEqualTo(100);
        assertThat(raft.snapshotInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(raft.maxEntrySize()).isEqualTo(2_097_152);
        assertThat(raft.autopilotReconcileInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(raft.autopilotUpdateInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(raft.unsealFromPeers()).isTrue();
    }

    @Test
    void relativePathResolvesAgainstBaseDirectory() {
        assertThat(parse("storage \"raft\" {\n path = \"data/raft\"\n}\n" + PLAIN_LISTENER).storage().path())
                .isEqualTo(Path.of("/base/data/raft"));
    }

    @Test
    void performanceMultiplierIsAtMostTen() {
        assertThat(error(raft(" performance_multiplier = 11") + PLAIN_LISTENER))
                .isEqualTo("storage \"raft\": performance_multiplier: must be between 0 and 10, got 11");
    }

    @Test
    void pathIsRequiredUnlessEnvironmentGivesIt() {
        String noPath = "storage \"raft\" {\n node_id = \"n1\"\n}\n" + PLAIN_LISTENER;

        assertThat(error(noPath)).isEqualTo("storage \"raft\": path is required (or set VAULT_RAFT_PATH)");
        assertThat(parse(noPath, Map.of("VAULT_RAFT_PATH", "/env/data")).storage().path())
                .isEqualTo(Path.of("/env/data"));
    }

    @Test
    void environmentOverridesPathAndNodeId() {
        ServerConfig config = parse(raft(" node_id = \"from-file\"") + PLAIN_LISTENER,
                Map.of("VAULT_RAFT_PATH", "/env/data", "VAULT_RAFT_NODE_ID", "from-env"));

        assertThat(config.storage().path()).isEqualTo(Path.of("/env/data"));
        assertThat(config.storage().nodeId()).isEqualTo("from-env");
    }

    @Test
    void missingStorageIsAnError() {
        assertThat(error(PLAIN_LISTENER)).startsWith("no storage configured");
    }

    @Test
    void otherStorageTypesAreRefusedByName() {
        assertThat(error("storage \"consul\" {\n address = \"127.0.0.1:8500\"\n}\n" + PLAIN_LISTENER))
                .isEqualTo("storage \"consul\" is not supported; Coffer stores data with storage \"raft\"");
        assertThat(error("backend \"file\" {\n path = \"/x\"\n}\n" + PLAIN_LISTENER))
                .isEqualTo("storage \"file\" is not supported; Coffer stores data with storage \"raft\"");
    }

    @Test
    void twoStorageStanzasInOneFileAreAnError() {
        assertThat(error(raft("") + raft("") + PLAIN_LISTENER))
                .isEqualTo("<config>: only one \"storage\" block is permitted");
    }

    @Test
    void haStorageAndDisabledClusteringAreRefused() {
        assertThat(error(raft("") + "ha_storage \"consul\" {\n address = \"x\"\n}\n" + PLAIN_LISTENER))
                .startsWith("ha_storage cannot be declared when storage \"raft\" is used");
        assertThat(error(raft("") + "disable_clustering = true\n" + PLAIN_LISTENER))
                .isEqualTo("disable_clustering: cannot be true with storage \"raft\"");
    }

    @Test
    void unknownRaftKeyWarnsAndKnownVaultKeysAreSilent() {
        ServerConfig config = parse(raft(" retry_join_as_non_voter = false\n max_batch_size = 10\n colour = \"red\"")
                + PLAIN_LISTENER);

        assertThat(config.warnings()).containsExactly("unknown key \"colour\" in storage \"raft\"");
    }

    @Test
    void legacyAddressesInsideStorageAreUsedWhenTopLevelIsAbsent() {
        ServerConfig config = parse(raft(" redirect_addr = \"http://n1:8200\"\n cluster_addr = \"https://n1:8201\"")
                + PLAIN_LISTENER);

        assertThat(config.apiAddr()).isEqualTo("http://n1:8200");
        assertThat(config.clusterAddr()).isEqualTo("https://n1:8201");
    }
}
