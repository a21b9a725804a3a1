package io.coffer.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * A root CA that issues node certificates, the programmatic form of the guide's openssl steps and of
 * {@code coffer tls ca} / {@code coffer tls cert}. Tests use it to build certificates for multi-node TLS:
 * <pre>{@code
 * CertificateAuthority ca = CertificateAuthority.create(KeyType.EC, "Test Root CA", Duration.ofDays(1));
 * IssuedCertificate node1 = ca.issue("node1", List.of("localhost"), List.of("127.0.0.1"),
 *         EnumSet.allOf(Eku.class), Duration.ofHours(1));
 * node1.writeTo(dir.resolve("node1.pem"), dir.resolve("node1-key.pem"));
 * }</pre>
 * Instances are immutable and thread-safe.
 */
public final class CertificateAuthority {

    /** The guide's CA common name. */
    public static final String DEFAULT_CN = "Vault Root CA";
    /** The guide's CA lifetime ({@code -days 3650}). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(3650);
    /** How far before "now" certificates start, so that peers whose clock lags a little accept them. */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuedCertificate self;

    private CertificateAuthority(IssuedCertificate self) {
        this.self = self;
    }

    /**
     * A new self-signed CA with the guide's subject {@code /C=US/ST=State/L=City/O=Your Organization/CN=<cn>}; RSA
     * keys are 4096 bits (EC P-256 is much faster to generate, which tests may prefer).
     */
    public static CertificateAuthority create(KeyType keyType, String cn, Duration validity) {
        return create(keyType, cn, null, validity);
    }

    /** As {@link #create(KeyType, String, Duration)}, valid from {@code notBefore} (null: now, minus skew). */
    public static CertificateAuthority create(KeyType keyType, String cn, Instant notBefore, Duration validity) {
        if (cn == null || cn.isBlank()) {
            throw new IllegalArgumentException("CA common name must not be blank");
        }
        Instant start = start(notBefore);
        KeyPair keys = keyType.generate(KeyType.CA_RSA_BITS, RANDOM);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "US")
                .addRDN(BCStyle.ST, "State").addRDN(BCStyle.L, "City").addRDN(BCStyle.O, "Your Organization")
                .addRDN(BCStyle.CN, cn).build();
        try {
            X509Certificate cert = CertificateSigner.selfSignedCa(keys, subject, start, end(start, validity), RANDOM);
            return new CertificateAuthority(new IssuedCertificate(cert, keys.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the CA certificate: " + e.getMessage(), e);
        }
    }

    /**
     * An existing CA, e.g. one made by the guide's openssl commands. Refuses a certificate that is not a CA
     * (basicConstraints CA:TRUE) and a key that does not belong to the certificate.
     */
    public static CertificateAuthority of(X509Certificate cert, PrivateKey key) {
        if (cert.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("\"" + CertificateFacts.subject(cert)
                    + "\" is not a CA certificate (it lacks basicConstraints CA:TRUE)");
        }
        if (!keyMatches(cert, key)) {
            throw new IllegalArgumentException("the CA private key does not belong to the CA certificate \""
                    + CertificateFacts.subject(cert) + "\"");
        }
        return new CertificateAuthority(new IssuedCertificate(cert, key));
    }

    /** Reads a CA certificate (the first certificate in the file) and its key, then checks them as {@link #of}. */
    public static CertificateAuthority load(Path certFile, Path keyFile) throws IOException {
        X509Certificate cert = PemFiles.certificates(certFile).get(0);
        PrivateKey key = PemFiles.privateKey(keyFile);
        try {
            return of(cert, key);
        } catch (IllegalArgumentException e) {
            throw new IOException(certFile + ", " + keyFile + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return self.certificate();
    }

    public PrivateKey key() {
        return self.key();
    }

    public String certificatePem() {
        return self.certificatePem();
    }

    public String privateKeyPem() {
        return self.privateKeyPem();
    }

    /** Writes {@code rootCA.crt}-style and {@code rootCA.key}-style files (the key mode 0600), replacing them. */
    public void writeTo(Path certFile, Path keyFile) throws IOException {
        self.writeTo(certFile, keyFile);
    }

    /**
     * A node certificate for {@code hostname} with subjectAltName {@code DNS:hostname}, each of {@code dnsNames}
     * and each of {@code ips}, carrying exactly {@code ekus} (pass only {@link Eku#SERVER_AUTH} to make a
     * certificate that fails mutual TLS), RSA 2048, valid from now (minus skew) for {@code validity}.
     */
    public IssuedCertificate issue(String hostname, List<String> dnsNames, List<String> ips, Set<Eku> ekus,
                                   Duration validity) {
        return issue(LeafSpec.forHost(hostname).withDnsNames(dnsNames).withIps(ips).withEkus(ekus)
                .withValidity(validity));
    }

    /** A node certificate as {@code spec} describes it. */
    public IssuedCertificate issue(LeafSpec spec) {
        Instant start = start(spec.notBefore());
        KeyPair keys = spec.keyType().generate(KeyType.LEAF_RSA_BITS, RANDOM);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, spec.hostname()).build();
        try {
            X509Certificate cert = CertificateSigner.leaf(self.certificate(), self.key(), keys.getPublic(), subject,
                    subjectAltNames(spec), spec.ekus(), start, end(start, spec.validity()), RANDOM);
            return new IssuedCertificate(cert, keys.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue a certificate for " + spec.hostname() + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + CertificateFacts.subject(self.certificate()) + "]";
    }

    private static GeneralNames subjectAltNames(LeafSpec spec) {
        Set<String> dns = new LinkedHashSet<>();
        Set<String> ips = new LinkedHashSet<>();
        (IPAddress.isValid(spec.hostname()) ? ips : dns).add(spec.hostname());
        for (String name : spec.dnsNames()) {
            if (name.isBlank() || IPAddress.isValid(name)) {
                throw new IllegalArgumentException("not a DNS name: \"" + name + "\" (IP addresses go in the IP list)");
            }
            dns.add(name);
        }
        for (String ip : spec.ips()) {
            if (!IPAddress.isValid(ip)) {
                throw new IllegalArgumentException("not an IP address: \"" + ip + "\"");
            }
            ips.add(ip);
        }
        List<GeneralName> names = new ArrayList<>();
        dns.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(new GeneralName[0]));
    }

    private static Instant start(Instant notBefore) {
        return notBefore != null ? notBefore
                : Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(CLOCK_SKEW_ALLOWANCE);
    }

    private static Instant end(Instant start, Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive, got " + validity);
        }
        return start.plus(validity);
    }

    /** Signs a probe with {@code key} and verifies it with the certificate's public key. */
    private static boolean keyMatches(X509Certificate cert, PrivateKey key) {
        try {
            String algorithm = KeyType.of(key).signatureAlgorithm();
            byte[] probe = new byte[32];
            RANDOM.nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
