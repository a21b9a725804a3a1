package io.coffer.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer tls ca} then {@code coffer tls cert}, run in-process with their defaults, and cross-checked with
 * openssl: the guide's "verify each cert shows both TLS Web Server Authentication and TLS Web Client
 * Authentication" and {@code openssl verify -CAfile rootCA.crt}.
 */
class TlsCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void createCaAndNodeCertificate() {
        Openssl.assumeAvailable();
        assertThat(Cli.tls("ca", "--dir", shared.toString()).exitCode()).isZero();
        Cli.Run cert = Cli.tls("cert", "node1", "192.168.1.10", "--dir", shared.toString());
        assertThat(cert.exitCode()).as(cert.err()).isZero();
        assertThat(cert.err()).isEmpty();
    }

    @Test
    void opensslVerifiesNodeCertificateAgainstRootCa() throws Exception {
        String output = Openssl.ok(shared, "verify", "-CAfile", "rootCA.crt", "node1.pem");

        assertThat(output.trim()).isEqualTo("node1.pem: OK");
    }

    @Test
    void nodeCertificateCarriesBothEkusLbHostAndIp() throws Exception {
        String text = Openssl.ok(shared, "x509", "-in", "node1.pem", "-text", "-noout");

        assertThat(text).contains("TLS Web Server Authentication", "TLS Web Client Authentication",
                "DNS:node1", "DNS:vault.example.com", "IP Address:192.168.1.10", "CA:FALSE",
                "Digital Signature, Key Encipherment", "Subject: CN = node1", "sha256WithRSAEncryption",
                "Public-Key: (2048 bit)", "X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier");
        assertThat(text).containsPattern("X509v3 Key Usage: critical");
    }

    @Test
    void rootCaHasGuideSubjectAndCriticalCaExtensions() throws Exception {
        String text = Openssl.ok(shared, "x509", "-in", "rootCA.crt", "-text", "-noout");

        assertThat(text).contains("Subject: C = US, ST = State, L = City, O = Your Organization, CN = Vault Root CA",
                "Issuer: C = US, ST = State, L = City, O = Your Organization, CN = Vault Root CA",
                "X509v3 Basic Constraints: critical", "CA:TRUE", "X509v3 Key Usage: critical",
                "Certificate Sign, CRL Sign", "Public-Key: (4096 bit)", "sha256WithRSAEncryption");
        Openssl.ok(shared, "verify", "-CAfile", "rootCA.crt", "rootCA.crt");
    }

    @Test
    void keyFilesAreOwnerOnlyPkcs8AndReadableByOpenssl() throws Exception {
        for (String key : List.of("rootCA.key", "node1-key.pem")) {
            Path file = shared.resolve(key);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(key)
                    .isEqualTo("rw-------");
            assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
            Openssl.ok(shared, "pkey", "-in", key, "-noout");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve("node1.pem"))))
                .isEqualTo("rw-r--r--");
        PrivateKey key = PemFiles.privateKey(shared.resolve("node1-key.pem"));
        assertThat(((RSAPrivateKey) key).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void verifyAcceptsFreshNodeCertificate() {
        Cli.Run run = Cli.tls("verify", shared.resolve("node1.pem").toString(),
                "--ca", shared.resolve("rootCA.crt").toString(),
                "--host", "node1", "--host", "vault.example.com", "--host", "192.168.1.10");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).singleElement().asString()
                .startsWith("OK: subject CN=node1; SANs DNS:node1, DNS:vault.example.com, IP:192.168.1.10; "
                        + "EKUs serverAuth, clientAuth; valid ")
                .endsWith("; chain verifies against the given CA");
    }

    @Test
    void verifyReportsEachUncoveredHostAndExitsOne() {
        Cli.Run run = Cli.tls("verify", shared.resolve("node1.pem").toString(),
                "--host", "node2", "--host", "10.0.0.2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "certificate does not cover host name \"node2\": its subjectAltName lists DNS:node1, "
                        + "DNS:vault.example.com, IP:192.168.1.10",
                "certificate does not cover IP address 10.0.0.2: its subjectAltName lists DNS:node1, "
                        + "DNS:vault.example.com, IP:192.168.1.10");
    }

    @Test
    void verifyReportsExpiredCertificateFromAnotherCa() throws Exception {
        CertificateAuthority other = CertificateAuthority.create(KeyType.EC, "Other CA", Duration.ofDays(1));
        other.issue(LeafSpec.forHost("node1").withKeyType(KeyType.EC).validFrom(Instant.parse("2020-01-01T00:00:00Z"))
                .withValidity(Duration.ofDays(30))).writeTo(dir.resolve("old.pem"), dir.resolve("old-key.pem"));

        Cli.Run run = Cli.tls("verify", dir.resolve("old.pem").toString(),
                "--ca", shared.resolve("rootCA.crt").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "certificate expired on 2020-01-31T00:00:00Z (valid from 2020-01-01T00:00:00Z until "
                        + "2020-01-31T00:00:00Z); renew it, e.g. with \"coffer tls cert\"",
                "certificate chain does not verify against the given CA: the certificate was issued by \"CN=Other "
                        + "CA,O=Your Organization,L=City,ST=State,C=US\", but the given CA certificate is \"CN=Vault "
                        + "Root CA,O=Your Organization,L=City,ST=State,C=US\"; pass the CA that issued it (or send the "
                        + "missing intermediate certificate with it)");
    }

    @Test
    void verifyOfMissingFileSaysSo() {
        Cli.Run run = Cli.tls("verify", dir.resolve("nope.pem").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().trim()).isEqualTo("Error: " + dir.resolve("nope.pem") + ": no such file");
    }

    @Test
    void verifyRejectsRootCaPresentedAsNodeCertificate() {
        Cli.Run run = Cli.tls("verify", shared.resolve("rootCA.crt").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).contains("certificate is a CA certificate (basicConstraints CA:TRUE); a node must "
                + "present a leaf certificate issued by the CA, not the CA certificate itself (issue one with "
                + "\"coffer tls cert\")");
    }

    @Test
    void caRefusesToOverwriteUnlessForced() throws Exception {
        assertThat(Cli.tls("ca", "--dir", dir.toString(), "--key-type", "ec").exitCode()).isZero();
        String before = Files.readString(dir.resolve("rootCA.key"));

        Cli.Run again = Cli.tls("ca", "--dir", dir.toString(), "--key-type", "ec");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("rootCA.crt already exists; pass --force to overwrite it");
        assertThat(Files.readString(dir.resolve("rootCA.key"))).isEqualTo(before);

        assertThat(Cli.tls("ca", "--dir", dir.toString(), "--key-type", "EC", "--force").exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("rootCA.key"))).isNotEqualTo(before);
    }

    @Test
    void certRefusesToOverwriteUnlessForced() {
        assertThat(Cli.tls("ca", "--dir", dir.toString(), "--key-type", "ec").exitCode()).isZero();
        assertThat(Cli.tls("cert", "node1", "10.0.0.1", "--dir", dir.toString(), "--key-type", "ec").exitCode())
                .isZero();

        Cli.Run again = Cli.tls("cert", "node1", "10.0.0.1", "--dir", dir.toString(), "--key-type", "ec");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("node1.pem already exists; pass --force to overwrite it");
        assertThat(Cli.tls("cert", "node1", "10.0.0.1", "--dir", dir.toString(), "--key-type", "ec", "--force")
                .exitCode()).isZero();
    }

    @Test
    void certWithoutCaExplainsHowToCreateOne() {
        Cli.Run run = Cli.tls("cert", "node1", "10.0.0.1", "--dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("rootCA.crt not found; create the CA first with \"coffer tls ca --dir");
    }

    @Test
    void certRejectsBadArguments() {
        assertThat(Cli.tls("cert", "node1", "not-an-ip", "--dir", dir.toString()).err())
                .contains("\"not-an-ip\" is not an IP address");
        assertThat(Cli.tls("cert", "../evil", "10.0.0.1", "--dir", dir.toString()).err())
                .contains("HOSTNAME \"../evil\" is not a host name");
        assertThat(Cli.tls("cert", "node1", "10.0.0.1", "--key-type", "dsa").exitCode()).isEqualTo(2);
    }

    @Test
    void ecCaAndEcNodeCertificateVerifyWithOpenssl() throws Exception {
        assertThat(Cli.tls("ca", "--dir", dir.toString(), "--key-type", "ec", "--cn", "Test CA", "--days", "30")
                .exitCode()).isZero();
        Cli.Run cert = Cli.tls("cert", "vault2.example.com", "10.0.1.20", "--dir", dir.toString(),
                "--key-type", "ec", "--lb-host", "lb.internal", "--dns", "*.nodes.internal", "--ip", "::1",
                "--days", "7");
        assertThat(cert.exitCode()).as(cert.err()).isZero();

        Openssl.ok(dir, "verify", "-CAfile", "rootCA.crt", "vault2.example.com.pem");
        String text = Openssl.ok(dir, "x509", "-in", "vault2.example.com.pem", "-text", "-noout");
        assertThat(text).contains("ecdsa-with-SHA256", "NIST CURVE: P-256", "DNS:lb.internal", "DNS:*.nodes.internal",
                "IP Address:10.0.1.20", "IP Address:0:0:0:0:0:0:0:1", "TLS Web Client Authentication");
        assertThat(Openssl.ok(dir, "pkey", "-in", "vault2.example.com-key.pem", "-text", "-noout"))
                .contains("prime256v1");
        assertThat(Openssl.ok(dir, "x509", "-in", "rootCA.crt", "-noout", "-subject"))
                .contains("CN = Test CA");
        assertThat(Cli.tls("verify", dir.resolve("vault2.example.com.pem").toString(), "--ca",
                dir.resolve("rootCA.crt").toString(), "--host", "a.nodes.internal", "--host", "[::1]").exitCode())
                .isZero();
    }
}
