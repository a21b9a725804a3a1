package io.coffer.bench;

import java.time.Duration;
import java.util.List;

/** Checks that every acknowledged write can be read back. */
final class Verification {

    private Verification() {
    }

    /** The number of acknowledged keys that no node returns. */
    static int missing(VaultClient http, List<String> nodes, String mount, List<String> keys) {
        int missing = 0;
        for (String key : keys) {
            boolean found = false;
            for (String node : nodes) {
                VaultClient.Result r = http.send("GET", node + "/v1/" + mount + "/data/" + key, null,
                        Duration.ofSeconds(5));
                if (r.status() == 200) {
                    found = true;
                    break;
                }
                if (r.status() == 404) {
                    break;
                }
            }
            if (!found) {
                missing++;
                System.err.println("acknowledged write missing: " + key);
            }
        }
        return missing;
    }
}
