package io.coffer.server.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** A certificate with its private key, as {@link CertificateAuthority} issues it. */
public final class IssuedCertificate {

    private final X509Certificate certificate;
    private final PrivateKey key;

    public IssuedCertificate(X509Certificate certificate, PrivateKey key) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.key = Objects.requireNonNull(key, "key");
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey key() {
        return key;
    }

    /** The certificate alone, as a {@code -----BEGIN CERTIFICATE-----} block (no chain: the guide's layout). */
    public String certificatePem() {
        return PemFiles.toPem(certificate);
    }

    /** The key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public String privateKeyPem() {
        return PemFiles.toPem(key);
    }

    /**
     * Writes the certificate (mode 0644) and the key (mode 0600) atomically, replacing existing files; creates
     * missing parent directories. Callers that must not overwrite check first.
     */
    public void writeTo(Path certFile, Path keyFile) throws IOException {
        PemFileWriter.writePrivate(keyFile, privateKeyPem());
        PemFileWriter.writePublic(certFile, certificatePem());
    }

    /** Names the certificate only; never the key. */
    @Override
    public String toString() {
        return "IssuedCertificate[" + certificate.getSubjectX500Principal().getName() + ", serial "
                + certificate.getSerialNumber().toString(16) + "]";
    }
}
