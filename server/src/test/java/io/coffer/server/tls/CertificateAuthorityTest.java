package io.coffer.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The programmatic CA other tests use to build certificates for multi-node TLS. */
class CertificateAuthorityTest {

    private static CertificateAuthority ca;
    private static IssuedCertificate node;

    @TempDir
    Path dir;

    @BeforeAll
    static void createCa() {
        ca = CertificateAuthority.create(KeyType.EC, "Test Root CA", Duration.ofDays(1));
        node = ca.issue("node1", List.of("localhost", "vault.example.com"), List.of("127.0.0.1", "::1"),
                EnumSet.allOf(Eku.class), Duration.ofHours(1));
    }

    @Test
    void caIsSelfSignedWithCriticalCaExtensions() throws Exception {
        X509Certificate cert = ca.certificate();

        cert.verify(cert.getPublicKey());
        assertThat(CertificateFacts.subject(cert))
                .isEqualTo("CN=Test Root CA,O=Your Organization,L=City,ST=State,C=US");
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(),
                Extension.keyUsage.getId());
        boolean[] usage = cert.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void leafCarriesSansBothEkusAndKeyIdentifiersLinkingItToTheCa() throws Exception {
        X509Certificate cert = node.certificate();

        cert.verify(ca.certificate().getPublicKey());
        assertThat(CertificateFacts.subject(cert)).isEqualTo("CN=node1");
        assertThat(CertificateFacts.subjectAltNames(cert)).contains(List.of("DNS:node1", "DNS:localhost",
                "DNS:vault.example.com", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1"));
        assertThat(CertificateFacts.extendedKeyUsageNames(cert)).containsExactly("serverAuth", "clientAuth");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(cert.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(cert.getKeyUsage()[2]).as("keyEncipherment").isTrue();
        byte[] aki = AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
                        .getOctets()).getKeyIdentifierObject().getOctets();
        byte[] caSki = SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(ca.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                        .getOctets()).getKeyIdentifier();
        assertThat(aki).isEqualTo(caSki);
        assertThat(cert.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
    }

    @Test
    void serialsAreRandomPositiveAndAtMostTwentyOctets() {
        X509Certificate other = ca.issue("node1", List.of(), List.of(), EnumSet.allOf(Eku.class),
                Duration.ofHours(1)).certificate();

        assertThat(other.getSerialNumber()).isNotEqualTo(node.certificate().getSerialNumber());
        assertThat(other.getSerialNumber().signum()).isPositive();
        assertThat(other.getSerialNumber().toByteArray().length).isLessThanOrEqualTo(20);
    }

    @Test
    void leafWithoutClientAuthCanBeIssuedForNegativeTests() {
        X509Certificate serverOnly = ca.issue("node1", List.of(), List.of(), Set.of(Eku.SERVER_AUTH),
                Duration.ofHours(1)).certificate();

        assertThat(CertificateFacts.extendedKeyUsageNames(serverOnly)).containsExactly("serverAuth");
    }

    @Test
    void rsaDefaultsAreTheGuidesKeySizes() {
        CertificateAuthority rsa = CertificateAuthority.create(KeyType.RSA, "RSA CA", Duration.ofDays(1));
        IssuedCertificate leaf = rsa.issue(LeafSpec.forHost("node1"));

        assertThat(((RSAPublicKey) rsa.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(4096);
        assertThat(((RSAPublicKey) leaf.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(leaf.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(Duration.between(leaf.certificate().getNotBefore().toInstant(),
                leaf.certificate().getNotAfter().toInstant())).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void writeToProducesOwnerOnlyPkcs8KeyThatReadsBack() throws Exception {
        Path cert = dir.resolve("certs/node1.pem");
        Path key = dir.resolve("certs/node1-key.pem");

        node.writeTo(cert, key);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PemFiles.certificates(cert)).containsExactly(node.certificate());
        assertThat(PemFiles.privateKey(key)).isEqualTo(node.key());
        assertThat(Files.list(dir.resolve("certs"))).hasSize(2);
    }

    @Test
    void loadRoundTripsAndRefusesNonCaOrForeignKey() throws Exception {
        ca.writeTo(dir.resolve("rootCA.crt"), dir.resolve("rootCA.key"));
        node.writeTo(dir.resolve("node1.pem"), dir.resolve("node1-key.pem"));

        CertificateAuthority loaded = CertificateAuthority.load(dir.resolve("rootCA.crt"), dir.resolve("rootCA.key"));
        assertThat(loaded.certificate()).isEqualTo(ca.certificate());
        assertThatThrownBy(() -> CertificateAuthority.of(node.certificate(), node.key()))
                .hasMessage("\"CN=node1\" is not a CA certificate (it lacks basicConstraints CA:TRUE)");
        assertThatThrownBy(() -> CertificateAuthority.of(ca.certificate(), node.key()))
                .hasMessageContaining("the CA private key does not belong to the CA certificate");
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        String keyBody = node.privateKeyPem().split("\n")[1];

        assertThat(node.toString()).startsWith("IssuedCertificate[CN=node1, serial ").doesNotContain(keyBody);
        assertThat(ca.toString()).doesNotContain("PRIVATE");
        assertThat(Arrays.asList(node.certificatePem().split("\n"))).first()
                .isEqualTo("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void badNamesAreRefused() {
        assertThatThrownBy(() -> ca.issue("node1", List.of("10.0.0.1"), List.of(), Set.of(), Duration.ofHours(1)))
                .hasMessageContaining("not a DNS name");
        assertThatThrownBy(() -> ca.issue("node1", List.of(), List.of("node2"), Set.of(), Duration.ofHours(1)))
                .hasMessageContaining("not an IP address");
    }
}
