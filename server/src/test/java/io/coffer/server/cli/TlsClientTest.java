package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.tls.ApiTls;
import io.coffer.server.tls.CertificateAuthority;
import io.coffer.server.tls.Eku;
import io.coffer.server.tls.IssuedCertificate;
import io.coffer.server.tls.KeyType;
import io.coffer.server.tls.LeafSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI over HTTPS as the guide runs it: the node's certificate is trusted through {@code VAULT_CACERT} (or
 * {@code VAULT_CAPATH}), refused without it, accepted blindly with {@code VAULT_SKIP_VERIFY}; the listener requires
 * client certificates, which come from {@code VAULT_CLIENT_CERT} / {@code VAULT_CLIENT_KEY}.
 */
class TlsClientTest {

    @TempDir
    static Path dir;

    @TempDir
    static Path home;

    private static TestNode node;
    private static Path caFile;
    private static Path clientCert;
    private static Path clientKey;

    @BeforeAll
    static void startHttpsNode() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(KeyType.EC, "Test Root CA", Duration.ofDays(1));
        caFile = dir.resolve("certs/rootCA.crt");
        Files.createDirectories(caFile.getParent());
        Files.writeString(caFile, ca.certificatePem());
        IssuedCertificate server = ca.issue(LeafSpec.forHost("localhost").withIps(List.of("127.0.0.1"))
                .withKeyType(KeyType.EC).withEkus(EnumSet.allOf(Eku.class)).withValidity(Duration.ofHours(1)));
        server.writeTo(dir.resolve("node.pem"), dir.resolve("node-key.pem"));
        IssuedCertificate client = ca.issue(LeafSpec.forHost("operator").withKeyType(KeyType.EC)
                .withEkus(EnumSet.of(Eku.CLIENT_AUTH)).withValidity(Duration.ofHours(1)));
        clientCert = dir.resolve("client.pem");
        clientKey = dir.resolve("client-key.pem");
        client.writeTo(clientCert, clientKey);
        node = TestNode.start(dir.resolve("data"), ApiTls.server(dir.resolve("node.pem"),
                dir.resolve("node-key.pem"), caFile, true, false, null));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Cli withClientCert() {
        return new Cli(node.address(), home).env("VAULT_CLIENT_CERT", clientCert.toString())
                .env("VAULT_CLIENT_KEY", clientKey.toString());
    }

    @Test
    void caCertFromTheEnvironmentVerifiesTheNode() {
        Cli.Run run = withClientCert().env("VAULT_CACERT", caFile.toString()).run("operator", "init", "-status");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("Vault is not initialized\n");
    }

    @Test
    void caPathAndCaCertFlagWorkToo() {
        Cli.Run byPath = withClientCert().env("VAULT_CAPATH", caFile.getParent().toString())
                .run("operator", "init", "-status");
        Cli.Run byFlag = withClientCert().run("operator", "init", "-status", "-ca-cert=" + caFile);

        assertThat(byPath.out()).isEqualTo("Vault is not initialized\n");
        assertThat(byFlag.out()).isEqualTo("Vault is not initialized\n");
    }

    @Test
    void untrustedCertificateIsRefusedUnlessSkipVerify() {
        Cli.Run refused = withClientCert().run("status");
        Cli.Run skipped = withClientCert().env("VAULT_SKIP_VERIFY", "true").run("operator", "init", "-status");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("Error checking seal status: Get \"" + node.address()
                + "/v1/sys/seal-status\": ");
        assertThat(skipped.out()).isEqualTo("Vault is not initialized\n");
    }

    @Test
    void missingClientCertificateFailsTheHandshake() {
        Cli.Run run = new Cli(node.address(), home).env("VAULT_CACERT", caFile.toString())
                .run("operator", "init", "-status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error checking init status: Get \"" + node.address());
    }
}
