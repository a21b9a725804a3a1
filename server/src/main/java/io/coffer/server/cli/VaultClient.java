package io.coffer.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;

/**
 * A small Vault API client speaking only the public HTTP API, with the Go client's habits (vault-api.md §1.6, §12):
 * HTTP/1.1, {@code X-Vault-Request: true} and the token on every call, up to {@code maxRetries} retries 1–1.5 s apart
 * on connection failures, 5xx other than 501, and 412; at most one followed 301/302/307 and never from https to
 * http; the Logical-style reading of a 404 as "nothing there" unless it carries data or warnings.
 *
 * <p>One instance per command run; not shared between threads.
 */
public final class VaultClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ClientConfig config;
    private final HttpClient http;
    private final RequestUris uris;

    public VaultClient(ClientConfig config) {
        this.config = config;
        this.uris = new RequestUris(config.address());
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(config.timeout());
        if (config.ssl() != null) {
            builder.sslContext(config.ssl());
        }
        this.http = builder.build();
    }

    /** The address as configured (what {@code vault operator step-down} prints). */
    public String address() {
        return config.address().toString();
    }

    /** Receives a streamed response body. */
    interface BodySink {
        void accept(InputStream body) throws IOException;
    }

    /**
     * Sends {@code request} (retries and one redirect included) and returns the response; any status of 400 or more
     * (bar 429 from {@code sys/health}) becomes a {@link ClientException} worded as the Go client's.
     */
    Response execute(VaultRequest request) throws ClientException {
        URI uri = uris.of(request);
        Response response = withRetries(request, uri);
        URI location = redirectTarget(uri, response.status(), response.location());
        if (location != null) {
            response = withRetries(request, location);
        }
        if (isError(request, response.status())) {
            throw ResponseErrors.of(response);
        }
        return response;
    }

    /** A raw (envelope-less) JSON endpoint such as {@code sys/seal-status}; null for an empty body. */
    JsonNode json(VaultRequest request) throws ClientException {
        return execute(request).json();
    }

    /** Logical read: null when the server answers 404 without data or warnings. */
    Secret read(String path, Map<String, String> query) throws ClientException {
        return readLike(VaultRequest.get(path).withQuery(query));
    }

    /** Logical list ({@code GET ?list=true}, as the CLI sends it): null on a bare 404. */
    Secret list(String path) throws ClientException {
        return readLike(VaultRequest.get(path).withQuery("list", "true"));
    }

    /** A logical call (write, delete, patch, or a read that must exist): the envelope, or null for 204. */
    Secret send(VaultRequest request) throws ClientException {
        return Secret.parse(execute(request).json());
    }

    private Secret readLike(VaultRequest request) throws ClientException {
        try {
            return Secret.parse(execute(request).json());
        } catch (ClientException e) {
            if (e.status() == 404) {
                return e.secret();
            }
            throw e;
        }
    }

    /**
     * GET streamed into {@code sink} (for snapshots): no retries, one followed redirect; an error status reads the
     * whole (small) error body instead.
     */
    void download(VaultRequest request, BodySink sink) throws ClientException, IOException {
        URI uri = uris.of(request);
        HttpResponse<InputStream> response = send(request, uri, BodyHandlers.ofInputStream());
        URI location = redirectTarget(uri, response.statusCode(),
                response.headers().firstValue("Location").orElse(null));
        if (location != null) {
            response.body().close();
            uri = location;
            response = send(request, uri, BodyHandlers.ofInputStream());
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw ResponseErrors.of(Response.of(request, uri, response, body.readAllBytes()));
            }
            sink.accept(body);
        }
    }

    private Response withRetries(VaultRequest request, URI uri) throws ClientException {
        int retries = request.retryable() ? config.maxRetries() : 0;
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<byte[]> raw = send(request, uri, BodyHandlers.ofByteArray());
                Response response = Response.of(request, uri, raw, raw.body());
                if (attempt >= retries || !retryableStatus(response.status())) {
                    return response;
                }
            } catch (ClientException e) {
                if (attempt >= retries || e.getCause() instanceof SSLException) {
                    throw e;
                }
            }
            pause();
        }
    }

    private <T> HttpResponse<T> send(VaultRequest request, URI uri, BodyHandler<T> handler) throws ClientException {
        try {
            return http.send(uris.build(request, uri, config), handler);
        } catch (IOException e) {
            throw new ClientException(goMethod(request.method()) + " \"" + uri + "\": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(goMethod(request.method()) + " \"" + uri + "\": interrupted", e);
        }
    }

    /** Where a 301/302/307 points, or null when not a redirect or redirects are disabled; refuses https to http. */
    private URI redirectTarget(URI uri, int status, String location) throws ClientException {
        if (config.disableRedirects() || status != 301 && status != 302 && status != 307 || location == null) {
            return null;
        }
        URI target = uri.resolve(location);
        if ("https".equals(uri.getScheme()) && !"https".equals(target.getScheme())) {
            throw new ClientException("redirect would cause protocol downgrade");
        }
        return target;
    }

    private static boolean isError(VaultRequest request, int status) {
        boolean healthStandby = status == 429 && "sys/health".equals(RequestUris.clean(request.path()));
        return status >= 400 && !healthStandby;
    }

    private static boolean retryableStatus(int status) {
        return status == 412 || status >= 500 && status != 501;
    }

    private static void pause() throws ClientException {
        try {
            Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted while waiting to retry", e);
        }
    }

    /** Go's {@code url.Error} spells the method with one capital: {@code Get}, {@code Put}. */
    private static String goMethod(String method) {
        return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isEmpty()) {
            return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getClass().getSimpleName();
        }
        return message;
    }

    /**
     * One received response with its body read.
     *
     * @param method    the request method
     * @param uri       the URL actually requested (after a redirect)
     * @param status    HTTP status
     * @param namespace the {@code X-Vault-Namespace} response header, or empty
     * @param location  the {@code Location} header, or null
     * @param body      the body bytes
     */
    record Response(String method, URI uri, int status, String namespace, String location, byte[] body) {

        static Response of(VaultRequest request, URI uri, HttpResponse<?> raw, byte[] body) {
            return new Response(request.method(), uri, raw.statusCode(),
                    raw.headers().firstValue("X-Vault-Namespace").orElse(""),
                    raw.headers().firstValue("Location").orElse(null), body);
        }

        /** The body as JSON, or null when it is empty or not JSON. */
        JsonNode json() {
            if (body == null || body.length == 0) {
                return null;
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return method + " " + uri + " -> " + status;
        }
    }
}
