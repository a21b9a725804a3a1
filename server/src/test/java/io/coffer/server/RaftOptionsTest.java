package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.server.config.ConfigException;
import io.coffer.server.config.RaftStorageConfig;
import io.coffer.server.join.JoinSettings;
import io.coffer.storage.RaftNodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.ratis.grpc.server.GrpcServices;
import org.junit.jupiter.api.Test;

/**
 * The {@code storage "raft"} keys beyond addresses reach the Raft node: Vault's {@code snapshot_threshold} and
 * {@code trailing_logs} (they used to be parsed and then ignored), and {@code unseal_from_peers}, which is refused
 * without mutual TLS on the cluster port because it hands out the unseal key.
 */
class RaftOptionsTest {

    private static RaftStorageConfig raft(long trailingLogs, long snapshotThreshold, boolean unsealFromPeers) {
        return new RaftStorageConfig(Path.of("/data"), "n1", 0, trailingLogs, snapshotThreshold,
                Duration.ofSeconds(120), 1_048_576, List.of(), Duration.ofSeconds(10), Duration.ofSeconds(2),
                unsealFromPeers);
    }

    private static NodeSettings settings(RaftOptions options) {
        return new NodeSettings(new NodeIdentity("n1", "http://127.0.0.1:8200", "https://127.0.0.1:8201"),
                Path.of("/data"), List.of(), "127.0.0.1", 8201, 0, ApiOptions.defaults(), JoinSettings.none(), null,
                options);
    }

    @Test
    void snapshotThresholdAndTrailingLogsReachTheRaftConfiguration() {
        RaftNodeConfig config = RaftStorageHost.config(settings(ConfigSettings.raftOptions(raft(8, 64, false),
                true)));
        assertThat(config.snapshotThreshold()).isEqualTo(64);
        assertThat(config.logTrailingEntries()).isEqualTo(8);
    }

    @Test
    void vaultsDefaultsApplyWhenTheKeysAreAbsent() {
        RaftNodeConfig config = RaftStorageHost.config(settings(ConfigSettings.raftOptions(
                raft(RaftStorageConfig.DEFAULT_TRAILING_LOGS, RaftStorageConfig.DEFAULT_SNAPSHOT_THRESHOLD, false),
                true)));
        assertThat(config.snapshotThreshold()).isEqualTo(8192);
        assertThat(config.logTrailingEntries()).isEqualTo(10_000);
    }

    @Test
    void zeroSnapshotThresholdKeepsCoffersDefault() {
        RaftNodeConfig config = RaftStorageHost.config(settings(ConfigSettings.raftOptions(raft(0, 0, false),
                true)));
        assertThat(config.snapshotThreshold())
                .isEqualTo(RaftNodeConfig.builder("n", Path.of("/d"), "h", 1).build().snapshotThreshold());
        assertThat(config.logTrailingEntries()).isZero();
    }

    @Test
    void unsealFromPeersWithoutClusterTlsIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ConfigSettings.raftOptions(raft(10, 10, true), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unseal_from_peers = true needs mutual TLS on the cluster port")
                .hasMessageContaining("configure tls_cert_file and tls_key_file");
        assertThat(ConfigSettings.raftOptions(raft(10, 10, true), true).unsealFromPeers()).isTrue();
        assertThat(ConfigSettings.raftOptions(raft(10, 10, false), false).unsealFromPeers()).isFalse();
    }

    @Test
    void anExtraGrpcCustomizerIsApplied() {
        GrpcServices.Customizer extra = (builder, types) -> builder;
        assertThat(RaftStorageHost.config(settings(RaftOptions.defaults()), extra).grpcCustomizer()).isSameAs(extra);
        assertThat(RaftStorageHost.config(settings(RaftOptions.defaults())).grpcCustomizer()).isNull();
    }
}
