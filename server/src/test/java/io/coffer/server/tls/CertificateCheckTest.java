package io.coffer.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The start-up and {@code coffer tls verify} checks on certificates built in memory, at fixed instants: each kind of
 * problem is found, and said in the words operators will search for.
 */
class CertificateCheckTest {

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final String REGENERATE = "Regenerate it with extendedKeyUsage = serverAuth, clientAuth "
            + "(openssl: -extfile cert.cnf -extensions v3_req) or with \"coffer tls cert\"";

    private static CertificateAuthority ca;
    private static X509Certificate good;

    @BeforeAll
    static void createCa() {
        ca = CertificateAuthority.create(KeyType.EC, "Test Root CA", START, Duration.ofDays(3650));
        good = leaf(LeafSpec.forHost("node1"));
    }

    private static X509Certificate leaf(LeafSpec spec) {
        return ca.issue(spec.withKeyType(KeyType.EC).withDnsNames(List.of("vault.example.com"))
                .withIps(List.of("10.0.0.1")).validFrom(START)).certificate();
    }

    private static List<String> check(X509Certificate cert, List<String> hosts, Instant now) {
        return CertificateCheck.problems(cert, List.of(cert), List.of(ca.certificate()), hosts, now);
    }

    @Test
    void certificateWithBothEkusCoveringItsHostsHasNoProblems() {
        assertThat(check(good, List.of("node1", "VAULT.example.com.", "10.0.0.1"), NOW)).isEmpty();
    }

    @Test
    void missingClientAuthIsTheGuidesBadCertificateTrap() {
        X509Certificate serverOnly = leaf(LeafSpec.forHost("node1").withEkus(Set.of(Eku.SERVER_AUTH)));

        assertThat(check(serverOnly, List.of(), NOW)).containsExactly("certificate lacks the clientAuth extended key "
                + "usage (TLS Web Client Authentication); Raft peers present this certificate as clients, so mutual "
                + "TLS fails with \"tls: bad certificate\". " + REGENERATE);
    }

    @Test
    void missingServerAuthIsReported() {
        X509Certificate clientOnly = leaf(LeafSpec.forHost("node1").withEkus(Set.of(Eku.CLIENT_AUTH)));

        assertThat(check(clientOnly, List.of(), NOW)).containsExactly("certificate lacks the serverAuth extended key "
                + "usage (TLS Web Server Authentication); clients and Raft peers connecting to this node reject it as "
                + "a server certificate. " + REGENERATE);
    }

    @Test
    void noEkuExtensionMeansNeitherUsage() {
        X509Certificate none = leaf(LeafSpec.forHost("node1").withEkus(Set.of()));

        assertThat(check(none, List.of(), NOW)).singleElement().asString()
                .startsWith("certificate has no extended key usage extension, so it lists neither serverAuth "
                        + "(TLS Web Server Authentication) nor clientAuth (TLS Web Client Authentication)")
                .endsWith(REGENERATE);
    }

    @Test
    void listenerThatNeedsOnlyServerAuthAcceptsServerOnlyCertificate() {
        X509Certificate serverOnly = leaf(LeafSpec.forHost("node1").withEkus(Set.of(Eku.SERVER_AUTH)));

        assertThat(CertificateCheck.problems(serverOnly, List.of(), List.of(), List.of(), NOW,
                EnumSet.of(Eku.SERVER_AUTH))).isEmpty();
    }

    @Test
    void hostsOutsideTheSubjectAltNameAreEachReported() {
        assertThat(check(good, List.of("node2", "10.0.0.2", "node1"), NOW)).containsExactly(
                "certificate does not cover host name \"node2\": its subjectAltName lists DNS:node1, "
                        + "DNS:vault.example.com, IP:10.0.0.1",
                "certificate does not cover IP address 10.0.0.2: its subjectAltName lists DNS:node1, "
                        + "DNS:vault.example.com, IP:10.0.0.1");
    }

    @Test
    void wildcardCoversOneLabelOnly() {
        X509Certificate wildcard = ca.issue(LeafSpec.forHost("node1").withKeyType(KeyType.EC)
                .withDnsNames(List.of("*.nodes.internal")).validFrom(START)).certificate();

        assertThat(check(wildcard, List.of("a.nodes.internal"), NOW)).isEmpty();
        assertThat(check(wildcard, List.of("a.b.nodes.internal"), NOW)).containsExactly(
                "certificate does not cover host name \"a.b.nodes.internal\": its subjectAltName lists DNS:node1, "
                        + "DNS:*.nodes.internal (a wildcard stands for exactly one leftmost label)");
    }

    @Test
    void expiredCertificateGivesItsDates() {
        assertThat(check(good, List.of(), Instant.parse("2026-02-01T00:00:00Z"))).containsExactly(
                "certificate expired on 2026-01-01T00:00:00Z (valid from 2025-01-01T00:00:00Z until "
                        + "2026-01-01T00:00:00Z); renew it, e.g. with \"coffer tls cert\"");
    }

    @Test
    void notYetValidCertificateGivesItsDatesAndTheClock() {
        assertThat(check(good, List.of(), Instant.parse("2024-12-01T00:00:00Z"))).contains(
                "certificate is not yet valid: valid from 2025-01-01T00:00:00Z until 2026-01-01T00:00:00Z, but the "
                        + "time is now 2024-12-01T00:00:00Z (check the clocks of this machine and of the one that "
                        + "issued it)");
    }

    @Test
    void certificateFromAnotherCaIsAnIssuerMismatch() {
        CertificateAuthority other = CertificateAuthority.create(KeyType.EC, "Other CA", START, Duration.ofDays(99));

        List<String> problems = CertificateCheck.problems(good, List.of(good), List.of(other.certificate()),
                List.of(), NOW);

        assertThat(problems).containsExactly("certificate chain does not verify against the given CA: the "
                + "certificate was issued by \"CN=Test Root CA,O=Your Organization,L=City,ST=State,C=US\", but the "
                + "given CA certificate is \"CN=Other CA,O=Your Organization,L=City,ST=State,C=US\"; pass the CA "
                + "that issued it (or send the missing intermediate certificate with it)");
    }

    @Test
    void caRecreatedUnderTheSameNameIsASignatureMismatch() {
        CertificateAuthority twin = CertificateAuthority.create(KeyType.EC, "Test Root CA", START,
                Duration.ofDays(99));

        List<String> problems = CertificateCheck.problems(good, List.of(good), List.of(twin.certificate()),
                List.of(), NOW);

        assertThat(problems).containsExactly("certificate chain does not verify against the given CA: the "
                + "certificate's issuer name \"CN=Test Root CA,O=Your Organization,L=City,ST=State,C=US\" matches "
                + "the CA, but its signature does not verify with that CA's public key: it was signed by a different "
                + "key under the same name (for example by a CA that has since been re-created); issue it again "
                + "with the current CA");
    }

    @Test
    void chainThroughIntermediateVerifiesOnlyWhenTheIntermediateIsSent() throws Exception {
        CertificateAuthority intermediate = OddCertificates.intermediate(ca, "Issuing CA", START,
                Duration.ofDays(999));
        X509Certificate leaf = intermediate.issue(LeafSpec.forHost("node1").withKeyType(KeyType.EC)
                .validFrom(START)).certificate();

        assertThat(CertificateCheck.problems(leaf, List.of(leaf, intermediate.certificate()),
                List.of(ca.certificate()), List.of("node1"), NOW)).isEmpty();
        assertThat(CertificateCheck.problems(leaf, List.of(leaf), List.of(ca.certificate()), List.of(), NOW))
                .singleElement().asString().contains("the certificate was issued by \"CN=Issuing CA\"");
    }

    @Test
    void expiredIntermediateIsNamed() throws Exception {
        CertificateAuthority intermediate = OddCertificates.intermediate(ca, "Issuing CA", START, Duration.ofDays(30));
        X509Certificate leaf = intermediate.issue(LeafSpec.forHost("node1").withKeyType(KeyType.EC)
                .validFrom(START)).certificate();

        assertThat(CertificateCheck.problems(leaf, List.of(leaf, intermediate.certificate()),
                List.of(ca.certificate()), List.of(), NOW)).containsExactly("the intermediate certificate "
                + "\"CN=Issuing CA\" expired on 2025-01-31T00:00:00Z (valid from 2025-01-01T00:00:00Z until "
                + "2025-01-31T00:00:00Z); renew it and issue the node certificates again");
    }

    @Test
    void expiredCaIsNamedWithItsRemedy() {
        CertificateAuthority old = CertificateAuthority.create(KeyType.EC, "Old CA", START, Duration.ofDays(30));
        X509Certificate leaf = old.issue(LeafSpec.forHost("node1").withKeyType(KeyType.EC).validFrom(START))
                .certificate();

        assertThat(CertificateCheck.problems(leaf, List.of(leaf), List.of(old.certificate()), List.of(), NOW))
                .containsExactly("the CA certificate \"CN=Old CA,O=Your Organization,L=City,ST=State,C=US\" "
                        + "expired on 2025-01-31T00:00:00Z (valid from 2025-01-01T00:00:00Z until "
                        + "2025-01-31T00:00:00Z); create a new CA, e.g. with \"coffer tls ca\", and issue the node "
                        + "certificates again");
    }

    @Test
    void caCertificateUsedAsLeafIsReported() {
        List<String> problems = check(ca.certificate(), List.of(), NOW);

        assertThat(problems).first().isEqualTo("certificate is a CA certificate (basicConstraints CA:TRUE); a node "
                + "must present a leaf certificate issued by the CA, not the CA certificate itself (issue one with "
                + "\"coffer tls cert\")");
    }

    @Test
    void keyUsageWithoutDigitalSignatureIsReported() throws Exception {
        X509Certificate cert = OddCertificates.signed(ca, "node1", false, KeyUsage.keyEncipherment, START,
                Duration.ofDays(300)).certificate();

        assertThat(CertificateCheck.problems(cert, List.of(), List.of(), List.of(), NOW, Set.of())).containsExactly(
                "certificate's key usage lacks digitalSignature, which a TLS server or client needs to sign the "
                        + "handshake (ECDHE, TLS 1.3); use keyUsage = critical, digitalSignature, keyEncipherment",
                "certificate has no subjectAltName extension; TLS clients (Go, Java) match host names and IP "
                        + "addresses only against subjectAltName and ignore the subject \"CN=node1\". Regenerate it "
                        + "with subjectAltName DNS: and IP: entries (openssl: -extfile cert.cnf -extensions v3_req) "
                        + "or with \"coffer tls cert\"");
    }

    @Test
    void summaryNamesSubjectSansEkusAndValidity() {
        assertThat(CertificateFacts.summary(good)).isEqualTo("subject CN=node1; SANs DNS:node1, DNS:vault.example.com,"
                + " IP:10.0.0.1; EKUs serverAuth, clientAuth; valid 2025-01-01T00:00:00Z until 2026-01-01T00:00:00Z");
    }
}
