package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.ApiException;
import io.coffer.api.ApiRequest;
import io.coffer.api.ApiResponse;
import io.coffer.api.Operation;
import io.coffer.api.mount.MountEntry;
import io.coffer.api.store.LogicalStorage;
import io.coffer.api.testing.InMemoryLogicalStorage;
import io.coffer.api.testing.MutableClock;
import io.coffer.storage.Entry;
import io.coffer.storage.Txn;
import io.coffer.storage.TxnResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Metadata and version data are separate entries: a reader that finds the metadata but not the data (a destroy
 * landed in between) looks again instead of failing, and answers 500 only if the data never shows up.
 */
class VanishingDataTest {

    private final InMemoryLogicalStorage real = new InMemoryLogicalStorage();
    private final AtomicInteger misses = new AtomicInteger();
    private final MountEntry mount = new MountEntry("secret/", "kv", "", "u", "kv_1", Map.of("version", "2"),
            0, 0, false, false);
    private final KvBackend backend = new KvBackend(m -> new HidingStorage(), new MutableClock(KvFixture.T0));

    /** Answers "absent" for version data while {@link #misses} is positive. */
    private final class HidingStorage implements LogicalStorage {
        @Override
        public Optional<Entry> get(String key) {
            if (key.startsWith(KvStore.VERSION_PREFIX) && misses.getAndDecrement() > 0) {
                return Optional.empty();
            }
            return real.get(key);
        }

        @Override
        public List<String> list(String prefix) {
            return real.list(prefix);
        }

        @Override
        public List<String> keys(String prefix) {
            return real.keys(prefix);
        }

        @Override
        public TxnResult txn(Txn txn) {
            return real.txn(txn);
        }

        @Override
        public LogicalStorage sub(String prefix) {
            throw new UnsupportedOperationException();
        }
    }

    private int call(Operation operation, String path, String json) {
        ApiRequest request = new ApiRequest("X", operation, path, Map.of(), Map.of(),
                json.replace('\'', '"').getBytes(StandardCharsets.UTF_8), null, "127.0.0.1", "r");
        try {
            ApiResponse response = backend.handle(request, mount);
            return response.status();
        } catch (ApiException e) {
            return e.status();
        }
    }

    @Test
    void readAndPatchLookAgainWhenDataIsMomentarilyMissing() {
        call(Operation.UPDATE, "data/app", "{'data':{'a':1}}");
        misses.set(2);
        assertThat(call(Operation.READ, "data/app", "")).isEqualTo(200);
        misses.set(2);
        assertThat(call(Operation.PATCH, "data/app", "{'data':{'b':2}}")).isEqualTo(200);
        misses.set(2);
        assertThat(call(Operation.READ, "subkeys/app", "")).isEqualTo(200);
    }

    @Test
    void dataThatNeverAppearsIsA500() {
        call(Operation.UPDATE, "data/app", "{'data':{'a':1}}");
        misses.set(Integer.MAX_VALUE);
        assertThat(call(Operation.READ, "data/app", "")).isEqualTo(500);
        assertThat(call(Operation.PATCH, "data/app", "{'data':{'b':2}}")).isEqualTo(500);
        misses.set(0);
        assertThat(real.dump().keySet()).containsExactlyInAnyOrder("meta/app", "ver/app/1");
    }
}
