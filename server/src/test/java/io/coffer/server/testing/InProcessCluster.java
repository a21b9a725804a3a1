package io.coffer.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.server.CofferNode;
import io.coffer.server.NodeSettings;
import io.coffer.server.join.JoinSettings;
import io.coffer.server.testing.VaultHttp.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real Coffer nodes in this JVM, each on its own loopback address (127.0.0.1x) with its own API and cluster port
 * and data directory, plain HTTP and plain gRPC. Every wait is bounded.
 */
public final class InProcessCluster implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private final Path root;
    private final Map<String, CofferNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, NodeIdentity> identities = new ConcurrentHashMap<>();
    private ApiOptions options = ApiOptions.defaults();

    public InProcessCluster(Path root) {
        this.root = root;
    }

    /** Server-wide API settings (telemetry, TTLs) for nodes started from now on. */
    public InProcessCluster options(ApiOptions value) {
        this.options = value;
        return this;
    }

    /** Starts node {@code id} on {@code host}; {@code join} holds its retry_join targets (may be none). */
    public VaultHttp start(String id, String host, JoinSettings join) {
        NodeIdentity identity = identities.computeIfAbsent(id, k -> new NodeIdentity(id,
                "http://" + host + ":" + Ports.free(host), "https://" + host + ":" + Ports.free(host)));
        NodeSettings settings = new NodeSettings(identity, root.resolve(id),
                List.of(new ApiServerOptions(host, port(identity.apiAddr()), null,
                        ApiServerOptions.DEFAULT_MAX_REQUEST_SIZE, 60, false)),
                host, port(identity.clusterAddr()), 0, options, join);
        nodes.put(id, CofferNode.start(settings));
        return http(id);
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    public VaultHttp start(String id, String host) {
        return start(id, host, JoinSettings.none());
    }

    public VaultHttp http(String id) {
        return new VaultHttp(apiAddr(id));
    }

    public String apiAddr(String id) {
        return identities.get(id).apiAddr();
    }

    /** {@code sys/init} with 5 shares and threshold 3; returns the five hex keys, then the root token. */
    public static List<String> init(VaultHttp http) {
        Reply init = http.put("sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}");
        assertThat(init.status()).as(init.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        init.json().path("keys").forEach(k -> keys.add(k.asText()));
        keys.add(init.json().path("root_token").asText());
        return keys;
    }

    /** Submits keys {@code picks} (indexes into {@code keys}) and returns the last reply. */
    public static Reply unseal(VaultHttp http, List<String> keys, int... picks) {
        Reply last = null;
        for (int pick : picks) {
            last = http.put("sys/unseal", "{\"key\":\"" + keys.get(pick) + "\"}");
        }
        return last;
    }

    public static void awaitUnsealed(VaultHttp http) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() ->
                !http.get("sys/seal-status").json().path("sealed").asBoolean(true));
    }

    public static Reply join(VaultHttp http, String leaderApiAddr) {
        return http.post("sys/storage/raft/join", "{\"auto_join\":\"\",\"auto_join_scheme\":\"\",\"auto_join_port\":0,"
                + "\"leader_api_addr\":\"" + leaderApiAddr + "\",\"leader_ca_cert\":\"\",\"leader_client_cert\":\"\","
                + "\"leader_client_key\":\"\",\"retry\":false,\"non_voter\":false}");
    }

    /** The node whose health is 200 (the active node), waiting until there is exactly one. */
    public String awaitActive(List<String> ids) {
        String[] active = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<String> found = ids.stream().filter(id -> http(id).get("sys/health").status() == 200).toList();
            active[0] = found.size() == 1 ? found.get(0) : null;
            return active[0] != null;
        });
        return active[0];
    }

    public void stop(String id) {
        CofferNode node = nodes.remove(id);
        if (node != null) {
            node.close();
        }
    }

    @Override
    public void close() {
        new ArrayList<>(nodes.keySet()).forEach(this::stop);
    }
}
