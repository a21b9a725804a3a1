package io.coffer.server.testing;

import io.coffer.server.testing.ClusterCertificates.NodeFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Real Coffer nodes as child JVMs on loopback, for multi-node and kill -9 tests: node {@code i} (1-based) is
 * {@code vault<i>} on {@code 127.0.0.1<i>} with free API and cluster ports, a certificate from the cluster CA
 * (serverAuth + clientAuth, its IP in the SAN) and a guide-shaped {@code config.hcl} whose listener trusts the cluster
 * CA ({@code tls_client_ca_file}). Tests adjust a node's {@link NodeConfig} before starting it. {@link #close()}
 * kills every process this fixture started, with its descendants, so none outlives the test.
 *
 * <pre>{@code
 * try (ClusterProcesses cluster = new ClusterProcesses(dir, 3)) {
 *     cluster.start(cluster.node(1));
 *     VaultHttp http = cluster.awaitReady(cluster.node(1), Duration.ofSeconds(60));
 *     ...
 * }
 * }</pre>
 */
public final class ClusterProcesses implements AutoCloseable {

    /** Statuses {@code sys/health} answers once the API listens: active, standby, DR, perf standby, 501, 503. */
    private static final Set<Integer> HEALTH_STATUSES = Set.of(200, 429, 472, 473, 501, 503);

    private final Path root;
    private final ClusterCertificates certificates;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final Map<NodeProcess, ClusterCertificates> issuers = new HashMap<>();
    private final Thread reaper = new Thread(this::killAll, "cluster-processes-reaper");

    public ClusterProcesses(Path root, int size) {
        this.root = root;
        this.certificates = ClusterCertificates.create(root, "Vault Root CA");
        for (int i = 1; i <= size; i++) {
            addNode("vault" + i, "127.0.0.1" + i, certificates);
        }
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    public ClusterCertificates certificates() {
        return certificates;
    }

    /** Node {@code number}, 1-based, in the order added. */
    public NodeProcess node(int number) {
        return nodes.get(number - 1);
    }

    public List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * Adds a node (not started) with a certificate from {@code ca}, trusting {@code ca} on its listener: pass another
     * {@link ClusterCertificates} to make a node that is not of this cluster.
     */
    public NodeProcess addNode(String id, String ip, ClusterCertificates ca) {
        NodeFiles files = ca.write(id, ClusterCertificates.nodeSpec(id, ip));
        Path dir = root.resolve(id);
        NodeConfig config = new NodeConfig(id, ip, Ports.free(ip), Ports.free(ip), dir.resolve("data"),
                files.cert(), files.key(), ca.caFile(), false, List.of());
        NodeProcess node = new NodeProcess(dir, config);
        nodes.add(node);
        issuers.put(node, ca);
        return node;
    }

    public void start(NodeProcess... toStart) {
        for (NodeProcess node : toStart) {
            node.start();
        }
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs. */
    public void kill9(NodeProcess node) {
        node.kill9();
    }

    /** Stops the node gracefully (SIGTERM; SIGKILL if it hangs) and starts it again with its current config. */
    public void restart(NodeProcess node) {
        node.stop();
        node.start();
    }

    /** A client for the node's API that trusts the CA of the node's certificate (no client certificate). */
    public VaultHttp http(NodeProcess node) {
        SSLContext ssl = node.config().tlsDisable() ? null : issuers.get(node).sslContext(null);
        return new VaultHttp(node.config().apiAddr(), ssl);
    }

    /**
     * Polls {@code sys/health} until the node answers over HTTPS; fails at once, with the node's log, if the process
     * ends, and after {@code atMost} otherwise.
     */
    public VaultHttp awaitReady(NodeProcess node, Duration atMost) {
        VaultHttp http = http(node);
        long deadline = System.nanoTime() + atMost.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!node.alive()) {
                throw new AssertionError(node.id() + " exited before it was ready; stderr ends with:\n"
                        + node.tail(40));
            }
            try {
                VaultHttp.Reply health = http.get("sys/health");
                if (HEALTH_STATUSES.contains(health.status())) {
                    return http;
                }
                last = "status " + health.status();
            } catch (IllegalStateException notYet) {
                last = notYet.getMessage();
            }
            NodeProcess.pause(200);
        }
        throw new AssertionError(node.id() + " not ready within " + atMost + " (" + last + "); stderr ends with:\n"
                + node.tail(40));
    }

    /** Kills every node process this fixture started, with their descendants. */
    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook runs anyway
        }
    }

    private void killAll() {
        for (NodeProcess node : nodes) {
            try {
                node.kill9();
            } catch (RuntimeException | AssertionError e) {
                System.err.println("could not kill " + node + ": " + e);
            }
        }
    }
}
