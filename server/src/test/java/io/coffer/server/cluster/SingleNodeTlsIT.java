package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.testing.ClusterCertificates;
import io.coffer.server.testing.ClusterCertificates.NodeFiles;
import io.coffer.server.testing.ClusterPortProbe;
import io.coffer.server.testing.ClusterProcesses;
import io.coffer.server.testing.NodeProcess;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.Reply;
import io.coffer.server.tls.Eku;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node as in the guide (HTTPS listener, Raft on the cluster port over mutual TLS with the same certificate),
 * as a real process: it starts, is initialised and unsealed over HTTPS (Vault's {@code sys/init} and
 * {@code sys/unseal}), and its cluster port refuses dialers that are not of the cluster, logging why: no client
 * certificate, a certificate from another CA, a certificate without clientAuth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleNodeTlsIT {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final Duration LOG_WAIT = Duration.ofSeconds(20);
    private static final String PROBE_IP = "127.0.0.14";

    private Path dir;
    private ClusterProcesses cluster;
    private NodeProcess node;
    private VaultHttp http;

    @BeforeAll
    void startNode(@TempDir Path tempDir) {
        dir = tempDir;
        cluster = new ClusterProcesses(dir, 1);
        node = cluster.node(1);
        cluster.start(node);
        http = cluster.awaitReady(node, READY);
    }

    @AfterAll
    void stopNode() {
        cluster.close();
    }

    @Test
    @Order(1)
    void startsInitialisesAndUnsealsOverHttps() {
        assertThat(node.awaitLogLine(LOG_WAIT, "Raft over mutual TLS as", "CN=vault1")).contains("tls_client_ca_file");
        assertThat(http.get("sys/health").status()).isEqualTo(501);
        Reply init = http.put("sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}");
        assertThat(init.status()).as(init.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        init.json().path("keys").forEach(k -> keys.add(k.asText()));
        assertThat(keys).hasSize(5);
        for (int i = 0; i < 3; i++) {
            Reply unseal = http.put("sys/unseal", "{\"key\":\"" + keys.get(i) + "\"}");
            assertThat(unseal.status()).as(unseal.body()).isEqualTo(200);
        }
        assertThat(http.get("sys/seal-status").json().path("sealed").asBoolean()).isFalse();
        Reply health = http.get("sys/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void clusterPortRefusesADialerWithoutCertificateAndLogsWhy() {
        String outcome = ClusterPortProbe.dial(cluster.certificates().sslContext(null), PROBE_IP,
                node.config().ip(), node.config().clusterPort());
        assertThat(outcome).isNotEqualTo("accepted");
        assertThat(node.awaitLogLine(LOG_WAIT, "refused a cluster connection from " + PROBE_IP))
                .contains("the peer presented no client certificate, and the cluster port requires mutual TLS");
    }

    @Test
    @Order(3)
    void clusterPortRefusesACertificateFromAnotherCaAndLogsWhy() {
        ClusterCertificates rogue = ClusterCertificates.create(dir, "Rogue CA");
        NodeFiles cert = rogue.write("vault4", ClusterCertificates.nodeSpec("vault4", PROBE_IP));
        // The dialer trusts the node's CA, so it gets as far as presenting its own certificate.
        assertThat(ClusterPortProbe.dial(cluster.certificates().sslContext(cert.issued()), PROBE_IP,
                node.config().ip(), node.config().clusterPort())).isNotEqualTo("accepted");
        assertThat(node.awaitLogLine(LOG_WAIT, "refused cluster peer certificate CN=vault4 (from " + PROBE_IP))
                .contains("certificate chain does not verify against the given CA").contains("Rogue CA");
    }

    @Test
    @Order(4)
    void clusterPortRefusesACertificateWithoutClientAuthAndLogsWhy() {
        NodeFiles cert = cluster.certificates().write("vault5", ClusterCertificates.nodeSpec("vault5", PROBE_IP)
                .withEkus(EnumSet.of(Eku.SERVER_AUTH)));
        assertThat(ClusterPortProbe.dial(cluster.certificates().sslContext(cert.issued()), PROBE_IP,
                node.config().ip(), node.config().clusterPort())).isNotEqualTo("accepted");
        assertThat(node.awaitLogLine(LOG_WAIT, "refused cluster peer certificate CN=vault5 (from " + PROBE_IP))
                .contains("certificate lacks the clientAuth extended key usage");
    }

    @Test
    @Order(5)
    void clusterPortAcceptsAPeerCertificateOfTheCluster() {
        NodeFiles cert = cluster.certificates().write("vault6", ClusterCertificates.nodeSpec("vault6", PROBE_IP));
        assertThat(ClusterPortProbe.dial(cluster.certificates().sslContext(cert.issued()), PROBE_IP,
                node.config().ip(), node.config().clusterPort())).isEqualTo("accepted");
        assertThat(node.alive()).isTrue();
    }
}
