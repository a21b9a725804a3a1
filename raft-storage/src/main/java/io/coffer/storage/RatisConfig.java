package io.coffer.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.client.retry.RequestTypeDependentRetryPolicy;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.proto.RaftProtos.RaftClientRequestProto.TypeCase;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.retry.RetryPolicy;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;

/** Translates a {@link RaftNodeConfig} into Ratis properties, parameters and retry policies. Pure code. */
final class RatisConfig {

    private static final long MAX_PREALLOCATED = 4L << 20;

    private RatisConfig() {
    }

    static RaftProperties serverProperties(RaftNodeConfig cfg) {
        RaftProperties p = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(p, List.of(cfg.raftDir().toFile()));
        GrpcConfigKeys.Server.setHost(p, cfg.host());
        GrpcConfigKeys.Server.setPort(p, cfg.port());

        TimeDuration min = millis(cfg.electionTimeoutMin());
        TimeDuration max = millis(cfg.electionTimeoutMax());
        RaftServerConfigKeys.Rpc.setTimeoutMin(p, min);
        RaftServerConfigKeys.Rpc.setTimeoutMax(p, max);
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p, min);
        RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p, max);

        RaftServerConfigKeys.Read.setOption(p, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setTimeout(p, millis(cfg.requestTimeout()));

        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, cfg.snapshotThreshold());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
        // Purge up to the snapshot even past a down follower's commit index: it catches up by snapshot install.
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
        RaftServerConfigKeys.Log.setPurgePreservationLogNum(p, cfg.logTrailingEntries());
        RaftServerConfigKeys.Log.setPurgeGap(p, (int) Math.min(1024, cfg.snapshotThreshold()));
        RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(cfg.logSegmentBytes()));
        RaftServerConfigKeys.Log.setPreallocatedSize(p,
                SizeInBytes.valueOf(Math.min(MAX_PREALLOCATED, cfg.logSegmentBytes())));
        RaftServerConfigKeys.Log.Appender.setInstallSnapshotEnabled(p, true);
        // Ratis backs off to 5 s between attempts to reach a down follower; a restarted node (Vault users expect
        // ~1 s) should be picked up within a second or so, for about as long overall (~1.4 h) as the default.
        RaftServerConfigKeys.Log.Appender.setRetryPolicy(p, "1ms,10, 200ms,50, 1s,5000");
        return p;
    }

    /** Client side of this node (writes forwarded to the leader, read barriers). */
    static RaftProperties clientProperties(RaftNodeConfig cfg) {
        RaftProperties p = new RaftProperties();
        // One attempt must give up on a dead leader soon enough to retry within the request timeout.
        long attemptMs = Math.max(500, Math.min(cfg.requestTimeout().toMillis() / 2,
                4 * cfg.electionTimeoutMax().toMillis()));
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, TimeDuration.valueOf(attemptMs, TimeUnit.MILLISECONDS));
        RaftClientConfigKeys.Async.setOutstandingRequestsMax(p, 4 * cfg.maxInFlightBatches() + 64);
        return p;
    }

    /** Client for membership changes, whose single call may wait for a new peer to catch up. */
    static RaftProperties adminClientProperties(Duration timeout) {
        RaftProperties p = new RaftProperties();
        RaftClientConfigKeys.Rpc.setRequestTimeout(p, millis(timeout));
        return p;
    }

    /** Retries (leader changes, not-ready leaders) every 20 ms, giving up after the request timeout. */
    static RetryPolicy retryPolicy(RaftNodeConfig cfg) {
        TimeDuration deadline = millis(cfg.requestTimeout());
        RetryPolicy retry = RetryPolicies.retryForeverWithSleep(TimeDuration.valueOf(20, TimeUnit.MILLISECONDS));
        return RequestTypeDependentRetryPolicy.newBuilder()
                .setRetryPolicy(TypeCase.WRITE, retry).setTimeout(TypeCase.WRITE, deadline)
                .setRetryPolicy(TypeCase.READ, retry).setTimeout(TypeCase.READ, deadline)
                .build();
    }

    static RetryPolicy adminRetryPolicy() {
        return RetryPolicies.retryUpToMaximumCountWithFixedSleep(20, TimeDuration.valueOf(250, TimeUnit.MILLISECONDS));
    }

    static Parameters parameters(RaftNodeConfig cfg) {
        Parameters params = new Parameters();
        if (cfg.tls() != null) {
            GrpcConfigKeys.TLS.setConf(params, cfg.tls());
        }
        if (cfg.grpcCustomizer() != null) {
            GrpcConfigKeys.Server.setServicesCustomizer(params, cfg.grpcCustomizer());
        }
        return params;
    }

    static RaftPeer peer(String id, String address) {
        return RaftPeer.newBuilder().setId(id).setAddress(address).build();
    }

    private static TimeDuration millis(Duration d) {
        return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
    }
}
