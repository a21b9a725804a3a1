package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.GoDuration;
import io.coffer.api.Json;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.store.LogicalStorage;
import io.coffer.storage.Txn;
import java.time.Duration;

/**
 * A KV v1 mount (vault-api.md §5.1): each path holds one JSON object at {@code v1/<path>} in the mount's view,
 * replaced as a whole on write. Writes are blind puts (last writer wins, as in Vault); nothing is read first.
 */
final class KvV1 {

    static final String PREFIX = "v1/";
    /** Vault's system default (and default maximum) lease TTL: 768h. */
    static final long SYSTEM_DEFAULT_TTL = 2_764_800L;

    private final LogicalStorage storage;
    private final MountEntry mount;

    KvV1(LogicalStorage storage, MountEntry mount) {
        this.storage = storage;
        this.mount = mount;
    }

    ApiResponse handle(ApiRequest request) {
        String key = request.path();
        return switch (request.operation()) {
            case READ -> read(key);
            case LIST -> list(key);
            case CREATE, UPDATE -> write(request, key);
            case DELETE -> {
                storage.txn(Txn.builder().delete(PREFIX + key).build());
                yield ApiResponse.noContent();
            }
            default -> throw ApiException.unsupportedOperation();
        };
    }

    private ApiResponse read(String key) {
        ObjectNode data = storage.get(PREFIX + key).map(e -> KvCodec.decodeData(e.value()))
                .orElseThrow(ApiException::notFound);
        return ApiResponse.envelope(data).mountType(KvResponses.MOUNT_TYPE)
                .lease("", leaseSeconds(data), false).build();
    }

    /**
     * The {@code lease_duration} of a read: the stored {@code ttl} (or else {@code lease}) field when it parses as a
     * duration, otherwise the mount's default TTL; zero falls back to the default and the result is capped at the
     * mount's max TTL (each 768h when the mount says 0), as Vault's core does for passthrough secrets.
     */
    long leaseSeconds(ObjectNode data) {
        long defaultTtl = mount.defaultLeaseTtl() > 0 ? mount.defaultLeaseTtl() : SYSTEM_DEFAULT_TTL;
        long maxTtl = mount.maxLeaseTtl() > 0 ? mount.maxLeaseTtl() : SYSTEM_DEFAULT_TTL;
        Duration ttl = Duration.ofSeconds(defaultTtl);
        JsonNode raw = data.has("ttl") ? data.get("ttl") : data.get("lease");
        if (raw != null) {
            try {
                ttl = GoDuration.parseSeconds(raw);
            } catch (IllegalArgumentException e) {
                ttl = Duration.ofSeconds(defaultTtl);
            }
        }
        if (ttl.isZero()) {
            ttl = Duration.ofSeconds(defaultTtl);
        }
        if (ttl.compareTo(Duration.ofSeconds(maxTtl)) > 0) {
            ttl = Duration.ofSeconds(maxTtl);
        }
        return GoDuration.toSeconds(ttl);
    }

    private ApiResponse list(String key) {
        String prefix = key.isEmpty() || key.endsWith("/") ? key : key + "/";
        return KvResponses.list(storage.list(PREFIX + prefix));
    }

    /** Stores the whole JSON body; only the body counts (query parameters are not secret data). */
    private ApiResponse write(ApiRequest request, String key) {
        if (key.isEmpty()) {
            throw ApiException.badRequest("missing path");
        }
        ObjectNode body = request.jsonBody();
        if (body.isEmpty()) {
            throw ApiException.badRequest("missing data fields");
        }
        storage.txn(Txn.builder().put(PREFIX + key, Json.bytes(body)).build());
        return ApiResponse.noContent();
    }
}
