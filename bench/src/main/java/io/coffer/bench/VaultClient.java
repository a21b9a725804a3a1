package io.coffer.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A minimal Vault API client over java.net.http (HTTP/1.1 keep-alive, optional CA). Thread-safe. */
final class VaultClient {

    /** One response: HTTP status (0 when no response arrived) and body. */
    record Result(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final String token;

    VaultClient(String token, Path caCert, int connections) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(Math.max(2, Math.min(connections, 16)), r -> {
                    Thread t = new Thread(r, "http-client");
                    t.setDaemon(true);
                    return t;
                }));
        if (caCert != null) {
            builder.sslContext(trusting(caCert));
        }
        this.http = builder.build();
        this.token = token;
    }

    Result send(String method, String url, String body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Result(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(0, "interrupted");
        }
    }

    private static SSLContext trusting(Path caCert) {
        try (InputStream in = Files.newInputStream(caCert)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, cert);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load CA certificate " + caCert + ": " + e.getMessage(), e);
        }
    }
}
