package io.coffer.api.kv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.Operation;
import java.time.Clock;

/** {@code <mount>/subkeys/<path>?version=N&depth=D} of a KV v2 mount (GET only). */
final class SubkeysEndpoint {

    private final VersionReader reader;

    SubkeysEndpoint(KvStore store, Clock clock) {
        this.reader = new VersionReader(store, clock);
    }

    ApiResponse handle(ApiRequest request, String key) {
        if (request.operation() != Operation.READ) {
            throw ApiException.unsupportedOperation();
        }
        ObjectNode params = request.data();
        long depth = KvFields.integer(params, "depth").orElse(0L);
        long requested = KvFields.integer(params, "version").orElse(0L);
        VersionReader.Found found = reader.read(key, requested, metadata -> body(metadata, null));
        return KvResponses.ok(body(found.metadata(), Subkeys.of(found.data(), depth)));
    }

    private static ObjectNode body(ObjectNode metadata, ObjectNode subkeys) {
        ObjectNode data = Json.object();
        data.set("metadata", metadata);
        data.set("subkeys", subkeys == null ? Json.MAPPER.nullNode() : subkeys);
        return data;
    }
}
