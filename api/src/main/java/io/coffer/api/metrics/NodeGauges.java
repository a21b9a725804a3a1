package io.coffer.api.metrics;

import io.coffer.api.core.HaState;
import io.coffer.api.core.SealManager;
import io.coffer.storage.StorageStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The gauges of one node, computed from its state at scrape time (so a re-sealed node reports 0 at once, as
 * current Vault releases do). Names and meanings are listed in this package's documentation.
 */
public final class NodeGauges {

    private final SealManager seal;
    private final HaState ha;
    private final Supplier<String> clusterName;

    /** {@code clusterName} supplies the {@code cluster} label of core gauges, or null/empty while unknown. */
    public NodeGauges(SealManager seal, HaState ha, Supplier<String> clusterName) {
        this.seal = seal;
        this.ha = ha;
        this.clusterName = clusterName;
    }

    public List<GaugeValue> collect() {
        Map<String, String> cluster = clusterLabel();
        Optional<StorageStatus> status = status();
        boolean unsealed = !seal.sealed();
        boolean active = unsealed && status.map(StorageStatus::leader).orElse(false);
        List<GaugeValue> out = new ArrayList<>();
        out.add(new GaugeValue("core.unsealed", flag(unsealed), cluster));
        out.add(new GaugeValue("core.active", flag(active), cluster));
        out.add(new GaugeValue("core.performance_standby", 0, cluster));
        if (status.isEmpty()) {
            return out;
        }
        StorageStatus raft = status.get();
        out.add(new GaugeValue("raft.leader", flag(!raft.leaderId().isEmpty()), Map.of()));
        if (raft.leader()) {
            out.add(new GaugeValue("raft.peers", raft.peers().size(), Map.of()));
        }
        if (active) {
            long voters = raft.peers().stream().filter(StorageStatus.Peer::voter).count();
            out.add(new GaugeValue("autopilot.healthy", 1, Map.of()));
            out.add(new GaugeValue("autopilot.failure_tolerance", Math.max(0, (voters - 1) / 2), Map.of()));
        }
        return out;
    }

    private Optional<StorageStatus> status() {
        try {
            return ha.status();
        } catch (RuntimeException e) {
            // storage stopping or not started: report the node without Raft gauges
            return Optional.empty();
        }
    }

    private Map<String, String> clusterLabel() {
        String name = clusterName.get();
        return name == null || name.isEmpty() ? Map.of() : Map.of("cluster", name);
    }

    private static double flag(boolean value) {
        return value ? 1 : 0;
    }
}
