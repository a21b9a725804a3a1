package io.coffer.server.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The measured failover rounds as a small text table with median and max, printed and written to
 * {@code target/failover-rounds.txt} so that figures can be quoted from the last run.
 */
final class FailoverReport {

    static final Path FILE = Path.of("target", "failover-rounds.txt");

    /**
     * One round.
     *
     * @param round        1-based
     * @param killed       the killed leader's node id
     * @param windowMs     kill → acknowledgement of the first write issued after the kill
     * @param newLeaderMs  kill → a survivor answers health 200
     * @param acked        writes acknowledged during the round
     * @param failed       writes that failed or timed out during the round (never acknowledged)
     */
    record Round(int round, String killed, long windowMs, long newLeaderMs, int acked, int failed) {
    }

    private FailoverReport() {
    }

    static String render(List<Round> rounds) {
        StringBuilder out = new StringBuilder("# kill -9 of the leader during a steady write loop (one write every ")
                .append(SteadyWriter.PERIOD.toMillis()).append(" ms, ").append(SteadyWriter.REQUEST_TIMEOUT.toMillis())
                .append(" ms per-request timeout, next node on failure); ").append(Instant.now()).append('\n')
                .append("round  killed  unavailable_ms  new_leader_ms  acked  failed\n");
        for (Round r : rounds) {
            out.append(String.format("%5d  %-6s  %14d  %13d  %5d  %6d%n", r.round(), r.killed(), r.windowMs(),
                    r.newLeaderMs(), r.acked(), r.failed()));
        }
        out.append(String.format("unavailability window (kill -> first acknowledged write issued after it): "
                + "median %d ms, max %d ms%n", median(rounds, Round::windowMs), max(rounds, Round::windowMs)));
        out.append(String.format("kill -> new active node: median %d ms, max %d ms%n",
                median(rounds, Round::newLeaderMs), max(rounds, Round::newLeaderMs)));
        return out.toString();
    }

    static void write(String text) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long median(List<Round> rounds, ToLongFunction<Round> metric) {
        long[] values = rounds.stream().mapToLong(metric).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    static long max(List<Round> rounds, ToLongFunction<Round> metric) {
        return rounds.stream().mapToLong(metric).max().orElse(0);
    }
}
