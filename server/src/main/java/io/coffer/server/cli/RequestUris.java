package io.coffer.server.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Turns a {@link VaultRequest} into a URL and an {@link HttpRequest} the way the Go client does: the address's own
 * path, then {@code /v1/}, then the request path, all run through {@code path.Join}'s cleaning (no trailing slash,
 * no empty segments), percent-encoded per segment; query parameters sorted and form-encoded.
 */
final class RequestUris {

    private static final String UNRESERVED_IN_PATH = "-._~/!$&'()*+,;=:@";

    private final URI address;

    RequestUris(URI address) {
        this.address = address;
    }

    URI of(VaultRequest request) {
        String basePath = address.getRawPath() == null ? "" : address.getRawPath();
        String path = "/" + clean(basePath + "/v1/" + request.path());
        StringBuilder uri = new StringBuilder().append(address.getScheme()).append("://")
                .append(address.getRawAuthority()).append(encodePath(path));
        if (!request.query().isEmpty()) {
            uri.append('?').append(encodeQuery(request.query()));
        }
        return URI.create(uri.toString());
    }

    HttpRequest build(VaultRequest request, URI uri, ClientConfig config) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("X-Vault-Request", "true").header("User-Agent", "Coffer-CLI (Vault API client)");
        if (!config.token().isEmpty()) {
            builder.header("X-Vault-Token", config.token());
        }
        if (!config.namespace().isEmpty()) {
            builder.header("X-Vault-Namespace", config.namespace());
        }
        config.headers().forEach(builder::header);
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        return builder.method(request.method(), publisher(request)).build();
    }

    private static HttpRequest.BodyPublisher publisher(VaultRequest request) {
        if (request.bodyFile() != null) {
            try {
                return HttpRequest.BodyPublishers.ofFile(request.bodyFile());
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }
        return request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
    }

    /** Go's {@code path.Clean} for our needs, without the leading slash: {@code a//b/./c/} becomes {@code a/b/c}. */
    static String clean(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED_IN_PATH.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String encodeQuery(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
