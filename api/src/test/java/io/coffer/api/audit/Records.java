package io.coffer.api.audit;

import io.coffer.api.ApiRequest;
import io.coffer.api.Operation;
import io.coffer.api.auth.TokenEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Requests, tokens and a record builder for the unit tests of this package. */
final class Records {

    static final String ROOT_TOKEN = "hvs.rootTokenValue0000000000";
    static final String ACCESSOR = "accessorValue000000000000";
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00.123456789Z");
    static final MountRef KV = new MountRef("secret/", "kv", "kv_1a2b3c4d", "secret");

    private Records() {
    }

    static RecordBuilder builder() {
        return new RecordBuilder(Clock.fixed(NOW, ZoneOffset.UTC), path -> path.startsWith("secret/")
                ? Optional.of(KV) : Optional.empty());
    }

    static TokenEntry rootToken() {
        return new TokenEntry(ACCESSOR, List.of("root"), "auth/token/root", "root", null, 1714557600L, 0, 0, 0,
                0, false, 0, null, "service");
    }

    static ApiRequest write(String path, String body, String token) {
        return new ApiRequest("PUT", Operation.UPDATE, path, Map.of(), Map.of(),
                body.getBytes(StandardCharsets.UTF_8), token, "10.0.0.5", "5b3d2e0c-0000-4000-8000-000000000001");
    }

    static ApiRequest read(String path, Map<String, String> query, String token) {
        return new ApiRequest("GET", Operation.READ, path, query, Map.of(), new byte[0], token, "10.0.0.5",
                "5b3d2e0c-0000-4000-8000-000000000002");
    }

    static ApiRequest list(String path, String token) {
        return new ApiRequest("LIST", Operation.LIST, path, Map.of(), Map.of(), new byte[0], token, "10.0.0.5",
                "5b3d2e0c-0000-4000-8000-000000000003");
    }
}
