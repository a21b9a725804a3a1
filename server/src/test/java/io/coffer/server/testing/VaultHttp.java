package io.coffer.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** A small Vault API client for tests: real HTTP(S) over loopback, JSON in and out. */
public final class VaultHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The per-request timeout of {@link #send(String, String, String, String)}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String base;
    private String token;

    public VaultHttp(String baseUrl) {
        this(baseUrl, null);
    }

    public VaultHttp(String baseUrl, SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.client = builder.build();
        this.base = baseUrl;
    }

    public VaultHttp token(String value) {
        this.token = value;
        return this;
    }

    /** One response: status, raw body, parsed JSON (null when the body is empty or not JSON). */
    public record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
        public JsonNode data() {
            return json.path("data");
        }
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply list(String path) {
        return send("LIST", path, null, null);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, null);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json, "application/merge-patch+json");
    }

    /** Sends {@code method} to {@code /v1/<path>} (or to {@code path} as is when it starts with '/'). */
    public Reply send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #send(String, String, String, String)}, giving up after {@code timeout} with an
     * IllegalStateException whose cause is an {@link java.net.http.HttpTimeoutException}.
     */
    public Reply send(String method, String path, String body, String contentType, Duration timeout) {
        String url = base + (path.startsWith("/") ? path : "/v1/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        request.header("X-Vault-Request", "true");
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = null;
            if (!response.body().isEmpty()) {
                try {
                    parsed = JSON.readTree(response.body());
                } catch (IOException notJson) {
                    parsed = null;
                }
            }
            return new Reply(response.statusCode(), response.body(), parsed, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Sends raw bytes (or nothing) and returns the status and the raw response body (snapshots). */
    public BinaryReply sendBytes(String method, String path, byte[] body) {
        String url = base + "/v1/" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(DEFAULT_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryReply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A status and raw body. */
    public record BinaryReply(int status, byte[] body) {
    }
}
