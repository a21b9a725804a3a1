package io.coffer.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.LocalRaftHost;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ErrorResponder;
import io.coffer.seal.SealConfig;
import io.coffer.storage.RaftNodeConfig;
import io.coffer.storage.RaftStorage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One initialised (one key share), unsealed {@link ApiNode} on a real single-node Raft group in
 * {@code <dir>/<node id>}, driven through {@link ApiNode#handler()} with {@link ApiRequest}s as the HTTP dispatcher
 * builds them (no sockets but Raft's own loopback port). A {@link Result} is what a client would see: errors become
 * Vault's error responses, JSON is re-read from its bytes and streamed bodies are materialised. Each instance is an
 * independent cluster with its own keys.
 */
public class ApiTestNode implements AutoCloseable {

    /** The root token unless {@link Builder#rootToken} says otherwise. */
    public static final String ROOT = "hvs.RootTokenForApiTests0000";

    private final LocalRaftHost host;
    private final ApiNode node;
    private final String rootToken;
    private final byte[] unsealKey;

    protected ApiTestNode(Builder settings, Path dir) {
        RaftNodeConfig.Builder raft = RaftNodeConfig.builder(settings.nodeId, dir.resolve(settings.nodeId),
                "127.0.0.1", freePort("127.0.0.1"));
        if (settings.requestTimeout != null) {
            raft.requestTimeout(settings.requestTimeout);
        }
        this.host = new LocalRaftHost(raft.build());
        this.node = new ApiNode(host, new NodeIdentity(settings.nodeId, "http://127.0.0.1:8200",
                "https://127.0.0.1:8201"), settings.clock, settings.options);
        this.rootToken = settings.rootToken;
        List<byte[]> shares = node.initialize(SealConfig.shamir(1, 1), rootToken);
        this.unsealKey = shares.get(0);
        node.seal().open(unsealKey);
    }

    /** A node with the defaults: id {@code n1}, the system clock, {@link ApiOptions#defaults()}, {@link #ROOT}. */
    public static ApiTestNode start(Path dir) {
        return builder().start(dir);
    }

    public static ApiTestNode start(Path dir, ApiOptions options) {
        return builder().options(options).start(dir);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a node is made of; every setting has a default. */
    public static final class Builder {
        private String nodeId = "n1";
        private Clock clock = Clock.systemUTC();
        private ApiOptions options = ApiOptions.defaults();
        private String rootToken = ROOT;
        private Duration requestTimeout;

        private Builder() {
        }

        public Builder nodeId(String value) {
            nodeId = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder options(ApiOptions value) {
            options = value;
            return this;
        }

        public Builder rootToken(String value) {
            rootToken = value;
            return this;
        }

        /** Raft's bound on a transaction (its own default when not set). */
        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        /** Starts, initialises and unseals the node. */
        public ApiTestNode start(Path dir) {
            return new ApiTestNode(this, dir);
        }
    }

    /** What a client would see; {@code body} is the raw or streamed body (empty for JSON), {@code json} a JSON one. */
    public record Result(int status, JsonNode json, byte[] body, String contentType, Map<String, String> headers) {

        /** The JSON body, or else the raw body as text. */
        public String text() {
            return json == null ? new String(body, StandardCharsets.UTF_8) : json.toString();
        }

        public JsonNode data() {
            return json.get("data");
        }

        /** The text at a JSON pointer of the body. */
        public String text(String pointer) {
            return json.at(pointer).asText();
        }

        /** Vault's {@code errors} list; empty when there is none. */
        public List<String> errors() {
            return json == null || !json.has("errors") ? List.of()
                    : Json.MAPPER.convertValue(json.get("errors"), List.class);
        }
    }

    public final ApiNode node() {
        return node;
    }

    public final String rootToken() {
        return rootToken;
    }

    public final byte[] unsealKey() {
        return unsealKey;
    }

    /** The running Raft storage (physical keys, ciphertext values). */
    public final RaftStorage raft() {
        return host.raft();
    }

    public final void seal() {
        node.seal().seal();
    }

    public final void unseal() {
        node.seal().open(unsealKey);
    }

    public final Result get(String token, String path) {
        return call("GET", path, token, "");
    }

    public final Result list(String token, String path) {
        return call("LIST", path, token, "");
    }

    /** POST with {@code json}, single quotes standing for double quotes. */
    public final Result post(String token, String path, String json) {
        return call("POST", path, token, json.replace('\'', '"'));
    }

    /** POST with a body taken verbatim (no quote replacement). */
    public final Result postRaw(String token, String path, String body) {
        return call("POST", path, token, body);
    }

    public final Result delete(String token, String path) {
        return call("DELETE", path, token, "");
    }

    /** {@code body} may be null (no body). */
    public final Result call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of(), Map.of());
    }

    public final Result call(String method, String path, String token, String body, Map<String, String> query,
                             Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return send(method, path, token, bytes, query, headers);
    }

    /** A call with a binary body. */
    public final Result send(String method, String path, String token, byte[] body) {
        return send(method, path, token, body, Map.of(), Map.of());
    }

    public final Result send(String method, String path, String token, byte[] body, Map<String, String> query,
                             Map<String, String> headers) {
        ApiResponse response = handle(node, request(method, path, token, body, query, headers));
        byte[] bytes = response.raw();
        if (response.stream() != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                response.stream().writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes = out.toByteArray();
        }
        JsonNode json = response.json() == null ? null : reparse(response.json());
        return new Result(response.status(), json, bytes == null ? new byte[0] : bytes, response.contentType(),
                response.headers());
    }

    /**
     * A request as the HTTP dispatcher builds it from {@code method} ({@code GET}, {@code LIST}, {@code DELETE};
     * anything else writes): a LIST path ends with '/', the client address is loopback, the request id random.
     */
    public static ApiRequest request(String method, String path, String token, byte[] body,
                                     Map<String, String> query, Map<String, String> headers) {
        Operation op = switch (method) {
            case "GET" -> Operation.READ;
            case "LIST" -> Operation.LIST;
            case "DELETE" -> Operation.DELETE;
            default -> Operation.UPDATE;
        };
        String fullPath = op == Operation.LIST && !path.endsWith("/") ? path + "/" : path;
        return new ApiRequest(method, op, fullPath, new LinkedHashMap<>(query), new LinkedHashMap<>(headers), body,
                token, "127.0.0.1", UUID.randomUUID().toString());
    }

    /** Serves {@code request} in-process; a failure becomes Vault's error response as on the wire. */
    public static ApiResponse handle(ApiNode node, ApiRequest request) {
        try {
            return node.handler().handle(request);
        } catch (RuntimeException e) {
            return ErrorResponder.toResponse(e, request.requestId());
        }
    }

    /** A TCP port free on {@code ip} at the time of asking. */
    public static int freePort(String ip) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(ip, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the node's Raft background work, then its storage. */
    @Override
    public void close() {
        node.raft().close();
        host.close();
    }

    private static JsonNode reparse(JsonNode body) {
        try {
            return Json.parse(Json.bytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
