package io.coffer.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.server.testing.VaultHttp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;

/**
 * The guide's three nodes ({@code vault1..3}) as child JVMs over mutual TLS, formed the way its "Cluster
 * Initialization" does: start all three, {@code operator init} and unseal node 2, then {@code operator raft join}
 * nodes 1 and 3 to node 2 while they are still sealed and unseal them with the same keys. {@code secret/} is
 * mounted as KV v2. Adds what failover tests need on top of {@link ClusterProcesses}: the active node, kill -9 and
 * restart by node number, unseal, authenticated clients. Every wait is bounded; {@link #close()} kills every node.
 * One test thread drives it.
 */
public final class GuideCluster implements AutoCloseable {

    public static final Duration READY = Duration.ofSeconds(90);
    public static final Duration WAIT = Duration.ofSeconds(60);
    /** The node the guide initialises ("Node 2 — will be initial leader"). */
    public static final int FIRST = 2;

    private final ClusterProcesses processes;
    private final Map<Integer, VaultHttp> clients = new HashMap<>();
    private final String name;
    private VaultInit init;

    /** A cluster in {@code dir}; {@link #close()} keeps the nodes' logs in {@code target/cluster-logs/<name>/}. */
    public GuideCluster(Path dir, String name) {
        this.processes = new ClusterProcesses(dir, 3);
        this.name = name;
    }

    public ClusterProcesses processes() {
        return processes;
    }

    public NodeProcess node(int number) {
        return processes.node(number);
    }

    /** The unseal keys and root token from {@code sys/init}. */
    public VaultInit keys() {
        return init;
    }

    /** Changes node {@code number}'s configuration for its next start. */
    public void configure(int number, UnaryOperator<NodeConfig> change) {
        node(number).config(change.apply(node(number).config()));
    }

    /** Changes every node's configuration for its next start. */
    public void configureAll(UnaryOperator<NodeConfig> change) {
        for (int n = 1; n <= 3; n++) {
            configure(n, change);
        }
    }

    /** The whole guide flow: start, init and unseal node 2, join 1 and 3 sealed, unseal them, three voters. */
    public GuideCluster form() {
        startAll();
        initAndUnseal(FIRST);
        for (int n : List.of(1, 3)) {
            Reply joined = joinSealed(n, FIRST);
            assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        }
        unseal(1);
        unseal(3);
        await(() -> voters(FIRST).size() == 3);
        return this;
    }

    /** Starts the three JVMs at once and waits until each answers {@code sys/health}. */
    public void startAll() {
        processes.start(node(1), node(2), node(3));
        for (int n = 1; n <= 3; n++) {
            clients.put(n, processes.awaitReady(node(n), READY));
        }
    }

    /** {@code operator init} (5 shares, threshold 3) and unseal on node {@code number}; mounts {@code secret/}. */
    public VaultInit initAndUnseal(int number) {
        init = VaultInit.init(raw(number));
        init.unseal(raw(number), 0, WAIT);
        VaultHttp http = http(number);
        await(() -> http.post("sys/mounts/secret", "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}")
                .status() == 204);
        return init;
    }

    /** {@code operator raft join} on sealed node {@code number}: leader node {@code leader}, its CA as PEM. */
    public Reply joinSealed(int number, int leader) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("leader_api_addr", node(leader).config().apiAddr())
                .put("leader_ca_cert", read(processes.certificates().caFile()));
        return raw(number).post("sys/storage/raft/join", body.toString());
    }

    /** Submits three unseal keys to node {@code number} and waits until it reports unsealed. */
    public void unseal(int number) {
        init.unseal(raw(number), number, WAIT);
    }

    /** SIGKILL node {@code number}. */
    public void kill9(int number) {
        processes.kill9(node(number));
        clients.remove(number);
    }

    /** Starts node {@code number} again (it comes up sealed) and waits until it answers. */
    public void start(int number) {
        processes.start(node(number));
        clients.put(number, processes.awaitReady(node(number), READY));
    }

    /** A client of node {@code number} with the root token. */
    public VaultHttp http(int number) {
        return raw(number).token(init == null ? null : init.rootToken());
    }

    /** A client of node {@code number} whose token is set by {@link #http}; cached while the node runs. */
    private VaultHttp raw(int number) {
        return clients.computeIfAbsent(number, n -> processes.http(node(n)));
    }

    /** {@code sys/health} status of node {@code number}, or -1 when it does not answer. */
    public int health(int number) {
        try {
            return raw(number).send("GET", "sys/health", null, null, Duration.ofSeconds(2)).status();
        } catch (IllegalStateException noAnswer) {
            return -1;
        }
    }

    /** Waits until exactly one running node answers health 200 and returns its number. */
    public int awaitActive() {
        int[] active = new int[1];
        await(() -> {
            List<Integer> found = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                if (node(n).alive() && health(n) == 200) {
                    found.add(n);
                }
            }
            active[0] = found.size() == 1 ? found.get(0) : 0;
            return active[0] != 0;
        });
        return active[0];
    }

    /** The voters in {@code sys/storage/raft/configuration} as node {@code number} reports them. */
    public List<String> voters(int number) {
        List<String> ids = new ArrayList<>();
        for (JsonNode server : configuration(number).path("servers")) {
            if (server.path("voter").asBoolean()) {
                ids.add(server.path("node_id").asText());
            }
        }
        return ids;
    }

    /** {@code data.config} of {@code sys/storage/raft/configuration} on node {@code number}. */
    public JsonNode configuration(int number) {
        Reply reply = http(number).get("sys/storage/raft/configuration");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.data().path("config");
    }

    /** Node number of {@code nodeId} ({@code vault<n>}). */
    public static int number(String nodeId) {
        return Integer.parseInt(nodeId.substring("vault".length()));
    }

    /** Polls {@code condition} every 200 ms for at most {@link #WAIT}, ignoring exceptions meanwhile. */
    public static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(condition);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        processes.close();
        Path logs = Path.of("target", "cluster-logs", name);
        try {
            Files.createDirectories(logs);
            for (NodeProcess node : processes.nodes()) {
                if (Files.exists(node.stderrFile())) {
                    Files.copy(node.stderrFile(), logs.resolve(node.id() + ".log"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            System.err.println("could not keep the node logs in " + logs + ": " + e);
        }
    }
}
