package io.coffer.api.kv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.storage.Op;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <mount>/data/<path>} of a KV v2 mount (vault-api.md §5.2): read a version, write or merge-patch a new
 * one (200 with the version metadata, never 204), soft-delete the current one.
 */
final class DataEndpoint {

    static final String NO_DATA = "no data provided";

    private final KvStore store;
    private final Clock clock;
    private final VersionReader reader;

    DataEndpoint(KvStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.reader = new VersionReader(store, clock);
    }

    ApiResponse handle(ApiRequest request, String key) {
        return switch (request.operation()) {
            case READ -> read(request, key);
            case CREATE, UPDATE -> write(request, key);
            case PATCH -> patch(request, key);
            case DELETE -> delete(key);
            default -> throw ApiException.unsupportedOperation();
        };
    }

    private ApiResponse read(ApiRequest request, String key) {
        long requested = KvFields.integer(request.data(), "version").orElse(0L);
        VersionReader.Found found = reader.read(key, requested, metadata -> {
            ObjectNode gone = Json.object();
            gone.putNull("data");
            gone.set("metadata", metadata);
            return gone;
        });
        ObjectNode data = Json.object();
        data.set("data", found.data());
        data.set("metadata", found.metadata());
        return KvResponses.ok(data);
    }

    private ApiResponse write(ApiRequest request, String key) {
        ObjectNode body = request.data();
        ObjectNode options = KvFields.map(body, "options").orElse(null);
        KvFields.integer(body, "version");
        ObjectNode data = KvFields.map(body, "data").orElseThrow(() -> ApiException.badRequest(NO_DATA));
        byte[] bytes = Json.bytes(data);
        ObjectNode result = store.mutate(key, snapshot -> {
            KeyMetadata meta = snapshot.metaOrFresh();
            KvRules.checkCas(options, snapshot.config(), meta);
            return newVersion(snapshot, meta, bytes);
        });
        return KvResponses.ok(result);
    }

    /**
     * Merge-patches the current version into a new one. Absent key or current version → 404 without body; deleted
     * or destroyed current version → 404 whose data is the version metadata (flat, no nested {@code data}).
     */
    private ApiResponse patch(ApiRequest request, String key) {
        ObjectNode body = request.data();
        ObjectNode options = KvFields.map(body, "options").orElse(null);
        KvFields.integer(body, "version");
        ObjectNode patch = KvFields.map(body, "data").orElseThrow(() -> ApiException.badRequest(NO_DATA));
        ObjectNode result = store.mutate(key, snapshot -> {
            KeyMetadata meta = snapshot.meta();
            if (meta == null) {
                throw ApiException.notFound();
            }
            KvRules.checkCas(options, snapshot.config(), meta);
            VersionInfo current = meta.current();
            if (current == null) {
                throw ApiException.notFound();
            }
            if (current.isGone(clock.instant())) {
                throw KvResponses.notFoundWithData(
                        KvResponses.versionMetadata(meta.currentVersion(), current, meta.customMetadata()));
            }
            ObjectNode existing = store.versionData(key, meta.currentVersion())
                    .orElseThrow(() -> new KvStore.Stale("could not find version data"));
            JsonNode merged = MergePatch.apply(existing, patch);
            return newVersion(snapshot, meta, Json.bytes(merged));
        });
        return KvResponses.ok(result);
    }

    /** Soft-deletes the current version; a no-op when the key, or a live current version, does not exist. */
    private ApiResponse delete(String key) {
        store.mutate(key, snapshot -> {
            KeyMetadata meta = snapshot.meta();
            Instant now = clock.instant();
            VersionInfo current = meta == null ? null : meta.current();
            if (current == null || current.isGone(now)) {
                return KvStore.Plan.noop(null);
            }
            KeyMetadata next = meta.softDelete(List.of(meta.currentVersion()), now);
            return new KvStore.Plan<>(null, List.of(KvStore.putMeta(next)));
        });
        return ApiResponse.noContent();
    }

    /** Adds version {@code current+1} holding {@code bytes}, applying retention and {@code delete_version_after}. */
    private KvStore.Plan<ObjectNode> newVersion(KvStore.Snapshot snapshot, KeyMetadata meta, byte[] bytes) {
        Instant now = clock.instant();
        Instant deletion = KvRules.deletionTime(now, snapshot.config(), meta);
        KeyMetadata.Added added = meta.addVersion(now, deletion, snapshot.config().maxVersions());
        KeyMetadata next = added.meta();
        List<Op> ops = new ArrayList<>();
        ops.add(KvStore.putVersion(next.key(), next.currentVersion(), bytes));
        ops.add(KvStore.putMeta(next));
        added.pruned().forEach(version -> ops.add(KvStore.deleteVersion(next.key(), version)));
        return new KvStore.Plan<>(
                KvResponses.versionMetadata(next.currentVersion(), added.version(), next.customMetadata()), ops);
    }
}
