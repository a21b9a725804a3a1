package io.coffer.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.core.StorageHost;
import io.coffer.api.http.ErrorResponder;
import io.coffer.seal.SealConfig;
import io.coffer.storage.RaftNodeConfig;
import io.coffer.storage.RaftStorage;
import io.coffer.storage.Storage;
import io.coffer.storage.StorageStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One initialised, unsealed {@link ApiNode} on a real single-node {@link RaftStorage} in a temporary directory,
 * driven through {@link ApiNode#handler()} with {@link ApiRequest}s as the HTTP decoder builds them (no sockets
 * but Raft's own loopback port). The clock is a {@link TestClock} the test moves.
 */
public final class ApiNodeFixture implements AutoCloseable, StorageHost {

    public static final String ROOT = "hvs.RootTokenForApiTests0000";

    private final RaftNodeConfig config;
    private volatile RaftStorage storage;
    public final TestClock clock = new TestClock(Instant.parse("2024-05-01T12:00:00Z"));
    public final ApiNode node;

    private ApiNodeFixture(Path dir) {
        this.config = RaftNodeConfig.builder("n1", dir, "127.0.0.1", freePort()).build();
        this.node = new ApiNode(this, new NodeIdentity("n1", "http://127.0.0.1:8200", "https://127.0.0.1:8201"),
                clock, ApiOptions.defaults());
    }

    /** Starts, initialises (one key share) and unseals a node whose root token is {@link #ROOT}. */
    public static ApiNodeFixture start(Path dir) {
        ApiNodeFixture fixture = new ApiNodeFixture(dir);
        List<byte[]> keys = fixture.node.initialize(SealConfig.shamir(1, 1), ROOT);
        fixture.node.seal().open(keys.get(0));
        return fixture;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public synchronized Storage bootstrap() {
        if (storage == null) {
            storage = RaftStorage.bootstrap(config);
        }
        return storage;
    }

    @Override
    public Storage join(UUID groupId, List<StorageStatus.Peer> peers) {
        throw new UnsupportedOperationException("single-node fixture");
    }

    @Override
    public void close() {
        if (storage != null) {
            storage.close();
        }
    }

    /** What a client would see. */
    public record Result(int status, JsonNode body) {

        public JsonNode data() {
            return body.get("data");
        }

        public String text(String pointer) {
            return body.at(pointer).asText();
        }

        public List<String> errors() {
            return body == null || !body.has("errors") ? List.of()
                    : Json.MAPPER.convertValue(body.get("errors"), List.class);
        }
    }

    public Result get(String token, String path) {
        return call("GET", Operation.READ, token, path, "");
    }

    public Result list(String token, String path) {
        return call("LIST", Operation.LIST, token, path.endsWith("/") ? path : path + "/", "");
    }

    /** POST with {@code json}, single quotes standing for double quotes. */
    public Result post(String token, String path, String json) {
        return call("POST", Operation.UPDATE, token, path, json.replace('\'', '"'));
    }

    public Result delete(String token, String path) {
        return call("DELETE", Operation.DELETE, token, path, "");
    }

    /** POST with a body taken verbatim (no quote replacement). */
    public Result postRaw(String token, String path, String body) {
        return call("POST", Operation.UPDATE, token, path, body);
    }

    private Result call(String method, Operation op, String token, String path, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        ApiRequest request = new ApiRequest(method, op, path, new LinkedHashMap<>(), headers,
                body.getBytes(StandardCharsets.UTF_8), token, "127.0.0.1", UUID.randomUUID().toString());
        ApiResponse response;
        try {
            response = node.handler().handle(request);
        } catch (RuntimeException e) {
            response = ErrorResponder.toResponse(e, request.requestId());
        }
        return new Result(response.status(), onTheWire(response.json()));
    }

    private static JsonNode onTheWire(JsonNode body) {
        try {
            return body == null ? null : Json.parse(Json.bytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
