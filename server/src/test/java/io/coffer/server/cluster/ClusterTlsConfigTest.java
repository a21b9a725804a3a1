package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.server.config.ConfigLoader;
import io.coffer.server.config.ServerConfig;
import io.coffer.server.testing.ClusterCertificates;
import io.coffer.server.testing.ClusterCertificates.NodeFiles;
import io.coffer.server.testing.LogCapture;
import io.coffer.server.tls.CertificateCheck;
import io.coffer.server.tls.Eku;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up check of the cluster port certificate (DESIGN "Security spine"): a node whose certificate lacks
 * clientAuth or serverAuth, does not cover its cluster_addr, has expired, or is not signed by the cluster CA is
 * refused before Raft starts, in {@link CertificateCheck}'s words with the fix; {@code tls_disable} runs plain with
 * a warning; the trusted CA comes from tls_client_ca_file, else retry_join's leader_ca_cert, else the JVM.
 */
class ClusterTlsConfigTest {

    private static final String IP = "127.0.0.21";

    @TempDir
    Path dir;

    private ClusterCertificates certs;

    @BeforeEach
    void makeCa() {
        certs = ClusterCertificates.create(dir, "Vault Root CA");
    }

    private ServerConfig config(NodeFiles node, String listenerExtra, String raftExtra) {
        String hcl = "storage \"raft\" {\n  path = \"" + dir.resolve("data") + "\"\n  node_id = \"vault1\"\n"
                + raftExtra + "}\n"
                + "listener \"tcp\" {\n  address = \"" + IP + ":8200\"\n"
                + "  tls_cert_file = \"" + node.cert() + "\"\n  tls_key_file = \"" + node.key() + "\"\n"
                + listenerExtra + "}\n"
                + "api_addr = \"https://" + IP + ":8200\"\ncluster_addr = \"https://" + IP + ":8201\"\n";
        return ConfigLoader.fromString(hcl, dir);
    }

    private String withCa() {
        return "  tls_client_ca_file = \"" + certs.caFile() + "\"\n";
    }

    private String refusal(ServerConfig config) {
        return catchThrowableOfType(ClusterTlsException.class,
                () -> ClusterTls.fromConfig(config, Clock.systemUTC())).getMessage();
    }

    private static List<String> expectedProblems(NodeFiles node, ClusterCertificates ca) {
        return CertificateCheck.problems(node.issued().certificate(), List.of(node.issued().certificate()),
                List.of(ca.ca().certificate()), List.of(IP), Instant.now());
    }

    @Test
    void guideCertificateWithBothUsagesIsAccepted() throws Exception {
        NodeFiles node = certs.write("vault1", ClusterCertificates.nodeSpec("vault1", IP));
        Optional<ClusterTls> tls = ClusterTls.fromConfig(config(node, withCa(), ""), Clock.systemUTC());
        assertThat(tls).isPresent();
        assertThat(tls.get().summary()).contains("CN=vault1").contains("tls_client_ca_file");
    }

    @Test
    void certificateWithoutClientAuthIsRefusedNamingTheFix() {
        NodeFiles node = certs.write("vault1",
                ClusterCertificates.nodeSpec("vault1", IP).withEkus(EnumSet.of(Eku.SERVER_AUTH)));
        String message = refusal(config(node, withCa(), ""));
        assertThat(message).contains(node.cert().toString()).contains("cluster port")
                .contains("certificate lacks the clientAuth extended key usage")
                .contains("Regenerate it with extendedKeyUsage = serverAuth, clientAuth");
        assertThat(expectedProblems(node, certs)).hasSize(1).allSatisfy(p -> assertThat(message).contains(p));
    }

    @Test
    void certificateWithoutAnyExtendedKeyUsageIsRefusedInTheSameWordsAsTlsVerify() {
        NodeFiles node = certs.write("vault1", ClusterCertificates.nodeSpec("vault1", IP).withEkus(Set.of()));
        String message = refusal(config(node, withCa(), ""));
        assertThat(message).contains("certificate has no extended key usage extension");
        assertThat(expectedProblems(node, certs)).isNotEmpty().allSatisfy(p -> assertThat(message).contains(p));
    }

    @Test
    void certificateNotCoveringTheClusterAddrIsRefused() {
        NodeFiles node = certs.write("vault1", ClusterCertificates.nodeSpec("vault1", "127.0.0.99"));
        assertThat(refusal(config(node, withCa(), ""))).contains("does not cover IP address " + IP);
    }

    @Test
    void expiredCertificateIsRefused() {
        NodeFiles node = certs.write("vault1", ClusterCertificates.nodeSpec("vault1", IP)
                .validFrom(Instant.now().minus(Duration.ofDays(3))).withValidity(Duration.ofDays(1)));
        assertThat(refusal(config(node, withCa(), ""))).contains("certificate expired on");
    }

    @Test
    void certificateFromAnotherCaIsRefusedWhenTheClusterCaIsConfigured() {
        ClusterCertificates other = ClusterCertificates.create(dir, "Other CA");
        NodeFiles node = other.write("vault1", ClusterCertificates.nodeSpec("vault1", IP));
        assertThat(refusal(config(node, withCa(), ""))).contains("certificate chain does not verify against the "
                + "given CA").contains("Other CA");
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws Exception {
        NodeFiles node = certs.write("vault1", ClusterCertificates.nodeSpec("vault1", IP));
        NodeFiles other = certs.write("vault2", ClusterCertificates.nodeSpec("vault2", IP));
        Files.copy(other.key(), node.key(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(refusal(config(node, withCa(), ""))).contains("does not belong to the certificate");
    }

    @Test
    void leaderCaCertIsTrustedWhenTheListenerNamesNoCa() throws Exception {
        NodeFiles node = certs.write("vault1", ClusterCertificates.nodeSpec("vault1", IP));
        String join = "  retry_join {\n    leader_api_addr = \"https://127.0.0.22:8200\"\n"
                + "    leader_ca_cert_file = \"" + certs.caFile() + "\"\n  }\n";
        assertThat(ClusterTls.fromConfig(config(node, "", join), Clock.systemUTC()).orElseThrow().summary())
                .contains("leader_ca_cert");
    }

    @Test
    void withoutAConfiguredCaTheJvmTrustStoreMustKnowTheIssuer() {
        NodeFiles node = certs.write("vault1", ClusterCertificates.nodeSpec("vault1", IP));
        assertThat(refusal(config(node, "", ""))).contains("does not validate against the JVM trust store")
                .contains("tls_client_ca_file");
    }

    @Test
    void tlsDisableRunsTheClusterPortPlainWithAWarning() throws Exception {
        String hcl = "storage \"raft\" {\n  path = \"" + dir.resolve("data") + "\"\n}\n"
                + "listener \"tcp\" {\n  address = \"127.0.0.1:8200\"\n  tls_disable = true\n}\n";
        try (LogCapture logs = new LogCapture()) {
            assertThat(ClusterTls.fromConfig(ConfigLoader.fromString(hcl, dir), Clock.systemUTC())).isEmpty();
            assertThat(logs.messages("ClusterTls")).anySatisfy(m -> assertThat(m)
                    .contains("runs WITHOUT TLS because the listener sets tls_disable = true"));
        }
    }
}
