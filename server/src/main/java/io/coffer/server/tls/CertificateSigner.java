package io.coffer.server.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds and signs X.509 v3 certificates with Bouncy Castle; JCA default providers hold the keys. */
final class CertificateSigner {

    private CertificateSigner() {
    }

    /** A self-signed root: basicConstraints CA:TRUE and keyUsage keyCertSign, cRLSign, both critical; SKI and AKI. */
    static X509Certificate selfSignedCa(KeyPair keys, X500Name subject, Instant notBefore, Instant notAfter,
                                        SecureRandom random) throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode CA extensions: " + e.getMessage(), e);
        }
    }

    /**
     * A node certificate signed by {@code caCert}/{@code caKey}: basicConstraints CA:FALSE, keyUsage
     * digitalSignature, keyEncipherment (critical), the given extended key usages (the extension is left out when
     * {@code ekus} is empty), subjectAltName {@code sans}, SKI and AKI.
     */
    static X509Certificate leaf(X509Certificate caCert, PrivateKey caKey, PublicKey leafKey, X500Name subject,
                                GeneralNames sans, Set<Eku> ekus, Instant notBefore, Instant notAfter,
                                SecureRandom random) throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCert, serial(random),
                    Date.from(notBefore), Date.from(notAfter), subject, leafKey)
                    .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.subjectAlternativeName, false, sans)
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(leafKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCert));
            if (!ekus.isEmpty()) {
                KeyPurposeId[] purposes = ekus.stream().sorted().map(Eku::purpose).toArray(KeyPurposeId[]::new);
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
            }
            return sign(builder, caKey);
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode certificate extensions: " + e.getMessage(), e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(KeyType.of(signingKey).signatureAlgorithm())
                    .build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
        }
    }

    /** A random positive serial of at most 159 bits, as RFC 5280 and the CA/Browser Forum ask (20 octets). */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(159, random).add(BigInteger.ONE);
    }
}
