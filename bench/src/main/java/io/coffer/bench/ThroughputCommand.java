package io.coffer.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * KV v2 load: N connections, each a thread issuing one request at a time (closed loop), for a duration after a
 * warm-up. Latency of every request goes into HdrHistograms; a progress line prints every second.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true, description = "KV v2 put/get/mixed load.")
public final class ThroughputCommand implements Callable<Integer> {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Mixin
    ClientOptions client;

    @Option(names = "--mode", defaultValue = "put", description = "put, get or mixed (50/50).")
    String mode;

    @Option(names = "--connections", defaultValue = "64", description = "Concurrent connections.")
    int connections;

    @Option(names = "--duration", defaultValue = "30", description = "Measured seconds.")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds (not measured).")
    int warmupSeconds;

    @Option(names = "--value-size", defaultValue = "100", description = "Bytes per secret value.")
    int valueSize;

    @Option(names = "--keys", defaultValue = "1000", description = "Distinct keys.")
    int keys;

    @Option(names = "--out", description = "Write the JSON result here.")
    Path out;

    private final Recorder puts = new Recorder(3);
    private final Recorder gets = new Recorder(3);
    private final AtomicLong errors = new AtomicLong();
    private volatile boolean recording;
    private volatile boolean running = true;

    @Override
    public Integer call() throws Exception {
        VaultClient http = client.client(connections);
        List<String> addrs = client.addresses();
        String body = "{\"data\":{\"value\":\"" + "x".repeat(Math.max(1, valueSize)) + "\"}}";
        if (!mode.equals("put")) {
            Workload.populate(http, addrs.get(0), client.mount, keys, body);
        }
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            String addr = addrs.get(i % addrs.size());
            Thread t = new Thread(() -> work(http, addr, body), "worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        System.err.printf("warming up %d s with %d connections (%s)%n", warmupSeconds, connections, mode);
        Thread.sleep(warmupSeconds * 1000L);
        puts.reset();
        gets.reset();
        errors.set(0);
        recording = true;
        Instant start = Instant.now();
        Histogram putTotal = new Histogram(3);
        Histogram getTotal = new Histogram(3);
        for (int s = 1; s <= durationSeconds; s++) {
            Thread.sleep(1000);
            Histogram p = puts.getIntervalHistogram();
            Histogram g = gets.getIntervalHistogram();
            putTotal.add(p);
            getTotal.add(g);
            System.err.printf("[%3d/%d s] %7d req/s  put p50 %.2f ms  get p50 %.2f ms  errors %d%n", s,
                    durationSeconds, p.getTotalCount() + g.getTotalCount(), p.getValueAtPercentile(50) / 1000.0,
                    g.getValueAtPercentile(50) / 1000.0, errors.get());
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        running = false;
        report(putTotal, getTotal, seconds);
        return errors.get() == 0 ? 0 : 1;
    }

    private void work(VaultClient http, String addr, String body) {
        String base = addr + "/v1/" + client.mount + "/data/bench/k";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            boolean put = mode.equals("put") || (mode.equals("mixed") && random.nextBoolean());
            String url = base + random.nextInt(keys);
            long t0 = System.nanoTime();
            VaultClient.Result r = put ? http.send("PUT", url, body, REQUEST_TIMEOUT)
                    : http.send("GET", url, null, REQUEST_TIMEOUT);
            long micros = (System.nanoTime() - t0) / 1000;
            if (!r.ok()) {
                errors.incrementAndGet();
                continue;
            }
            if (recording) {
                (put ? puts : gets).recordValue(Math.max(1, micros));
            }
        }
    }

    private void report(Histogram putTotal, Histogram getTotal, double seconds) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "throughput");
        result.put("mode", mode);
        result.put("addresses", client.addresses());
        result.put("connections", connections);
        result.put("duration_s", seconds);
        result.put("value_size", valueSize);
        result.put("errors", errors.get());
        result.put("finished_at", Instant.now().toString());
        if (putTotal.getTotalCount() > 0) {
            result.put("put", LatencySummary.of(putTotal, seconds));
            System.out.println(LatencySummary.line("put", putTotal, seconds));
        }
        if (getTotal.getTotalCount() > 0) {
            result.put("get", LatencySummary.of(getTotal, seconds));
            System.out.println(LatencySummary.line("get", getTotal, seconds));
        }
        if (out != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
            System.err.println("result written to " + out);
        }
    }
}
