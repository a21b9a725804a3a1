package io.coffer.server.cluster;

import io.coffer.server.config.ListenerConfig;
import io.coffer.server.config.RetryJoinConfig;
import io.coffer.server.tls.PemFiles;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The CA a node trusts on the cluster port, taken in this order: the listener's {@code tls_client_ca_file}; the
 * {@code leader_ca_cert} of the {@code retry_join} blocks (all of them, PEM contents); else the JVM's default trust
 * store, where the guide's Dockerfile puts {@code rootCA.crt} ({@code update-ca-certificates} feeds the Debian JVM's
 * {@code cacerts}).
 *
 * @param anchors  the configured CA certificates; empty when the JVM trust store is used
 * @param source   where they came from, in the config's words, for log and error messages
 * @param delegate the JDK trust manager that validates chains (PKIX) against them
 */
record ClusterTrust(List<X509Certificate> anchors, String source, X509ExtendedTrustManager delegate) {

    ClusterTrust {
        anchors = List.copyOf(anchors);
    }

    /** Whether a CA was configured (then certificates are also checked against it by name and signature). */
    boolean configured() {
        return !anchors.isEmpty();
    }

    static ClusterTrust resolve(ListenerConfig listener, List<RetryJoinConfig> joins) throws ClusterTlsException {
        if (listener.tlsClientCaFile() != null) {
            String source = "the listener's tls_client_ca_file " + listener.tlsClientCaFile();
            try {
                return of(PemFiles.certificates(listener.tlsClientCaFile()), source);
            } catch (IOException e) {
                throw new ClusterTlsException("cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        List<X509Certificate> fromJoins = new ArrayList<>();
        for (RetryJoinConfig join : joins) {
            if (join.leaderCaCert() != null) {
                try {
                    fromJoins.addAll(PemFiles.certificates(join.leaderCaCert()));
                } catch (IOException e) {
                    throw new ClusterTlsException("cannot read the leader_ca_cert of retry_join "
                            + join.leaderApiAddr() + ": " + e.getMessage(), e);
                }
            }
        }
        if (!fromJoins.isEmpty()) {
            return of(fromJoins, "retry_join's leader_ca_cert");
        }
        return new ClusterTrust(List.of(), "the JVM trust store (no tls_client_ca_file or leader_ca_cert is set)",
                trustManager(null));
    }

    static ClusterTrust of(List<X509Certificate> cas, String source) throws ClusterTlsException {
        if (cas.isEmpty()) {
            throw new ClusterTlsException(source + " holds no PEM certificate");
        }
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("cluster-ca-" + i, cas.get(i));
            }
            return new ClusterTrust(cas, source, trustManager(store));
        } catch (GeneralSecurityException | IOException e) {
            throw new ClusterTlsException("cannot use the CA certificates from " + source + ": " + e.getMessage(), e);
        }
    }

    /** The PKIX trust manager for {@code store}; null means the JVM's default trust store. */
    private static X509ExtendedTrustManager trustManager(KeyStore store) throws ClusterTlsException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new ClusterTlsException("the JVM offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new ClusterTlsException("cannot load a trust store: " + e.getMessage(), e);
        }
    }
}
