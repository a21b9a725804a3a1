package io.coffer.api.kv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.GoDuration;
import io.coffer.api.Json;
import io.coffer.storage.Op;
import java.util.List;
import java.util.Optional;

/** {@code <mount>/config} of a KV v2 mount: the mount-wide {@code max_versions}, {@code cas_required} and
 * {@code delete_version_after}. */
final class ConfigEndpoint {

    private final KvStore store;

    ConfigEndpoint(KvStore store) {
        this.store = store;
    }

    ApiResponse handle(ApiRequest request) {
        return switch (request.operation()) {
            case READ -> KvResponses.ok(toJson(store.config()));
            case CREATE, UPDATE -> write(request);
            default -> throw ApiException.unsupportedOperation();
        };
    }

    static ObjectNode toJson(KvConfig config) {
        ObjectNode data = Json.object();
        data.put("cas_required", config.casRequired());
        data.put("delete_version_after", GoDuration.format(config.deleteVersionAfter()));
        data.put("max_versions", config.maxVersions());
        return data;
    }

    /** Sets the given fields (a negative {@code delete_version_after} disables it, 0 clears it); 204. */
    private ApiResponse write(ApiRequest request) {
        ObjectNode body = request.data();
        Optional<Long> maxVersions = KvFields.integer(body, "max_versions").map(v -> v & 0xFFFF_FFFFL);
        Optional<Boolean> casRequired = KvFields.bool(body, "cas_required");
        Optional<Long> deleteVersionAfter = KvFields.durationSeconds(body, "delete_version_after", true);
        if (maxVersions.isEmpty() && casRequired.isEmpty() && deleteVersionAfter.isEmpty()) {
            return ApiResponse.noContent();
        }
        store.mutate(null, snapshot -> {
            KvConfig next = snapshot.config();
            next = maxVersions.map(next::withMaxVersions).orElse(next);
            next = casRequired.map(next::withCasRequired).orElse(next);
            next = deleteVersionAfter.map(next::withDeleteVersionAfterSeconds).orElse(next);
            return new KvStore.Plan<>(null, List.of(Op.put(KvStore.CONFIG_KEY, KvCodec.encode(next))));
        });
        return ApiResponse.noContent();
    }
}
