package io.coffer.server.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.api.peerunseal.PeerUnsealMessages;
import io.coffer.api.peerunseal.PeerUnsealRefusedException;
import io.coffer.api.peerunseal.PeerUnsealRefusedException.Kind;
import io.coffer.api.peerunseal.UnsealKeyEnvelope;
import io.coffer.server.peerunseal.GrpcPeerUnsealTransport;
import io.coffer.server.testing.ClusterCertificates;
import io.coffer.server.testing.GuideCluster;
import io.coffer.server.testing.NodeConfig;
import io.coffer.server.testing.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coffer's opt-in {@code storage "raft" { unseal_from_peers = true }}, the guide's "Unsealing After Restart"
 * ("followers auto-unseal once the leader is up"), which Vault itself does not do with Shamir: a restarted member
 * fetches the unseal key from the unsealed leader over the mutual-TLS cluster port and unseals itself; without the
 * setting it stays sealed, as in Vault. The leader hands the key only to a current voter whose certificate covers
 * that voter's cluster address, and after a full-cluster restart unsealing one node unseals the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerUnsealIT {

    private static final Duration UNSEAL_WITHIN = Duration.ofSeconds(30);
    private static final Duration STAYS_SEALED_FOR = Duration.ofSeconds(5);

    private GuideCluster cluster;

    @BeforeAll
    void formCluster(@TempDir Path dir) {
        cluster = new GuideCluster(dir, "PeerUnsealIT");
        cluster.configureAll(PeerUnsealIT::optIn);
        cluster.form();
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    private static NodeConfig optIn(NodeConfig config) {
        return config.withRaftSetting("unseal_from_peers", "true");
    }

    @Test
    @Order(1)
    void restartedMemberUnsealsItselfThroughTheLeaderWithinBoundedTime() {
        int active = cluster.awaitActive();
        int restarted = active == 1 ? 2 : 1;
        assertThat(Secrets.put(cluster.http(active), "peer/before", "kept", UNSEAL_WITHIN).status()).isEqualTo(200);
        cluster.kill9(restarted);
        long start = System.nanoTime();
        cluster.start(restarted);
        awaitUnsealed(restarted);
        System.out.println("vault" + restarted + " unsealed itself " + Duration.ofNanos(System.nanoTime() - start)
                .toMillis() + " ms after its restart began");
        assertThat(Secrets.get(cluster.http(restarted), "peer/before")).isEqualTo("kept");
        assertThat(cluster.node(restarted).awaitLogLine(UNSEAL_WITHIN, "unsealed with the unseal key from raft "
                + "leader vault" + active)).isNotNull();
        assertThat(cluster.node(active).awaitLogLine(UNSEAL_WITHIN, "handed the unseal key to voter vault"
                + restarted)).isNotNull();
    }

    @Test
    @Order(2)
    void withoutTheSettingARestartedMemberStaysSealed() {
        int active = cluster.awaitActive();
        int restarted = active == 3 ? 2 : 3;
        cluster.configure(restarted, c -> c.withRaftSetting("unseal_from_peers", null));
        cluster.kill9(restarted);
        cluster.start(restarted);
        long until = System.nanoTime() + STAYS_SEALED_FOR.toNanos();
        while (System.nanoTime() < until) {
            assertThat(cluster.health(restarted)).as("vault%d without unseal_from_peers", restarted).isEqualTo(503);
            sleep(250);
        }
        cluster.unseal(restarted);
        // Nor does a node without the setting serve the exchange on its cluster port.
        assertThatThrownBy(() -> transportFor("vault" + active, active).exchange(clusterAddress(restarted),
                new PeerUnsealMessages.Request("vault" + active, UnsealKeyEnvelope.ephemeral().getPublic()
                        .getEncoded()).encode(), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class).hasMessageContaining("does not offer unseal_from_peers");
        cluster.configure(restarted, PeerUnsealIT::optIn);
        cluster.kill9(restarted);
        cluster.start(restarted);
        awaitUnsealed(restarted);
    }

    @Test
    @Order(3)
    void leaderHandsTheKeyOnlyToTheVoterItsCertificateBelongsTo() throws IOException {
        int active = cluster.awaitActive();
        int standby = active == 1 ? 2 : 1;
        int third = 6 - active - standby;
        String leaderAddress = clusterAddress(active);
        // A certificate for the standby's address, claiming to be the third node: refused.
        GrpcPeerUnsealTransport asStandby = transportFor("vault" + standby, standby);
        assertRefused(asStandby, leaderAddress, "vault" + third, Kind.WRONG_CERTIFICATE);
        // A certificate of the cluster CA for a node that is not a member: refused.
        GrpcPeerUnsealTransport outsider = transportFor("vault9", 9);
        assertRefused(outsider, leaderAddress, "vault9", Kind.NOT_A_VOTER);
        // A standby does not answer, even a genuine voter: only the leader's configuration is authoritative.
        assertRefused(asStandby, clusterAddress(third), "vault" + standby, Kind.NOT_LEADER);
        // The trade-off, documented: whoever holds a voter's certificate (and key) receives the unseal key.
        KeyPair ephemeral = UnsealKeyEnvelope.ephemeral();
        PeerUnsealMessages.Response answer = PeerUnsealMessages.Response.decode(asStandby.exchange(leaderAddress,
                new PeerUnsealMessages.Request("vault" + standby, ephemeral.getPublic().getEncoded()).encode(),
                Duration.ofSeconds(5)));
        byte[] key = UnsealKeyEnvelope.open(ephemeral, answer.envelope(),
                UnsealKeyEnvelope.context(answer.groupId(), "vault" + standby, answer.responderId()));
        assertThat(key).hasSize(32);
        assertThat(cluster.node(active).stderr()).contains("refused the unseal key to")
                .contains("the client certificate does not cover").contains("vault9 is not a voter");
    }

    @Test
    @Order(4)
    void afterAFullRestartUnsealingOneNodeUnsealsTheOthers() {
        for (int n = 1; n <= 3; n++) {
            cluster.kill9(n);
        }
        cluster.startAll();
        cluster.unseal(GuideCluster.FIRST);
        for (int n = 1; n <= 3; n++) {
            awaitUnsealed(n);
            assertThat(Secrets.get(cluster.http(n), "peer/before")).isEqualTo("kept");
        }
    }

    private void awaitUnsealed(int number) {
        Awaitility.await().atMost(UNSEAL_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
            int health = cluster.health(number);
            return health == 200 || health == 429;
        });
    }

    private String clusterAddress(int number) {
        NodeConfig config = cluster.node(number).config();
        return config.ip() + ":" + config.clusterPort();
    }

    /** A client presenting a fresh cluster-CA certificate for node {@code number}'s address (127.0.0.1n). */
    private GrpcPeerUnsealTransport transportFor(String name, int number) throws SSLException {
        ClusterCertificates ca = cluster.processes().certificates();
        ClusterCertificates.NodeFiles files = ca.write(name + "-probe",
                ClusterCertificates.nodeSpec(name, "127.0.0.1" + number));
        return new GrpcPeerUnsealTransport(new GrpcTlsConfig(files.issued().key(), files.issued().certificate(),
                List.of(ca.ca().certificate()), true));
    }

    private static void assertRefused(GrpcPeerUnsealTransport transport, String address, String claimed,
                                      Kind kind) {
        byte[] request = new PeerUnsealMessages.Request(claimed,
                UnsealKeyEnvelope.ephemeral().getPublic().getEncoded()).encode();
        assertThatThrownBy(() -> transport.exchange(address, request, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(PeerUnsealRefusedException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
