package io.coffer.server;

/**
 * {@code storage "raft"} settings beyond addresses and timing, as {@code config.hcl} gives them.
 *
 * @param snapshotThreshold Vault's {@code snapshot_threshold}: applied log entries between snapshots; 0 keeps
 *                          Coffer's default
 * @param trailingLogs      Vault's {@code trailing_logs}: log entries kept behind a snapshot, so a follower that
 *                          lags by fewer catches up from the log instead of a snapshot; negative keeps Coffer's default
 * @param unsealFromPeers   Coffer's opt-in {@code unseal_from_peers}: a restarted member fetches the unseal key from
 *                          the unsealed leader over the mutual-TLS cluster port (see docs/unseal-from-peers.md)
 */
public record RaftOptions(long snapshotThreshold, long trailingLogs, boolean unsealFromPeers) {

    /** Coffer's defaults, peer unseal off (-dev, in-process tests). */
    public static RaftOptions defaults() {
        return new RaftOptions(0, -1, false);
    }
}
