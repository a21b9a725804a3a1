package io.coffer.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.testing.VaultHttp.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * {@code vault operator init} and {@code unseal} over the HTTP API, as the guide runs them: five shares,
 * threshold three.
 *
 * @param keys      the five unseal keys (hex)
 * @param rootToken the initial root token
 */
public record VaultInit(List<String> keys, String rootToken) {

    public VaultInit {
        keys = List.copyOf(keys);
    }

    /** {@code PUT sys/init} with 5 shares and threshold 3. */
    public static VaultInit init(VaultHttp http) {
        Reply init = http.put("sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}");
        assertThat(init.status()).as(init.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        init.json().path("keys").forEach(k -> keys.add(k.asText()));
        assertThat(keys).hasSize(5);
        return new VaultInit(keys, init.json().path("root_token").asText());
    }

    /** Submits three of the keys, starting at {@code first} (wrapping), and waits (bounded) until unsealed. */
    public void unseal(VaultHttp http, int first, Duration atMost) {
        for (int i = 0; i < 3; i++) {
            Reply reply = http.put("sys/unseal", "{\"key\":\"" + keys.get((first + i) % keys.size()) + "\"}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !http.get("sys/seal-status").json().path("sealed").asBoolean(true));
    }
}
