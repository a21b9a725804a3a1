package io.coffer.server.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the API listener's TLS context from {@code tls_cert_file} / {@code tls_key_file} (vault-api.md §10.2). */
public final class ApiTls {

    private ApiTls() {
    }

    /**
     * A server context: the certificate chain and key, optional client CA, Vault's client-certificate modes
     * (request by default, require with {@code tls_require_and_verify_client_cert}, none when disabled) and the
     * minimum TLS version ({@code tls12} default).
     */
    public static SslContext server(Path certFile, Path keyFile, Path clientCaFile, boolean requireClientCert,
                                    boolean disableClientCerts, String minVersion) throws IOException {
        List<X509Certificate> chain = PemFiles.certificates(certFile);
        PrivateKey key = PemFiles.privateKey(keyFile);
        SslContextBuilder builder = SslContextBuilder.forServer(key, chain.toArray(new X509Certificate[0]));
        if (clientCaFile != null) {
            builder.trustManager(PemFiles.certificates(clientCaFile).toArray(new X509Certificate[0]));
        }
        ClientAuth auth = disableClientCerts || clientCaFile == null ? ClientAuth.NONE
                : requireClientCert ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL;
        builder.clientAuth(auth);
        builder.protocols(protocols(minVersion));
        return builder.build();
    }

    static String[] protocols(String minVersion) {
        String min = minVersion == null || minVersion.isEmpty() ? "tls12" : minVersion.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        switch (min) {
            case "tls10":
                out.add("TLSv1");
                out.add("TLSv1.1");
                out.add("TLSv1.2");
                break;
            case "tls11":
                out.add("TLSv1.1");
                out.add("TLSv1.2");
                break;
            case "tls12":
                out.add("TLSv1.2");
                break;
            case "tls13":
                break;
            default:
                throw new IllegalArgumentException("tls_min_version: unsupported value \"" + minVersion + "\"");
        }
        out.add("TLSv1.3");
        return out.toArray(new String[0]);
    }
}
