package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KV v1 (vault-api.md §5.1): verbatim JSON values, the lease_duration rule, 404s. */
class KvV1Test {

    private final KvFixture kv = KvFixture.v1();

    @Test
    void writeThenReadReturnsTheStoredObjectVerbatim() {
        assertThat(kv.write("app/db", "{'user':'admin','port':5432,'nested':{'a':[1,true]}}").status())
                .isEqualTo(204);
        KvFixture.Result read = kv.read("app/db");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data()).isEqualTo(KvFixture.json("{'user':'admin','port':5432,'nested':{'a':[1,true]}}"));
        assertThat(read.body().get("lease_id").asText()).isEmpty();
        assertThat(read.body().get("renewable").asBoolean()).isFalse();
        assertThat(read.body().get("lease_duration").asLong()).isEqualTo(2_764_800L);
        assertThat(read.text("/mount_type")).isEqualTo("kv");
    }

    @Test
    void writeReplacesTheWholeValue() {
        kv.write("app", "{'a':'1','b':'2'}");
        kv.write("app", "{'c':'3'}");
        assertThat(kv.read("app").data()).isEqualTo(KvFixture.json("{'c':'3'}"));
    }

    @ParameterizedTest(name = "mount default {0}, max {1}, stored {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0|0|{'a':'b'}|2764800", "3600|0|{'a':'b'}|3600", "0|0|{'ttl':'1h'}|3600", "0|0|{'ttl':90}|90",
        "0|0|{'ttl':'90'}|90", "0|0|{'lease':'30m'}|1800", "0|0|{'ttl':'2m','lease':'1h'}|120",
        "0|0|{'ttl':'bogus'}|2764800", "600|0|{'ttl':'0s'}|600", "0|7200|{'ttl':'5h'}|7200",
        "0|0|{'ttl':'1000h'}|2764800", "3600|0|{'ttl':null}|3600"
    })
    void leaseDurationFollowsTtlFieldOrMountDefault(long defaultTtl, long maxTtl, String stored, long expected) {
        KvFixture mount = KvFixture.v1(defaultTtl, maxTtl);
        mount.write("s", stored);
        assertThat(mount.read("s").body().get("lease_duration").asLong()).isEqualTo(expected);
    }

    @Test
    void emptyWriteIsRejectedAndStoresNothing() {
        KvFixture.Result result = kv.write("app", "{}");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errors()).containsExactly("missing data fields");
        assertThat(kv.write("app", "").errors()).containsExactly("missing data fields");
        assertThat(kv.write("", "{'a':'b'}").errors()).containsExactly("missing path");
        assertThat(kv.storage.dump()).isEmpty();
    }

    @Test
    void badJsonIsRejected() {
        KvFixture.Result result = kv.write("app", "{not json");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errors()).containsExactly("error parsing JSON");
    }

    @Test
    void missingKeyIsAnEmpty404() {
        KvFixture.Result result = kv.read("nope");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void deleteIs204WhetherOrNotTheKeyExists() {
        kv.write("app", "{'a':'b'}");
        assertThat(kv.delete("app").status()).isEqualTo(204);
        assertThat(kv.read("app").status()).isEqualTo(404);
        assertThat(kv.delete("app").status()).isEqualTo(204);
    }

    @Test
    void listShowsImmediateChildrenWithFolders() {
        kv.write("app", "{'a':'b'}");
        kv.write("app/db", "{'a':'b'}");
        kv.write("app/web/tls", "{'a':'b'}");
        kv.write("other", "{'a':'b'}");
        assertThat(kv.list("").data().get("keys")).isEqualTo(KvFixture.json("['app','app/','other']"));
        assertThat(kv.list("app/").data().get("keys")).isEqualTo(KvFixture.json("['db','web/']"));
        assertThat(kv.list("app/").text("/mount_type")).isEqualTo("kv");
    }

    @Test
    void emptyListIsAnEmpty404() {
        KvFixture.Result result = kv.list("nothing/");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.errors()).isEmpty();
        assertThat(kv.list("").status()).isEqualTo(404);
    }

    @Test
    void patchIsNotSupportedOnV1() {
        kv.write("app", "{'a':'b'}");
        KvFixture.Result result = kv.call("PATCH", Operation.PATCH, "app", "{'a':'c'}");
        assertThat(result.status()).isEqualTo(405);
        assertThat(result.errors()).containsExactly("unsupported operation");
    }

    @Test
    void queryParametersAreNotStoredAsData() {
        kv.call("POST", Operation.UPDATE, "app", "{'a':'b'}", "x", "y");
        assertThat(kv.read("app").data()).isEqualTo(KvFixture.json("{'a':'b'}"));
    }
}
