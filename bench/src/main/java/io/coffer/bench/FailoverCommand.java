package io.coffer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Kill -9 the leader while a steady write loop runs, N rounds. Per round: kill → new leader, kill → first
 * acknowledged write issued after the kill; then restart and unseal the node and let the cluster settle.
 * Finally checks that every acknowledged write is readable, and writes JSON and a latency plot.
 */
@Command(name = "failover", mixinStandardHelpOptions = true, description = "Leader kill -9 failover rounds.")
public final class FailoverCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Option(names = "--nodes", split = ",", defaultValue = "https://127.0.0.11:8200,https://127.0.0.12:8200,"
            + "https://127.0.0.13:8200", description = "Node API addresses, in launcher order (node1, node2, ...).")
    List<String> nodes;

    @Option(names = "--launcher", defaultValue = "deploy/local/cluster.sh", description = "Cluster launcher.")
    Path launcher;

    @Option(names = "--rounds", defaultValue = "5")
    int rounds;

    @Option(names = "--interval-ms", defaultValue = "10", description = "One write every this many ms.")
    int intervalMs;

    @Option(names = "--timeout-ms", defaultValue = "200", description = "Per-request timeout.")
    int timeoutMs;

    @Option(names = "--settle-s", defaultValue = "5", description = "Seconds of steady writes between rounds.")
    int settleSeconds;

    @Option(names = "--out", defaultValue = "failover.json")
    Path out;

    @Option(names = "--plot", defaultValue = "failover.png")
    Path plot;

    @Override
    public Integer call() throws Exception {
        VaultClient http = client.client(4);
        ClusterControl cluster = new ClusterControl(http, nodes, launcher);
        List<String> targets = client.addresses();
        WriteLoop loop = new WriteLoop(http, targets, client.mount, "bench/failover/" + System.currentTimeMillis(),
                Duration.ofMillis(intervalMs), Duration.ofMillis(timeoutMs));
        Thread writer = new Thread(loop, "write-loop");
        writer.setDaemon(true);
        writer.start();
        ClusterControl.sleep(settleSeconds * 1000L);
        List<FailoverRound> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            results.add(FailoverRound.run(round, cluster, loop, settleSeconds));
            System.err.println(results.get(results.size() - 1).line());
        }
        loop.stop();
        writer.join(5000);
        int missing = Verification.missing(http, nodes, client.mount, loop.acknowledged());
        Map<String, Object> result = summary(targets, results, loop.acknowledged().size(), missing);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
        FailoverPlot.write(plot, loop.attempts(), results);
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(result.get("summary")));
        System.err.println("results in " + out + ", plot in " + plot);
        return missing == 0 ? 0 : 1;
    }

    private Map<String, Object> summary(List<String> targets, List<FailoverRound> results, int acked, int missing) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "failover");
        out.put("targets", targets);
        out.put("interval_ms", intervalMs);
        out.put("timeout_ms", timeoutMs);
        out.put("finished_at", Instant.now().toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        results.forEach(r -> rows.add(r.toMap()));
        out.put("rounds", rows);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rounds", results.size());
        s.put("kill_to_first_ack_ms_median", Stats.median(results.stream().mapToDouble(r -> r.firstAckMs).toArray()));
        s.put("kill_to_first_ack_ms_max", Stats.max(results.stream().mapToDouble(r -> r.firstAckMs).toArray()));
        s.put("kill_to_new_leader_ms_median", Stats.median(results.stream().mapToDouble(r -> r.leaderMs).toArray()));
        s.put("kill_to_new_leader_ms_max", Stats.max(results.stream().mapToDouble(r -> r.leaderMs).toArray()));
        s.put("acknowledged_writes", acked);
        s.put("missing_acknowledged_writes", missing);
        out.put("summary", s);
        return out;
    }
}
