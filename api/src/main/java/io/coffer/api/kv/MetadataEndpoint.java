package io.coffer.api.kv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.GoDuration;
import io.coffer.api.Json;
import io.coffer.api.Timestamps;
import io.coffer.storage.Op;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code <mount>/metadata/<path>} of a KV v2 mount (vault-api.md §5.2): read, write and merge-patch a key's
 * settings, delete a key with all its versions, list keys.
 */
final class MetadataEndpoint {

    static final String MISSING_PATH = "missing path";

    private final KvStore store;
    private final Clock clock;

    MetadataEndpoint(KvStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ApiResponse handle(ApiRequest request, String key) {
        return switch (request.operation()) {
            case READ -> read(key);
            case LIST -> KvResponses.list(store.listKeys(key));
            case CREATE, UPDATE -> write(request, key);
            case PATCH -> patch(request, key);
            case DELETE -> delete(key);
            default -> throw ApiException.unsupportedOperation();
        };
    }

    private ApiResponse read(String key) {
        KeyMetadata meta = store.meta(key).orElseThrow(ApiException::notFound);
        return KvResponses.ok(toJson(meta));
    }

    /** The read body; {@code versions} keys are decimal strings in Go's (lexicographic) order. */
    static ObjectNode toJson(KeyMetadata meta) {
        ObjectNode data = Json.object();
        data.put("cas_required", meta.casRequired());
        data.put("created_time", Timestamps.format(meta.createdTime()));
        data.put("current_version", meta.currentVersion());
        data.set("custom_metadata", KvResponses.customMetadata(meta.customMetadata()));
        data.put("delete_version_after", GoDuration.format(meta.deleteVersionAfter()));
        data.put("max_versions", meta.maxVersions());
        data.put("oldest_version", meta.oldestVersion());
        data.put("updated_time", Timestamps.format(meta.updatedTime()));
        TreeMap<String, VersionInfo> sorted = new TreeMap<>();
        meta.versions().forEach((number, info) -> sorted.put(Long.toString(number), info));
        ObjectNode versions = data.putObject("versions");
        sorted.forEach((number, info) -> {
            ObjectNode v = versions.putObject(number);
            v.put("created_time", Timestamps.format(info.createdTime()));
            v.put("deletion_time", Timestamps.format(info.deletionTime()));
            v.put("destroyed", info.destroyed());
        });
        return data;
    }

    /** Creates the key's metadata if needed; a body with none of the four fields changes nothing (204). */
    private ApiResponse write(ApiRequest request, String key) {
        MetadataSettings settings = MetadataSettings.parse(request.data(), false);
        if (key.isEmpty()) {
            throw ApiException.badRequest(MISSING_PATH);
        }
        if (settings.isEmpty()) {
            return ApiResponse.noContent();
        }
        String warning = store.mutate(key, snapshot -> {
            KeyMetadata meta = snapshot.meta() != null ? snapshot.meta() : KeyMetadata.created(key, clock.instant());
            return new KvStore.Plan<>(settings.warning(snapshot.config()),
                    List.of(KvStore.putMeta(settings.applyTo(meta))));
        });
        return warning == null ? ApiResponse.noContent() : KvResponses.warning(warning);
    }

    /** Merge-patches the settings of an existing key; 404 when the key has no metadata. */
    private ApiResponse patch(ApiRequest request, String key) {
        MetadataSettings settings = MetadataSettings.parse(request.data(), true);
        if (key.isEmpty()) {
            throw ApiException.badRequest(MISSING_PATH);
        }
        String warning = store.mutate(key, snapshot -> {
            if (snapshot.meta() == null) {
                throw ApiException.notFound();
            }
            KeyMetadata next = settings.applyTo(snapshot.meta());
            List<Op> ops = next.equals(snapshot.meta()) ? List.of() : List.of(KvStore.putMeta(next));
            return new KvStore.Plan<>(settings.warning(snapshot.config()), ops);
        });
        return warning == null ? ApiResponse.noContent() : KvResponses.warning(warning);
    }

    /** Removes the metadata and the data of every retained version, in one transaction. */
    private ApiResponse delete(String key) {
        store.mutate(key, snapshot -> {
            KeyMetadata meta = snapshot.meta();
            if (meta == null) {
                return KvStore.Plan.noop(null);
            }
            List<Op> ops = new ArrayList<>();
            meta.versions().keySet().forEach(version -> ops.add(KvStore.deleteVersion(key, version)));
            ops.add(Op.delete(KvStore.metaKey(key)));
            return new KvStore.Plan<>(null, ops);
        });
        return ApiResponse.noContent();
    }
}
