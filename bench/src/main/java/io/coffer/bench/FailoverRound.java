package io.coffer.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** One kill -9 of the leader and what followed. Times are milliseconds after the kill. */
final class FailoverRound {

    final int round;
    final String killed;
    final long killNanos;
    final double leaderMs;
    final double firstAckMs;

    private FailoverRound(int round, String killed, long killNanos, double leaderMs, double firstAckMs) {
        this.round = round;
        this.killed = killed;
        this.killNanos = killNanos;
        this.leaderMs = leaderMs;
        this.firstAckMs = firstAckMs;
    }

    static FailoverRound run(int round, ClusterControl cluster, WriteLoop loop, int settleSeconds)
            throws Exception {
        int leader = cluster.leader(Duration.ofSeconds(1))
                .orElseThrow(() -> new IllegalStateException("no active node before round " + round));
        String name = cluster.name(leader);
        cluster.launcher("kill", name);
        // Measured from when the launcher returns: SIGKILL has been delivered, so the node is gone.
        long kill = System.nanoTime();
        long newLeader = cluster.awaitLeaderAmong(leader, Duration.ofSeconds(30));
        long firstAck = awaitFirstAck(loop, kill, Duration.ofSeconds(30));
        cluster.launcher("start", name);
        cluster.launcher("unseal", name);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!cluster.allHealthy() && System.nanoTime() < deadline) {
            ClusterControl.sleep(100);
        }
        ClusterControl.sleep(settleSeconds * 1000L);
        return new FailoverRound(round, name, kill, ms(newLeader, kill), ms(firstAck, kill));
    }

    /** The end time of the first acknowledged write that started after the kill. */
    private static long awaitFirstAck(WriteLoop loop, long kill, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            for (WriteLoop.Attempt a : loop.attempts()) {
                if (a.acked() && a.startNanos() > kill) {
                    return a.endNanos();
                }
            }
            ClusterControl.sleep(5);
        }
        return -1;
    }

    private static double ms(long at, long kill) {
        return at < 0 ? -1 : Math.round((at - kill) / 10_000.0) / 100.0;
    }

    String line() {
        return String.format("round %d: killed %s; new leader after %.0f ms; first write acknowledged after %.0f ms",
                round, killed, leaderMs, firstAckMs);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", round);
        m.put("killed", killed);
        m.put("kill_to_new_leader_ms", leaderMs);
        m.put("kill_to_first_ack_ms", firstAckMs);
        return m;
    }
}
