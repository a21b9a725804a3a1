package io.coffer.server.cli;

import io.coffer.server.tls.PemFiles;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client side of TLS as the Go client configures it: trust exactly the CAs of {@code VAULT_CACERT} /
 * {@code VAULT_CAPATH} when given (else the JDK's), present {@code VAULT_CLIENT_CERT} + {@code VAULT_CLIENT_KEY}
 * when both are given, and with {@code VAULT_SKIP_VERIFY} accept any certificate for any host name.
 */
final class ClientTls {

    private ClientTls() {
    }

    static SSLContext context(String caCert, String caPath, String clientCert, String clientKey, boolean skipVerify)
            throws ClientException {
        try {
            TrustManager[] trust = skipVerify ? new TrustManager[] {new TrustAll()} : trustManagers(caCert, caPath);
            KeyManager[] keys = clientCert.isEmpty() || clientKey.isEmpty() ? null
                    : keyManagers(Path.of(clientCert), Path.of(clientKey));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ClientException("Error loading TLS configuration: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(String caCert, String caPath)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> cas = new ArrayList<>();
        if (!caPath.isEmpty()) {
            try (Stream<Path> files = Files.list(Path.of(caPath))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    cas.addAll(PemFiles.certificates(Files.readString(file)));
                }
            }
        } else if (!caCert.isEmpty()) {
            cas.addAll(PemFiles.certificates(Path.of(caCert)));
        } else {
            return null;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = PemFiles.certificates(certFile);
        PrivateKey key = PemFiles.privateKey(keyFile);
        char[] password = new char[0];
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /**
     * Accepts every server certificate. Being an {@link X509ExtendedTrustManager}, the JDK uses it as is, so the
     * host name check that lives in the default trust manager is skipped too: Go's {@code InsecureSkipVerify}.
     */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
