package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every mutation is one conditional transaction on the revisions it read: a competing writer between read and
 * commit makes it re-plan from fresh state instead of overwriting (no lost updates, CAS re-checked).
 */
class ConcurrencyTest {

    private final KvFixture kv = KvFixture.v2();

    @Test
    void writeRacingAnotherWriteBecomesTheNextVersion() {
        kv.storage.beforeNextTxn(() -> kv.write("data/app", "{'data':{'who':'them'}}"));
        KvFixture.Result ours = kv.write("data/app", "{'data':{'who':'us'}}");
        assertThat(ours.data().get("version").asLong()).isEqualTo(2);
        assertThat(kv.read("data/app", "version", "1").data().at("/data/who").asText()).isEqualTo("them");
        assertThat(kv.read("data/app", "version", "2").data().at("/data/who").asText()).isEqualTo("us");
        assertThat(kv.storage.txnCount()).isEqualTo(3);
    }

    @Test
    void checkAndSetIsReevaluatedAfterAConflict() {
        kv.storage.beforeNextTxn(() -> kv.write("data/app", "{'data':{'who':'them'}}"));
        KvFixture.Result ours = kv.write("data/app", "{'data':{'who':'us'},'options':{'cas':0}}");
        assertThat(ours.status()).isEqualTo(400);
        assertThat(ours.errors()).containsExactly(KvRules.CAS_MISMATCH);
        assertThat(kv.read("metadata/app").data().get("current_version").asLong()).isEqualTo(1);
    }

    @Test
    void mountConfigChangeDuringAWriteIsSeenOnRetry() {
        kv.storage.beforeNextTxn(() -> kv.write("config", "{'cas_required':true}"));
        KvFixture.Result ours = kv.write("data/app", "{'data':{'a':1}}");
        assertThat(ours.errors()).containsExactly(KvRules.CAS_REQUIRED);
        assertThat(kv.read("data/app").status()).isEqualTo(404);
    }

    @Test
    void metadataPatchRacingADataWriteKeepsBoth() {
        kv.write("data/app", "{'data':{'a':1}}");
        kv.storage.beforeNextTxn(() -> kv.write("data/app", "{'data':{'a':2}}"));
        kv.patch("metadata/app", "{'max_versions':3}");
        KvFixture.Result meta = kv.read("metadata/app");
        assertThat(meta.data().get("max_versions").asLong()).isEqualTo(3);
        assertThat(meta.data().get("current_version").asLong()).isEqualTo(2);
    }

    @Test
    void endlessContentionGivesUpWith500AndWritesNothingOfItsOwn() {
        AtomicInteger competitors = new AtomicInteger();
        Runnable[] compete = new Runnable[1];
        compete[0] = () -> {
            kv.write("data/app", "{'data':{'who':'them'}}");
            if (competitors.incrementAndGet() < KvStore.MAX_ATTEMPTS) {
                kv.storage.beforeNextTxn(compete[0]);
            }
        };
        kv.storage.beforeNextTxn(compete[0]);
        KvFixture.Result ours = kv.write("data/app", "{'data':{'who':'us'}}");
        assertThat(ours.status()).isEqualTo(500);
        assertThat(kv.read("metadata/app").data().get("current_version").asLong())
                .isEqualTo(KvStore.MAX_ATTEMPTS);
        assertThat(kv.read("data/app").data().at("/data/who").asText()).isEqualTo("them");
    }

    @Test
    void parallelWritersNeverLoseAVersion() throws Exception {
        kv.write("config", "{'max_versions':1000}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 25; i++) {
                    if (kv.write("data/app", "{'data':{'t':" + thread + ",'i':" + i + "}}").status() == 200) {
                        ok++;
                    }
                }
                return ok;
            }));
        }
        int succeeded = 0;
        for (Future<Integer> result : results) {
            succeeded += result.get();
        }
        pool.shutdown();
        KvFixture.Result meta = kv.read("metadata/app");
        assertThat(succeeded).isPositive();
        assertThat(meta.data().get("current_version").asLong()).isEqualTo(succeeded);
        assertThat(meta.data().get("versions")).hasSize(succeeded);
    }
}
