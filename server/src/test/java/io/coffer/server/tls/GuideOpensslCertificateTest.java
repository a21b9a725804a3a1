package io.coffer.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates made with the guide's own openssl commands. Its warning — "-extfile and -extensions are both
 * required; without them, clientAuth won't be included" — is the trap {@code coffer tls verify} must explain; the
 * same commands with the two flags must pass. Also: Coffer reads and signs with openssl's key formats.
 */
class GuideOpensslCertificateTest {

    private static final String HOST = "vault1.example.com";
    private static final String CERT_CNF = """
            [ req ]
            default_bits       = 2048
            default_md         = sha256
            distinguished_name = req_distinguished_name
            req_extensions     = v3_req
            prompt             = no

            [ req_distinguished_name ]
            CN = vault1.example.com

            [ v3_req ]
            basicConstraints = CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth, clientAuth
            subjectAltName = @alt_names

            [ alt_names ]
            DNS.1 = vault1.example.com
            DNS.2 = vault.example.com
            IP.1  = 192.168.1.10
            """;

    @TempDir
    static Path dir;

    /** Step 1 of the guide, then gen-cert.sh twice: once as written, once without -extfile/-extensions. */
    @BeforeAll
    static void runGuideCommands() throws Exception {
        Openssl.assumeAvailable();
        Openssl.ok(dir, "genrsa", "-out", "rootCA.key", "4096");
        Openssl.ok(dir, "req", "-x509", "-new", "-nodes", "-key", "rootCA.key", "-sha256", "-days", "3650",
                "-out", "rootCA.crt", "-subj", "/C=US/ST=State/L=City/O=Your Organization/CN=Vault Root CA");
        Files.writeString(dir.resolve("cert.cnf"), CERT_CNF);
        Openssl.ok(dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", HOST + "-key.pem",
                "-out", HOST + ".csr", "-config", "cert.cnf");
        Openssl.ok(dir, "x509", "-req", "-in", HOST + ".csr", "-CA", "rootCA.crt", "-CAkey", "rootCA.key",
                "-CAcreateserial", "-out", HOST + ".pem", "-days", "365", "-sha256",
                "-extfile", "cert.cnf", "-extensions", "v3_req");
        Openssl.ok(dir, "x509", "-req", "-in", HOST + ".csr", "-CA", "rootCA.crt", "-CAkey", "rootCA.key",
                "-CAcreateserial", "-out", "no-extensions.pem", "-days", "365", "-sha256");
    }

    @Test
    void certificateSignedWithoutExtfileIsDiagnosedAsLackingBothEkus() {
        Cli.Run run = Cli.tls("verify", dir.resolve("no-extensions.pem").toString(),
                "--ca", dir.resolve("rootCA.crt").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "certificate has no extended key usage extension, so it lists neither serverAuth (TLS Web Server "
                        + "Authentication) nor clientAuth (TLS Web Client Authentication); Raft peers present this "
                        + "certificate both as servers and as clients, and Coffer requires both usages (the guide's "
                        + "\"tls: bad certificate\" trap). Regenerate it with extendedKeyUsage = serverAuth, "
                        + "clientAuth (openssl: -extfile cert.cnf -extensions v3_req) or with \"coffer tls cert\"",
                "certificate has no subjectAltName extension; TLS clients (Go, Java) match host names and IP "
                        + "addresses only against subjectAltName and ignore the subject \"CN=vault1.example.com\". "
                        + "Regenerate it with subjectAltName DNS: and IP: entries (openssl: -extfile cert.cnf "
                        + "-extensions v3_req) or with \"coffer tls cert\"");
    }

    @Test
    void certificateSignedAsTheGuideSaysPasses() {
        Cli.Run run = Cli.tls("verify", dir.resolve(HOST + ".pem").toString(),
                "--ca", dir.resolve("rootCA.crt").toString(), "--host", HOST, "--host", "vault.example.com",
                "--host", "192.168.1.10");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).startsWith("OK: subject CN=vault1.example.com; SANs DNS:vault1.example.com, "
                + "DNS:vault.example.com, IP:192.168.1.10; EKUs serverAuth, clientAuth; valid ");
    }

    @Test
    void serverAuthOnlyCertificateIsDiagnosedAsLackingClientAuth() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("server-only"));
        Files.writeString(sub.resolve("cert.cnf"),
                CERT_CNF.replace("extendedKeyUsage = serverAuth, clientAuth", "extendedKeyUsage = serverAuth"));
        Openssl.ok(sub, "x509", "-req", "-in", "../" + HOST + ".csr", "-CA", "../rootCA.crt", "-CAkey",
                "../rootCA.key", "-set_serial", "7", "-out", "node.pem", "-days", "365", "-sha256",
                "-extfile", "cert.cnf", "-extensions", "v3_req");

        Cli.Run run = Cli.tls("verify", sub.resolve("node.pem").toString(), "--ca", dir.resolve("rootCA.crt")
                .toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly("certificate lacks the clientAuth extended key usage (TLS Web Client "
                + "Authentication); Raft peers present this certificate as clients, so mutual TLS fails with "
                + "\"tls: bad certificate\". Regenerate it with extendedKeyUsage = serverAuth, clientAuth "
                + "(openssl: -extfile cert.cnf -extensions v3_req) or with \"coffer tls cert\"");
    }

    @Test
    void coffersCertCommandSignsWithTheGuidesOpensslCa() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("coffer-signed"));
        Files.copy(dir.resolve("rootCA.crt"), sub.resolve("rootCA.crt"));
        Files.copy(dir.resolve("rootCA.key"), sub.resolve("rootCA.key"));

        Cli.Run run = Cli.tls("cert", "vault3.example.com", "10.0.1.30", "--dir", sub.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Openssl.ok(sub, "verify", "-CAfile", "rootCA.crt", "vault3.example.com.pem"))
                .contains("vault3.example.com.pem: OK");
    }

    @Test
    void pkcs1RsaKeysAreReadAndUsableAsCaKey() throws Exception {
        Openssl.ok(dir, "rsa", "-in", "rootCA.key", "-traditional", "-out", "rootCA-pkcs1.key");
        assertThat(Files.readString(dir.resolve("rootCA-pkcs1.key"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        PrivateKey key = PemFiles.privateKey(dir.resolve("rootCA-pkcs1.key"));
        assertThat(key.getAlgorithm()).isEqualTo("RSA");
        CertificateAuthority ca = CertificateAuthority.load(dir.resolve("rootCA.crt"), dir.resolve("rootCA-pkcs1.key"));
        IssuedCertificate leaf = ca.issue("node9", List.of(), List.of("10.9.9.9"), EnumSet.allOf(Eku.class),
                Duration.ofHours(1));
        leaf.writeTo(dir.resolve("node9.pem"), dir.resolve("node9-key.pem"));
        Openssl.ok(dir, "verify", "-CAfile", "rootCA.crt", "node9.pem");
    }

    @Test
    void sec1EcKeysAreRead() throws Exception {
        Openssl.ok(dir, "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec-sec1.key");
        assertThat(Files.readString(dir.resolve("ec-sec1.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");

        assertThat(PemFiles.privateKey(dir.resolve("ec-sec1.key")).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void caKeyThatDoesNotMatchTheCertificateIsRefused() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("mismatch"));
        Files.copy(dir.resolve("rootCA.crt"), sub.resolve("rootCA.crt"));
        Openssl.ok(sub, "genrsa", "-out", "rootCA.key", "2048");

        Cli.Run run = Cli.tls("cert", "node1", "10.0.0.1", "--dir", sub.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the CA private key does not belong to the CA certificate "
                + "\"CN=Vault Root CA,O=Your Organization,L=City,ST=State,C=US\"");
    }
}
