package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tuning a mount from KV v1 to v2 turns every v1 entry into version 1 of a v2 key. */
class KvUpgradeTest {

    private final KvFixture kv = KvFixture.v1();

    @Test
    void v1EntriesBecomeVersionOne() {
        kv.write("app", "{'user':'admin'}");
        kv.write("app/db", "{'port':5432}");
        kv.clock.advance(Duration.ofMinutes(1));
        kv.tuneToV2();
        KvFixture.Result read = kv.read("data/app");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().get("data")).isEqualTo(KvFixture.json("{'user':'admin'}"));
        assertThat(read.data().at("/metadata/version").asLong()).isEqualTo(1);
        assertThat(read.data().at("/metadata/created_time").asText()).isEqualTo("2024-05-01T12:01:00.123456789Z");
        assertThat(kv.read("data/app/db").data().at("/data/port").asInt()).isEqualTo(5432);
        assertThat(kv.read("metadata/app").data().get("oldest_version").asLong()).isEqualTo(1);
        assertThat(kv.list("metadata/").data().get("keys")).isEqualTo(KvFixture.json("['app','app/']"));
        assertThat(kv.storage.dump().keySet()).noneMatch(k -> k.startsWith("v1/"));
        assertThat(kv.write("data/app", "{'data':{'user':'root'}}").data().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void upgradeIsIdempotent() {
        kv.write("app", "{'a':'b'}");
        kv.tuneToV2();
        Map<String, String> after = kv.storage.dump();
        KvBackend.upgradeToV2(kv.storage, kv.clock);
        assertThat(kv.storage.dump()).isEqualTo(after);
    }

    @Test
    void emptyMountUpgradesToNothing() {
        kv.tuneToV2();
        assertThat(kv.storage.dump()).isEmpty();
        assertThat(kv.list("metadata/").status()).isEqualTo(404);
    }
}
