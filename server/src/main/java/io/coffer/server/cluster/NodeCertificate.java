package io.coffer.server.cluster;

import io.coffer.server.tls.CertificateCheck;
import io.coffer.server.tls.CertificateFacts;
import io.coffer.server.tls.PemFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * This node's certificate chain and private key for the cluster port: the listener's {@code tls_cert_file} and
 * {@code tls_key_file}, the same files the API listener serves. A Raft node presents this certificate both as a TLS
 * server (peers dial it) and as a TLS client (it dials peers), so it needs serverAuth and clientAuth.
 */
final class NodeCertificate {

    private static final char[] NO_PASSWORD = new char[0];

    private final Path certFile;
    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private NodeCertificate(Path certFile, List<X509Certificate> chain, PrivateKey key) {
        this.certFile = certFile;
        this.chain = List.copyOf(chain);
        this.key = key;
    }

    static NodeCertificate load(Path certFile, Path keyFile) throws ClusterTlsException {
        if (certFile == null || keyFile == null) {
            throw new ClusterTlsException("the listener sets no tls_cert_file or tls_key_file; the cluster port "
                    + "needs the node's certificate and key for mutual TLS (or set tls_disable = true for a plain, "
                    + "development-only cluster port)");
        }
        try {
            return new NodeCertificate(certFile, PemFiles.certificates(certFile), PemFiles.privateKey(keyFile));
        } catch (IOException e) {
            throw new ClusterTlsException("cannot load the node certificate for the cluster port: "
                    + e.getMessage(), e);
        }
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    Path certFile() {
        return certFile;
    }

    /**
     * What keeps this certificate from working on the cluster port, one line per problem (empty when fit): the key
     * must belong to it, then {@link CertificateCheck}'s checks with both usages, a SAN for {@code clusterHost}, and
     * the chain to the configured CA; with the JVM trust store instead, the chain must validate there.
     */
    List<String> problems(ClusterTrust trust, String clusterHost, Instant now) {
        List<String> out = new ArrayList<>();
        keyMismatch().ifPresent(out::add);
        out.addAll(CertificateCheck.problems(leaf(), chain, trust.anchors(), List.of(clusterHost), now));
        if (out.isEmpty() && !trust.configured()) {
            try {
                trust.delegate().checkServerTrusted(chain.toArray(new X509Certificate[0]), "UNKNOWN");
            } catch (CertificateException e) {
                out.add("certificate chain does not validate against " + trust.source() + " (" + e.getMessage()
                        + "); install the cluster CA there (the guide's Dockerfile: update-ca-certificates) or name "
                        + "it in the listener's tls_client_ca_file");
            }
        }
        return out;
    }

    /** A key manager that presents this chain as server and as client ({@link PresentingKeyManager}). */
    KeyManager keyManager() throws ClusterTlsException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setKeyEntry("cluster", key, NO_PASSWORD, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, NO_PASSWORD);
            for (KeyManager km : factory.getKeyManagers()) {
                if (km instanceof X509ExtendedKeyManager x509) {
                    return new PresentingKeyManager(x509);
                }
            }
            throw new ClusterTlsException("the JVM offers no X.509 key manager");
        } catch (GeneralSecurityException | IOException e) {
            throw new ClusterTlsException("cannot use the key in the listener's tls_key_file: " + e.getMessage(), e);
        }
    }

    /** Signs a probe with the key and verifies it with the certificate; RSA and EC only (others are not checked). */
    private Optional<String> keyMismatch() {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> null;
        };
        if (algorithm == null) {
            return Optional.empty();
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(leaf().getPublicKey());
            verifier.update(probe);
            if (verifier.verify(signer.sign())) {
                return Optional.empty();
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's lands here too
        }
        return Optional.of("the private key in tls_key_file does not belong to the certificate \""
                + CertificateFacts.subject(leaf()) + "\" in tls_cert_file; point tls_key_file at the key the "
                + "certificate was issued for");
    }
}
