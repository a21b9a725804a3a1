package io.coffer.server;

import io.coffer.api.core.LocalRaftHost;
import io.coffer.storage.RaftNodeConfig;
import java.time.Duration;
import org.apache.ratis.grpc.server.GrpcServices;

/**
 * Holds this node's {@link io.coffer.storage.RaftStorage}: recovered at start-up when the data directory has Raft
 * state, otherwise created by {@code sys/init} (a one-node group) or by a join. The Raft settings come from the
 * node's configuration ({@link #config}).
 */
final class RaftStorageHost extends LocalRaftHost {

    RaftStorageHost(RaftNodeConfig config) {
        super(config);
    }

    /** Raft timing from Vault's {@code performance_multiplier}: 0 and 1 are Coffer's fast default (150/300 ms). */
    static RaftNodeConfig config(NodeSettings settings) {
        return config(settings, null);
    }

    /**
     * As {@link #config(NodeSettings)}, with Vault's {@code snapshot_threshold} and {@code trailing_logs}, and
     * {@code extra} (or null) applied to the cluster port's gRPC server after the TLS handshake logging.
     */
    static RaftNodeConfig config(NodeSettings settings, GrpcServices.Customizer extra) {
        int multiplier = Math.max(1, settings.performanceMultiplier());
        RaftNodeConfig.Builder builder = RaftNodeConfig.builder(settings.identity().nodeId(), settings.dataDir(),
                        settings.clusterHost(), settings.clusterPort())
                .electionTimeout(Duration.ofMillis(150L * multiplier), Duration.ofMillis(300L * multiplier));
        if (settings.raft().snapshotThreshold() > 0) {
            builder.snapshotThreshold(settings.raft().snapshotThreshold());
        }
        if (settings.raft().trailingLogs() >= 0) {
            builder.logTrailingEntries(settings.raft().trailingLogs());
        }
        if (settings.clusterTls() != null) {
            settings.clusterTls().applyTo(builder);
        }
        if (extra != null) {
            GrpcServices.Customizer first = builder.build().grpcCustomizer();
            builder.grpcCustomizer(first == null ? extra : (b, types) -> extra.customize(first.customize(b, types),
                    types));
        }
        return builder.build();
    }
}
