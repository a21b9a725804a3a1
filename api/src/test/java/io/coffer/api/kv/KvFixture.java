package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.testing.InMemoryLogicalStorage;
import io.coffer.api.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One KV mount over in-memory storage and a frozen clock, driven through {@link KvBackend} with
 * {@link ApiRequest}s the way the router builds them (mount-relative paths, list paths ending in '/').
 */
final class KvFixture {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123456789Z");
    static final String T0_TEXT = "2024-05-01T12:00:00.123456789Z";

    final InMemoryLogicalStorage storage = new InMemoryLogicalStorage();
    final MutableClock clock = new MutableClock(T0);
    final KvBackend backend = new KvBackend(m -> storage, clock);
    private MountEntry mount;

    private KvFixture(MountEntry mount) {
        this.mount = mount;
    }

    static KvFixture v2() {
        return new KvFixture(mount("2", 0, 0));
    }

    static KvFixture v1() {
        return v1(0, 0);
    }

    static KvFixture v1(long defaultTtl, long maxTtl) {
        return new KvFixture(mount(null, defaultTtl, maxTtl));
    }

    private static MountEntry mount(String version, long defaultTtl, long maxTtl) {
        Map<String, String> options = version == null ? null : Map.of("version", version);
        return new MountEntry("secret/", "kv", "", "8074a73f-0000", "kv_aedd93c1", options, defaultTtl, maxTtl,
                false, false);
    }

    /** Switches the mount to v2 (as a tune of options.version would), after upgrading its data. */
    void tuneToV2() {
        KvBackend.upgradeToV2(storage, clock);
        mount = mount("2", mount.defaultLeaseTtl(), mount.maxLeaseTtl());
    }

    /** What the client would see: the status and either the full body or the error list. */
    record Result(int status, JsonNode body, List<String> errors) {

        JsonNode data() {
            return body.get("data");
        }

        String text(String pointer) {
            return body.at(pointer).asText();
        }
    }

    Result read(String path, String... query) {
        return call("GET", Operation.READ, path, "", query);
    }

    Result list(String path, String... query) {
        return call("LIST", Operation.LIST, path.endsWith("/") || path.isEmpty() ? path : path + "/", "", query);
    }

    Result write(String path, String json) {
        return call("POST", Operation.UPDATE, path, json);
    }

    Result patch(String path, String json) {
        return call("PATCH", Operation.PATCH, path, json);
    }

    Result delete(String path, String... query) {
        return call("DELETE", Operation.DELETE, path, "", query);
    }

    /** {@code query} alternates names and values. Single quotes in {@code json} stand for double quotes. */
    Result call(String method, Operation operation, String path, String json, String... query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            params.put(query[i], query[i + 1]);
        }
        byte[] body = json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
        ApiRequest request = new ApiRequest(method, operation, path, params, Map.of(), body, "hvs.test",
                "127.0.0.1", "req-1");
        try {
            ApiResponse response = backend.handle(request, mount);
            return new Result(response.status(), onTheWire(response.json()), List.of());
        } catch (ApiException e) {
            if (e.response() != null) {
                return new Result(e.status(), onTheWire(e.response().json()), List.of());
            }
            return new Result(e.status(), null, e.errors());
        }
    }

    /** The body as a client parses it (number node types normalised by a serialise/parse round trip). */
    private static JsonNode onTheWire(JsonNode body) {
        try {
            return body == null ? null : Json.parse(Json.bytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
