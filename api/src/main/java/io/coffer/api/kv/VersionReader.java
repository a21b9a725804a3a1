package io.coffer.api.kv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coffer.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one version of a key for {@code data/} and {@code subkeys/}: unknown key or version → plain 404; deleted or
 * destroyed version → 404 with the version metadata; otherwise the data. Metadata and data are separate entries,
 * so a version whose data vanished under a concurrent destroy is looked up again (bounded).
 */
final class VersionReader {

    /** A readable version: its number, its {@code metadata} object and its data. */
    record Found(long version, ObjectNode metadata, ObjectNode data) {
    }

    private final KvStore store;
    private final Clock clock;

    VersionReader(KvStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param requested the {@code version} parameter; 0 or negative = current
     * @param goneBody  builds the 404 body's {@code data} from the version metadata object
     */
    Found read(String key, long requested, Function<ObjectNode, ObjectNode> goneBody) {
        for (int attempt = 0; attempt < KvStore.MAX_ATTEMPTS; attempt++) {
            KeyMetadata meta = store.meta(key).orElseThrow(ApiException::notFound);
            long number = requested > 0 ? requested : meta.currentVersion();
            VersionInfo info = meta.version(number);
            if (info == null) {
                throw ApiException.notFound();
            }
            ObjectNode metadata = KvResponses.versionMetadata(number, info, meta.customMetadata());
            Instant now = clock.instant();
            if (info.isGone(now)) {
                throw KvResponses.notFoundWithData(goneBody.apply(metadata));
            }
            Optional<ObjectNode> data = store.versionData(key, number);
            if (data.isPresent()) {
                return new Found(number, metadata, data.get());
            }
        }
        throw ApiException.internal("could not find version data");
    }
}
