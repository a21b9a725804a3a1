package io.coffer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the leader over the API and kills/restarts nodes through the local launcher (deploy/local/cluster.sh). */
final class ClusterControl {

    private final VaultClient http;
    private final List<String> nodes;
    private final Path launcher;

    /** {@code nodes} are node API addresses in launcher order: the first is node1. */
    ClusterControl(VaultClient http, List<String> nodes, Path launcher) {
        this.http = http;
        this.nodes = nodes;
        this.launcher = launcher;
    }

    String name(int index) {
        return "node" + (index + 1);
    }

    /** The index of the active node (sys/health 200), if one answers within the timeout. */
    Optional<Integer> leader(Duration timeout) {
        for (int i = 0; i < nodes.size(); i++) {
            VaultClient.Result r = http.send("GET", nodes.get(i) + "/v1/sys/health", null, timeout);
            if (r.status() == 200) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Polls the nodes other than {@code excluded} until one is active; returns when, or -1 after the bound. */
    long awaitLeaderAmong(int excluded, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.size(); i++) {
                if (i != excluded && http.send("GET", nodes.get(i) + "/v1/sys/health", null,
                        Duration.ofMillis(200)).status() == 200) {
                    return System.nanoTime();
                }
            }
            sleep(10);
        }
        return -1;
    }

    /** Whether every node is unsealed and answering (200 or 429). */
    boolean allHealthy() {
        for (String node : nodes) {
            int status = http.send("GET", node + "/v1/sys/health", null, Duration.ofMillis(500)).status();
            if (status != 200 && status != 429) {
                return false;
            }
        }
        return true;
    }

    void launcher(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("launcher " + String.join(" ", args) + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException("launcher " + String.join(" ", args) + " failed with exit code " + p.exitValue());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
