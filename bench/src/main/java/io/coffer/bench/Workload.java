package io.coffer.bench;

import java.time.Duration;

/** Data set-up shared by the benchmarks. */
final class Workload {

    private Workload() {
    }

    /** Writes {@code keys} secrets under {@code <mount>/data/bench/k<i>} so reads find data. */
    static void populate(VaultClient http, String addr, String mount, int keys, String body) {
        System.err.printf("writing %d keys for the read load%n", keys);
        for (int i = 0; i < keys; i++) {
            VaultClient.Result r = http.send("PUT", addr + "/v1/" + mount + "/data/bench/k" + i, body,
                    Duration.ofSeconds(10));
            if (!r.ok()) {
                throw new IllegalStateException("populating key " + i + " failed: " + r.status() + " " + r.body());
            }
        }
    }
}
