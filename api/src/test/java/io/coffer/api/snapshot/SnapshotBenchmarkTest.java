package io.coffer.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.http.ApiServer;
import io.coffer.api.http.ApiServerOptions;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a unit test: 100,000 KV v2 secrets, then snapshot save and restore over HTTP, reporting time, archive size
 * and peak heap. Run it with the heap capped, e.g.
 * {@code mvn -o -pl api test -Dtest=SnapshotBenchmarkTest -Dcoffer.bench=true -DargLine=-Xmx256m
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dcoffer.bench.secrets=N} changes the count).
 */
@EnabledIfSystemProperty(named = "coffer.bench", matches = "true")
class SnapshotBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void saveAndRestoreManySecretsWithACappedHeap() throws Exception {
        int secrets = Integer.getInteger("coffer.bench.secrets", 100_000);
        try (SnapshotNode node = SnapshotNode.start(dir, "bench")) {
            node.call("POST", "sys/mounts/secret", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}");
            long t0 = System.nanoTime();
            write(node, secrets);
            report("wrote %d secrets in %.1f s", secrets, seconds(t0));
            ApiServer server = ApiServer.start(new ApiServerOptions("127.0.0.1", 0, null,
                    ApiServerOptions.DEFAULT_MAX_REQUEST_SIZE, 300, false), node.node().handler());
            try {
                run(node, server, secrets);
            } finally {
                server.close();
            }
        }
    }

    private void run(SnapshotNode node, ApiServer server, int secrets) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + server.port() + "/v1/sys/storage/raft/snapshot";
        Path file = dir.resolve("bench.snap");
        resetPeaks();
        long t1 = System.nanoTime();
        HttpResponse<Path> saved = client.send(HttpRequest.newBuilder(URI.create(base))
                .header("X-Vault-Token", node.rootToken()).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofFile(file));
        assertThat(saved.statusCode()).isEqualTo(200);
        report("save: %.1f s, archive %.1f MiB, peak heap %.0f MiB", seconds(t1), Files.size(file) / 1048576.0,
                peakHeapMiB());
        int storedBefore = node.raft().keys("").size();
        node.call("PUT", "secret/data/written-after", "{\"data\":{\"x\":\"y\"}}");
        resetPeaks();
        long t2 = System.nanoTime();
        HttpResponse<String> restored = client.send(HttpRequest.newBuilder(URI.create(base))
                .header("X-Vault-Token", node.rootToken()).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(204);
        report("restore: %.1f s, peak heap %.0f MiB, %d stored entries (%d before), max heap %d MiB",
                seconds(t2), peakHeapMiB(), node.raft().keys("").size(), storedBefore,
                Runtime.getRuntime().maxMemory() >> 20);
        assertThat(node.call("GET", "secret/data/app-" + (secrets - 1), null).status()).isEqualTo(200);
        assertThat(node.call("GET", "secret/data/written-after", null).status()).isEqualTo(404);
    }

    private static void write(SnapshotNode node, int secrets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 64; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < secrets; i = next.getAndIncrement()) {
                    SnapshotNode.Result r = node.call("PUT", "secret/data/app-" + i,
                            "{\"data\":{\"username\":\"svc-" + i + "\",\"password\":\"" + "p".repeat(64) + "\"}}");
                    if (r.status() != 200) {
                        throw new IllegalStateException("write " + i + ": " + r.status() + " " + r.text());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
    }

    private static final AtomicLong PEAK = new AtomicLong();

    static {
        Thread sampler = new Thread(() -> {
            while (true) {
                PEAK.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                LockSupport.parkNanos(20_000_000);
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static void resetPeaks() {
        System.gc();
        PEAK.set(0);
    }

    /** Highest heap use sampled every 20 ms since the last reset (garbage included). */
    private static double peakHeapMiB() {
        return PEAK.get() / 1048576.0;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.println("[snapshot-bench] " + String.format(format, args));
    }
}
