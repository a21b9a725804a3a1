package io.coffer.server.testing;

import io.coffer.server.tls.CertificateAuthority;
import io.coffer.server.tls.IssuedCertificate;
import io.coffer.server.tls.KeyType;
import io.coffer.server.tls.LeafSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A test CA (EC P-256, fast to make) and the node certificates it issues, written as PEM files the way the guide
 * lays them out: {@code <name>.pem} and {@code <name>-key.pem} beside {@code ca.pem}. Node certificates carry
 * serverAuth and clientAuth and an IP SAN for the node's loopback address unless a test asks otherwise.
 */
public final class ClusterCertificates {

    private static final Duration VALIDITY = Duration.ofDays(2);

    private final Path dir;
    private final CertificateAuthority ca;
    private final Path caFile;

    private ClusterCertificates(Path dir, CertificateAuthority ca, Path caFile) {
        this.dir = dir;
        this.ca = ca;
        this.caFile = caFile;
    }

    /** A new CA named {@code cn}, its certificate written to {@code dir/<prefix>ca.pem}. */
    public static ClusterCertificates create(Path dir, String cn) {
        CertificateAuthority ca = CertificateAuthority.create(KeyType.EC, cn, VALIDITY);
        String prefix = cn.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-";
        Path caFile = dir.resolve(prefix + "ca.pem");
        try {
            ca.writeTo(caFile, dir.resolve(prefix + "ca-key.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClusterCertificates(dir, ca, caFile);
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public Path caFile() {
        return caFile;
    }

    /** The guide's node certificate for {@code name} at {@code ip}: EC key, serverAuth + clientAuth, IP SAN. */
    public static LeafSpec nodeSpec(String name, String ip) {
        return LeafSpec.forHost(name).withIps(List.of(ip)).withKeyType(KeyType.EC).withValidity(VALIDITY);
    }

    /** Issues {@code spec} and writes it as {@code <name>.pem} / {@code <name>-key.pem}. */
    public NodeFiles write(String name, LeafSpec spec) {
        IssuedCertificate issued = ca.issue(spec);
        NodeFiles files = new NodeFiles(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"), issued);
        try {
            issued.writeTo(files.cert(), files.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** A certificate's files and the certificate itself. */
    public record NodeFiles(Path cert, Path key, IssuedCertificate issued) {
    }

    /**
     * TLS client context that trusts this CA and presents {@code clientCert} (null: no certificate), even to a
     * server that asks for certificates of another CA, as a misconfigured peer would.
     */
    public SSLContext sslContext(IssuedCertificate clientCert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (clientCert != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", clientCert.key(), new char[0],
                        new X509Certificate[] {clientCert.certificate()});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManager[] keyManagers = kmf == null ? null
                    : new KeyManager[] {new AlwaysPresent((X509ExtendedKeyManager) kmf.getKeyManagers()[0])};
            context.init(keyManagers, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /** Presents the one client certificate whatever CAs the server lists. */
    private static final class AlwaysPresent extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager delegate;

        AlwaysPresent(X509ExtendedKeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return "client";
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
