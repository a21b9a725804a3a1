package io.coffer.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One API call as the Go client builds it: method, request path (without {@code /v1/}; cleaned when sent), query
 * parameters (sent sorted, as Go's {@code url.Values.Encode} does), and a body that is either compact JSON with no
 * {@code Content-Type} (the CLI's habit), a merge patch, or a file streamed as is.
 *
 * @param method      HTTP method
 * @param path        request path, e.g. {@code secret/data/app}
 * @param query       query parameters
 * @param body        body bytes, or null
 * @param contentType Content-Type header, or null for none
 * @param bodyFile    file streamed as the body instead of {@code body}, or null
 * @param retryable   whether 5xx and connection failures are retried (not for streamed bodies)
 */
record VaultRequest(String method, String path, Map<String, String> query, byte[] body, String contentType,
                    Path bodyFile, boolean retryable) {

    private static final ObjectMapper JSON = new ObjectMapper();

    VaultRequest {
        query = new TreeMap<>(query);
    }

    static VaultRequest get(String path) {
        return new VaultRequest("GET", path, Map.of(), null, null, null, true);
    }

    static VaultRequest delete(String path) {
        return new VaultRequest("DELETE", path, Map.of(), null, null, null, true);
    }

    /** PUT with {@code body} as compact JSON; a null body sends none. */
    static VaultRequest put(String path, JsonNode body) {
        return new VaultRequest("PUT", path, Map.of(), bytes(body), null, null, true);
    }

    static VaultRequest post(String path, JsonNode body) {
        return new VaultRequest("POST", path, Map.of(), bytes(body), null, null, true);
    }

    /** PATCH as JSON merge patch (the only content type Vault accepts for PATCH). */
    static VaultRequest patch(String path, JsonNode body) {
        return new VaultRequest("PATCH", path, Map.of(), bytes(body), "application/merge-patch+json", null, true);
    }

    /** POST streaming {@code file} as the raw body, never retried. */
    static VaultRequest postFile(String path, Path file) {
        return new VaultRequest("POST", path, Map.of(), null, null, file, false);
    }

    VaultRequest withQuery(String name, String value) {
        Map<String, String> more = new TreeMap<>(query);
        more.put(name, value);
        return new VaultRequest(method, path, more, body, contentType, bodyFile, retryable);
    }

    VaultRequest withQuery(Map<String, String> values) {
        Map<String, String> more = new TreeMap<>(query);
        more.putAll(values);
        return new VaultRequest(method, path, more, body, contentType, bodyFile, retryable);
    }

    VaultRequest notRetried() {
        return new VaultRequest(method, path, query, body, contentType, bodyFile, false);
    }

    static String compact(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode request body", e);
        }
    }

    private static byte[] bytes(JsonNode body) {
        return body == null ? null : compact(body).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
