package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.testing.ClusterCertificates;
import io.coffer.server.testing.ClusterCertificates.NodeFiles;
import io.coffer.server.testing.ClusterProcesses;
import io.coffer.server.testing.NodeProcess;
import io.coffer.server.tls.CertificateCheck;
import io.coffer.server.tls.Eku;
import io.coffer.server.tls.LeafSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's trap, closed at start-up: "Missing clientAuth causes 'tls: bad certificate' errors during cluster
 * formation". A node whose certificate lacks clientAuth, or was signed without the guide's {@code -extensions v3_req}
 * (no extended key usage at all), exits with status 1 before Raft starts and prints the problem and the fix in the
 * same words as {@code coffer tls verify} ({@link CertificateCheck}), never a handshake failure later.
 */
class StartupCertificateCheckIT {

    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private ClusterProcesses cluster;

    @BeforeEach
    void setUp() {
        cluster = new ClusterProcesses(dir, 1);
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    /** Starts node 1 with a certificate made from {@code spec}; returns its stderr after it exited with 1. */
    private String refusedWith(LeafSpec spec, List<String> expectedProblems) {
        NodeProcess node = cluster.node(1);
        NodeFiles files = cluster.certificates().write("odd", spec);
        node.config(node.config().withCertificate(files.cert(), files.key()));
        List<String> problems = CertificateCheck.problems(files.issued().certificate(),
                List.of(files.issued().certificate()), List.of(cluster.certificates().ca().certificate()),
                List.of(node.config().ip()), Instant.now());
        assertThat(problems).containsExactlyElementsOf(expectedProblems.isEmpty() ? problems : expectedProblems);

        node.start();
        assertThat(node.awaitExit(EXIT_WAIT)).as("exit status; stderr:\n%s", node.stderr()).isEqualTo(1);
        String stderr = node.stderr();
        assertThat(stderr).contains("Error starting the server: the certificate in tls_cert_file " + files.cert())
                .contains("cannot be used on the cluster port " + node.config().clusterAddr());
        problems.forEach(problem -> assertThat(stderr).contains("  - " + problem));
        assertThat(stderr).doesNotContain("bad certificate\n").doesNotContain("started; api_addr");
        return stderr;
    }

    @Test
    void certificateWithoutClientAuthStopsTheNodeWithTheFix() {
        String stderr = refusedWith(ClusterCertificates.nodeSpec("vault1", "127.0.0.11")
                .withEkus(EnumSet.of(Eku.SERVER_AUTH)), List.of());
        assertThat(stderr).contains("certificate lacks the clientAuth extended key usage (TLS Web Client "
                + "Authentication)").contains("Regenerate it with extendedKeyUsage = serverAuth, clientAuth");
    }

    @Test
    void certificateSignedWithoutTheGuidesExtensionsStopsTheNodeInTheSameWords() {
        String stderr = refusedWith(ClusterCertificates.nodeSpec("vault1", "127.0.0.11").withEkus(Set.of()),
                List.of());
        assertThat(stderr).contains("certificate has no extended key usage extension, so it lists neither "
                + "serverAuth (TLS Web Server Authentication) nor clientAuth (TLS Web Client Authentication)")
                .contains("(openssl: -extfile cert.cnf -extensions v3_req)");
    }
}
