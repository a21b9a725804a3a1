package io.coffer.api.sys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.ClusterInfo;
import io.coffer.api.core.HaState;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.SealManager;
import io.coffer.api.core.VaultVersion;
import io.coffer.api.http.GoBool;
import io.coffer.api.router.Call;
import io.coffer.api.router.Routes;
import io.coffer.storage.StorageStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code sys/health} and {@code sys/leader}: unauthenticated, answered by the receiving node (§2.5, §2.6). */
public final class HealthEndpoints {

    private final SealManager seal;
    private final HaState ha;
    private final NodeIdentity self;
    private final Supplier<Optional<ClusterInfo>> cluster;
    private final Supplier<Optional<NodeIdentity>> leader;
    private final Clock clock;

    /** {@code leader} resolves the active node's identity (this node's when it is active). */
    public HealthEndpoints(SealManager seal, HaState ha, NodeIdentity self, Supplier<Optional<ClusterInfo>> cluster,
                           Supplier<Optional<NodeIdentity>> leader, Clock clock) {
        this.seal = seal;
        this.ha = ha;
        this.self = self;
        this.cluster = cluster;
        this.leader = leader;
        this.clock = clock;
    }

    public void register(Routes routes) {
        routes.on("sys/health", this::health, Operation.READ, Operation.HEAD);
        routes.on("sys/leader", c -> leader(), Operation.READ);
    }

    private ApiResponse health(Call call) {
        ApiRequest request = call.request();
        for (String name : List.of("drsecondarycode", "performancestandbycode", "haunhealthycode", "removedcode")) {
            code(request, name, 0);
        }
        flag(request, "perfstandbyok");
        boolean initialized = seal.initialized();
        boolean sealed = seal.sealed();
        boolean active = ha.active();
        int status;
        if (!initialized) {
            status = code(request, "uninitcode", 501);
        } else if (sealed) {
            status = code(request, "sealedcode", 503);
        } else if (!active && !flag(request, "standbyok")) {
            status = code(request, "standbycode", 429);
        } else {
            status = code(request, "activecode", 200);
        }
        ObjectNode body = Json.object();
        body.put("initialized", initialized);
        body.put("sealed", sealed);
        body.put("standby", !active);
        body.put("performance_standby", false);
        body.put("replication_performance_mode", "disabled");
        body.put("replication_dr_mode", "disabled");
        body.put("server_time_utc", clock.instant().getEpochSecond());
        body.put("version", VaultVersion.VERSION);
        body.put("enterprise", false);
        if (!sealed) {
            cluster.get().ifPresent(c -> {
                body.put("cluster_name", c.name());
                body.put("cluster_id", c.id());
            });
        }
        body.put("echo_duration_ms", 0);
        body.put("clock_skew_ms", 0);
        body.put("replication_primary_canary_age_ms", 0);
        return ApiResponse.raw(status, body);
    }

    private ApiResponse leader() {
        if (seal.sealed() && seal.initialized()) {
            throw ApiException.sealed();
        }
        ObjectNode body = Json.object();
        body.put("ha_enabled", true);
        boolean active = ha.active();
        body.put("is_self", active);
        Instant since = ha.activeSince();
        body.put("active_time", since == null ? "0001-01-01T00:00:00Z" : since.toString());
        Optional<NodeIdentity> current = active ? Optional.of(self) : leader.get();
        body.put("leader_address", current.map(NodeIdentity::apiAddr).orElse(""));
        body.put("leader_cluster_address", current.map(NodeIdentity::clusterAddr).orElse(""));
        body.put("performance_standby", false);
        body.put("performance_standby_last_remote_wal", 0);
        Optional<StorageStatus> status = ha.status();
        body.put("raft_committed_index", status.map(StorageStatus::commitIndex).orElse(0L));
        body.put("raft_applied_index", status.map(StorageStatus::appliedIndex).orElse(0L));
        return ApiResponse.raw(body);
    }

    private static boolean flag(ApiRequest request, String name) {
        String value = request.query().get(name);
        return value != null && (value.isEmpty() || GoBool.parse(value, name));
    }

    private static int code(ApiRequest request, String name, int fallback) {
        String value = request.query().get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 100 || parsed > 999) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad code: " + value);
        }
    }
}
