package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.testing.ClusterCertificates;
import io.coffer.server.testing.ClusterCertificates.NodeFiles;
import io.coffer.server.testing.ClusterPortProbe;
import io.coffer.server.testing.LogCapture;
import io.coffer.server.testing.Ports;
import io.coffer.server.tls.Eku;
import io.coffer.storage.RaftNodeConfig;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.StorageStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raft over mutual TLS refuses peers that are not of the cluster, and both sides of the handshake say why in their
 * log (never a bare "bad certificate"): the refusing node names the certificate and the problem in
 * CertificateCheck's words, the refused node learns that its certificate was refused and what to check.
 */
class PeerRefusalLoggingTest {

    private static final String A_IP = "127.0.0.31";
    private static final String B_IP = "127.0.0.32";
    private static final String PROBE_IP = "127.0.0.33";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private ClusterCertificates cluster;
    private final List<RaftStorage> nodes = new ArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void setUp() {
        cluster = ClusterCertificates.create(dir, "Vault Root CA");
        logs = new LogCapture();
    }

    @AfterEach
    void tearDown() {
        nodes.forEach(RaftStorage::close);
        logs.close();
    }

    private RaftNodeConfig node(String id, String ip, ClusterCertificates ca) throws Exception {
        NodeFiles files = ca.write(id, ClusterCertificates.nodeSpec(id, ip));
        ClusterTls tls = ClusterTls.create(NodeCertificate.load(files.cert(), files.key()),
                ClusterTrust.of(List.of(ca.ca().certificate()), "the test CA file"), Clock.systemUTC());
        return tls.applyTo(RaftNodeConfig.builder(id, dir.resolve(id), ip, Ports.free(ip))).build();
    }

    @Test
    void peerWithAnotherCasCertificateIsRefusedAndBothSidesLogWhy() throws Exception {
        RaftNodeConfig a = node("a", A_IP, cluster);
        RaftNodeConfig b = node("b", B_IP, ClusterCertificates.create(dir, "Rogue CA"));
        RaftStorage leader = RaftStorage.bootstrap(a);
        nodes.add(leader);
        nodes.add(RaftStorage.join(b, leader.groupId(), List.of(new StorageStatus.Peer("a", a.address(), true))));
        leader.addPeer("b", b.address());

        String refusing = logs.awaitMessage("PeerTrustManager", m -> m.contains("CN=b"), WAIT);
        assertThat(refusing).startsWith("refused cluster peer certificate CN=b (from " + b.address()
                + ", which this node dialled): certificate chain does not verify against the given CA")
                .contains("Rogue CA");
        String refused = logs.awaitMessage("HandshakeObserver",
                m -> m.contains("refused this node's certificate"), WAIT);
        // Ratis dials from the machine's default source address, so the refused side sees 127.0.0.1 here.
        assertThat(refused).matches("cluster peer 127\\.0\\.0\\.\\d+ refused this node's certificate during the "
                + "TLS handshake \\(TLS alert: unknown_ca, the peer does not trust the CA that signed this node's "
                + "certificate\\); the peer's log names the reason\\. Check that every node's certificate carries "
                + "both serverAuth and clientAuth.*");
        assertThat(leader.status().peers()).extracting(StorageStatus.Peer::id).containsExactly("a");
    }

    @Test
    void leaderWhoseCertificateAFollowerDoesNotTrustIsToldSoInItsOwnLog() throws Exception {
        ClusterCertificates other = ClusterCertificates.create(dir, "Other CA");
        NodeFiles aFiles = other.write("a", ClusterCertificates.nodeSpec("a", A_IP));
        ClusterTls aTls = ClusterTls.create(NodeCertificate.load(aFiles.cert(), aFiles.key()),
                ClusterTrust.of(List.of(cluster.ca().certificate(), other.ca().certificate()), "both CAs"),
                Clock.systemUTC());
        RaftNodeConfig a = aTls.applyTo(RaftNodeConfig.builder("a", dir.resolve("a"), A_IP, Ports.free(A_IP))).build();
        RaftNodeConfig b = node("b", B_IP, cluster);
        RaftStorage leader = RaftStorage.bootstrap(a);
        nodes.add(leader);
        nodes.add(RaftStorage.join(b, leader.groupId(), List.of(new StorageStatus.Peer("a", a.address(), true))));
        leader.addPeer("b", b.address());

        assertThat(logs.awaitMessage("HandshakeObserver", m -> m.contains("CN=a"), WAIT))
                .contains("certificate chain does not verify against the given CA").contains("Other CA");
        assertThat(logs.awaitMessage("RaftTlsHints", m -> m.contains("cluster peer b"), WAIT))
                .isEqualTo("TLS handshake with cluster peer b fails: the peer refused this node's certificate (TLS "
                        + "alert: unknown_ca, the peer does not trust the CA that signed this node's certificate), so "
                        + "this node cannot replicate to it; the peer's log names the reason. Check that both "
                        + "certificates carry serverAuth and clientAuth and are signed by the same CA");
    }

    @Test
    void dialerWithoutCertificateWithoutClientAuthOrFromAnotherCaIsRefusedAndTheNodeLogsWhy() throws Exception {
        RaftNodeConfig a = node("a", A_IP, cluster);
        nodes.add(RaftStorage.bootstrap(a));

        assertThat(ClusterPortProbe.dial(cluster.sslContext(null), PROBE_IP, A_IP, a.port()))
                .isNotEqualTo("accepted");
        assertThat(logs.awaitMessage("HandshakeObserver", m -> m.contains("no client certificate"), WAIT))
                .startsWith("refused a cluster connection from " + PROBE_IP + ": the peer presented no client "
                        + "certificate, and the cluster port requires mutual TLS");

        NodeFiles serverOnly = cluster.write("probe", ClusterCertificates.nodeSpec("probe", PROBE_IP)
                .withEkus(EnumSet.of(Eku.SERVER_AUTH)));
        assertThat(ClusterPortProbe.dial(cluster.sslContext(serverOnly.issued()), PROBE_IP, A_IP, a.port()))
                .isNotEqualTo("accepted");
        assertThat(logs.awaitMessage("HandshakeObserver", m -> m.contains("CN=probe"), WAIT))
                .isEqualTo("refused cluster peer certificate CN=probe (from " + PROBE_IP + ", which dialled this "
                        + "node): certificate lacks the clientAuth extended key usage (TLS Web Client "
                        + "Authentication); Raft peers present this certificate as clients, so mutual TLS fails "
                        + "with \"tls: bad certificate\". Regenerate it with extendedKeyUsage = serverAuth, "
                        + "clientAuth (openssl: -extfile cert.cnf -extensions v3_req) or with \"coffer tls cert\"");

        NodeFiles rogue = ClusterCertificates.create(dir, "Rogue CA")
                .write("rogue", ClusterCertificates.nodeSpec("rogue", PROBE_IP));
        assertThat(ClusterPortProbe.dial(cluster.sslContext(rogue.issued()), PROBE_IP, A_IP, a.port()))
                .isNotEqualTo("accepted");
        assertThat(logs.awaitMessage("HandshakeObserver", m -> m.contains("CN=rogue"), WAIT))
                .startsWith("refused cluster peer certificate CN=rogue (from " + PROBE_IP + ", which dialled this "
                        + "node): certificate chain does not verify against the given CA: the certificate was "
                        + "issued by \"CN=Rogue CA");

        NodeFiles good = cluster.write("peer", ClusterCertificates.nodeSpec("peer", PROBE_IP));
        assertThat(ClusterPortProbe.dial(cluster.sslContext(good.issued()), PROBE_IP, A_IP, a.port()))
                .isEqualTo("accepted");
    }
}
