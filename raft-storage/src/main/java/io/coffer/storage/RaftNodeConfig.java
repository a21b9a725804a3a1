package io.coffer.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.grpc.server.GrpcServices;

/**
 * Everything one node needs to run its Raft server and its RocksDB state machine.
 *
 * <p>On-disk layout under {@code dataDir}:
 * <ul>
 *   <li>{@code raft/<group-uuid>/current/} — the Ratis log and metadata;</li>
 *   <li>{@code raft/<group-uuid>/sm/snapshot.<term>_<index>} (+ {@code .md5}) — state machine snapshots, the files
 *       Ratis ships to a lagging follower (Ratis replaces this folder wholesale on install);</li>
 *   <li>{@code kv/} — the RocksDB database (data + last applied term/index), outside the Ratis folder so a snapshot
 *       install can never delete it;</li>
 *   <li>{@code broken-snapshots/} — snapshots that failed their checksum, renamed {@code *.broken} and kept;</li>
 *   <li>{@code tmp/} — scratch space on the same file system: exports ({@link SnapshotExport} checkpoints) and
 *       uploaded snapshot archives; emptied at start-up.</li>
 * </ul>
 *
 * @param nodeId              this node's Raft peer id (Vault's {@code node_id})
 * @param dataDir             root of this node's storage
 * @param host                host (IP) of the cluster address; the gRPC server binds exactly this host
 * @param port                port of the cluster address (raft, client and admin services share it)
 * @param electionTimeoutMin  Raft election timeout, lower bound (default 150 ms)
 * @param electionTimeoutMax  Raft election timeout, upper bound (default 300 ms)
 * @param tls                 mutual TLS for the cluster port, or null for plain gRPC
 * @param requestTimeout      bound on {@code txn()} and {@code readBarrier()} before they fail (default 5 s)
 * @param groupCommitLinger   how long the batcher waits for more transactions before sending (default 0)
 * @param maxBatchTxns        most transactions per Raft entry (default 512)
 * @param maxBatchBytes       flush a batch once it reaches this many encoded bytes (default 1 MiB)
 * @param maxInFlightBatches  Raft entries this node may have in flight at once (default 4)
 * @param snapshotThreshold   take a snapshot every this many applied log entries, then purge the log (default 10000)
 * @param logTrailingEntries  log entries kept behind the snapshot so short lags need no snapshot (default 1024)
 * @param logSegmentBytes     Raft log segment size; the log is purged a whole closed segment at a time (8 MiB)
 * @param grpcCustomizer      applied to the gRPC server of the cluster port before it is built (e.g. to observe TLS
 *                            handshakes), or null
 */
public record RaftNodeConfig(String nodeId, Path dataDir, String host, int port,
                             Duration electionTimeoutMin, Duration electionTimeoutMax, GrpcTlsConfig tls,
                             Duration requestTimeout, Duration groupCommitLinger, int maxBatchTxns, int maxBatchBytes,
                             int maxInFlightBatches, long snapshotThreshold, long logTrailingEntries,
                             long logSegmentBytes, GrpcServices.Customizer grpcCustomizer) {

    public RaftNodeConfig {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(electionTimeoutMin, "electionTimeoutMin");
        Objects.requireNonNull(electionTimeoutMax, "electionTimeoutMax");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(groupCommitLinger, "groupCommitLinger");
        if (nodeId.isBlank() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("nodeId must be set and port in 1..65535");
        }
        if (electionTimeoutMin.compareTo(electionTimeoutMax) > 0 || electionTimeoutMin.isNegative()
                || electionTimeoutMin.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()
                || groupCommitLinger.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive (election min <= max), linger >= 0");
        }
        if (maxBatchTxns < 1 || maxBatchTxns > Revision.MAX_TXNS_PER_ENTRY || maxBatchBytes < 1
                || maxInFlightBatches < 1 || snapshotThreshold < 1 || logTrailingEntries < 0
                || logSegmentBytes < 4096) {
            throw new IllegalArgumentException("batch, snapshot or log limits out of range");
        }
    }

    /** "host:port" of the cluster port, as peers dial it. */
    public String address() {
        return host + ":" + port;
    }

    /** Root of the Ratis storage ({@code dataDir/raft}). */
    public Path raftDir() {
        return raftDir(dataDir);
    }

    /** The RocksDB directory ({@code dataDir/kv}). */
    public Path kvDir() {
        return dataDir.resolve("kv");
    }

    /** Where snapshots that failed verification are kept ({@code dataDir/broken-snapshots}). */
    public Path brokenSnapshotDir() {
        return dataDir.resolve("broken-snapshots");
    }

    /** Scratch space for exports and uploads ({@code dataDir/tmp}), emptied when the node starts. */
    public Path scratchDir() {
        return dataDir.resolve("tmp");
    }

    static Path raftDir(Path dataDir) {
        return dataDir.resolve("raft");
    }

    public static Builder builder(String nodeId, Path dataDir, String host, int port) {
        return new Builder(nodeId, dataDir, host, port);
    }

    /** Builder with the documented defaults. Not thread-safe. */
    public static final class Builder {
        private final String nodeId;
        private final Path dataDir;
        private final String host;
        private final int port;
        private Duration electionTimeoutMin = Duration.ofMillis(150);
        private Duration electionTimeoutMax = Duration.ofMillis(300);
        private GrpcTlsConfig tls;
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration groupCommitLinger = Duration.ZERO;
        private int maxBatchTxns = 512;
        private int maxBatchBytes = 1 << 20;
        private int maxInFlightBatches = 4;
        private long snapshotThreshold = 10_000;
        private long logTrailingEntries = 1024;
        private long logSegmentBytes = 8L << 20;
        private GrpcServices.Customizer grpcCustomizer;

        private Builder(String nodeId, Path dataDir, String host, int port) {
            this.nodeId = nodeId;
            this.dataDir = dataDir;
            this.host = host;
            this.port = port;
        }

        public Builder electionTimeout(Duration min, Duration max) {
            this.electionTimeoutMin = min;
            this.electionTimeoutMax = max;
            return this;
        }

        public Builder tls(GrpcTlsConfig tlsConfig) {
            this.tls = tlsConfig;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public Builder groupCommitLinger(Duration linger) {
            this.groupCommitLinger = linger;
            return this;
        }

        public Builder maxBatch(int txns, int bytes) {
            this.maxBatchTxns = txns;
            this.maxBatchBytes = bytes;
            return this;
        }

        public Builder maxInFlightBatches(int batches) {
            this.maxInFlightBatches = batches;
            return this;
        }

        public Builder snapshotThreshold(long entries) {
            this.snapshotThreshold = entries;
            return this;
        }

        public Builder logTrailingEntries(long entries) {
            this.logTrailingEntries = entries;
            return this;
        }

        public Builder logSegmentBytes(long bytes) {
            this.logSegmentBytes = bytes;
            return this;
        }

        public Builder grpcCustomizer(GrpcServices.Customizer customizer) {
            this.grpcCustomizer = customizer;
            return this;
        }

        public RaftNodeConfig build() {
            return new RaftNodeConfig(nodeId, dataDir, host, port, electionTimeoutMin, electionTimeoutMax, tls,
                    requestTimeout, groupCommitLinger, maxBatchTxns, maxBatchBytes, maxInFlightBatches,
                    snapshotThreshold, logTrailingEntries, logSegmentBytes, grpcCustomizer);
        }
    }
}
