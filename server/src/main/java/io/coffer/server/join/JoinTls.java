package io.coffer.server.join;

import io.coffer.api.raft.JoinException;
import io.coffer.api.raft.JoinTarget;
import io.coffer.server.tls.PemFiles;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS client context a joining node uses towards a leader's API port: trust the join's CA bundle, else the
 * node's configured CA, else the JVM's trust store; present the client certificate when one is given; verify the
 * leader's certificate against {@code leader_tls_servername} when set, else against the host dialled.
 */
final class JoinTls {

    private JoinTls() {
    }

    /**
     * @param defaultCaPem the node's configured CA (PEM), or null for the JVM's trust store
     * @throws JoinException {@code failed to create TLS config: ...} when the PEM material is unusable
     */
    static SSLContext context(JoinTarget target, String defaultCaPem) {
        String caPem = target.leaderCaCert() != null ? target.leaderCaCert() : defaultCaPem;
        try {
            X509TrustManager trust = trustManager(caPem);
            if (target.leaderTlsServerName() != null) {
                trust = new ServerNameTrustManager(trust, target.leaderTlsServerName());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(target), new TrustManager[] {trust}, null);
            return context;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new JoinException("failed to create TLS config: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(String caPem) throws IOException, GeneralSecurityException {
        KeyStore store = null;
        if (caPem != null) {
            List<X509Certificate> cas = PemFiles.certificates(caPem);
            if (cas.isEmpty()) {
                throw new IOException("the CA certificate holds no PEM certificate");
            }
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    private static KeyManager[] keyManagers(JoinTarget target) throws IOException, GeneralSecurityException {
        if (target.leaderClientCert() == null && target.leaderClientKey() == null) {
            return null;
        }
        if (target.leaderClientCert() == null || target.leaderClientKey() == null) {
            throw new IOException("leader_client_cert and leader_client_key must be given together");
        }
        List<X509Certificate> chain = PemFiles.certificates(target.leaderClientCert());
        if (chain.isEmpty()) {
            throw new IOException("the client certificate holds no PEM certificate");
        }
        PrivateKey key = PemFiles.privateKey(target.leaderClientKey());
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }
}
