package io.coffer.server.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates {@link CertificateAuthority} deliberately cannot make: intermediates, odd key usages. */
final class OddCertificates {

    private OddCertificates() {
    }

    /** An EC intermediate CA signed by {@code root}, valid from {@code notBefore} for {@code validity}. */
    static CertificateAuthority intermediate(CertificateAuthority root, String cn, Instant notBefore,
                                             Duration validity) throws Exception {
        IssuedCertificate issued = signed(root, cn, true, KeyUsage.keyCertSign | KeyUsage.cRLSign, notBefore,
                validity);
        return CertificateAuthority.of(issued.certificate(), issued.key());
    }

    /** A certificate without SANs or EKUs, CA or not, with the given keyUsage bits; EC key, signed by {@code ca}. */
    static IssuedCertificate signed(CertificateAuthority ca, String cn, boolean isCa, int keyUsage, Instant notBefore,
                                    Duration validity) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notBefore.plus(validity)),
                new X500Name("CN=" + cn), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa))
                .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        String algorithm = KeyType.of(ca.key()).signatureAlgorithm();
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(ca.key())));
        return new IssuedCertificate(cert, keys.getPrivate());
    }
}
