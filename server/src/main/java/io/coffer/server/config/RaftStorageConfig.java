package io.coffer.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The {@code storage "raft" {}} stanza (vault-api.md §3.8), after {@code VAULT_RAFT_PATH} and
 * {@code VAULT_RAFT_NODE_ID} have been applied.
 *
 * @param path                       data directory (resolved against the working directory)
 * @param nodeId                     raft node id, or null: the server then generates one and persists it in
 *                                   {@code <path>/node-id}
 * @param performanceMultiplier      0..10; 0 means Vault's default timing of 5
 * @param trailingLogs               log entries kept after a snapshot
 * @param snapshotThreshold          commits between internal snapshots
 * @param snapshotInterval           how often the snapshot threshold is checked
 * @param maxEntrySize               maximum bytes per raft entry
 * @param retryJoin                  the {@code retry_join} blocks, in file order
 * @param autopilotReconcileInterval autopilot reconcile interval
 * @param autopilotUpdateInterval    autopilot state update interval
 * @param unsealFromPeers            Coffer's own opt-in {@code unseal_from_peers} (default false); not a Vault key
 */
public record RaftStorageConfig(
        Path path,
        String nodeId,
        int performanceMultiplier,
        long trailingLogs,
        long snapshotThreshold,
        Duration snapshotInterval,
        long maxEntrySize,
        List<RetryJoinConfig> retryJoin,
        Duration autopilotReconcileInterval,
        Duration autopilotUpdateInterval,
        boolean unsealFromPeers) {

    public static final long DEFAULT_TRAILING_LOGS = 10_000;
    public static final long DEFAULT_SNAPSHOT_THRESHOLD = 8192;
    public static final Duration DEFAULT_SNAPSHOT_INTERVAL = Duration.ofSeconds(120);
    public static final long DEFAULT_MAX_ENTRY_SIZE = 1_048_576;
    public static final Duration DEFAULT_AUTOPILOT_RECONCILE_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_AUTOPILOT_UPDATE_INTERVAL = Duration.ofSeconds(2);

    public RaftStorageConfig {
        retryJoin = List.copyOf(retryJoin);
    }
}
