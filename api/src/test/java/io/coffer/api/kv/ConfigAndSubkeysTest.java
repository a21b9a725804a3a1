package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code config} and {@code subkeys/<path>} on a KV v2 mount. */
class ConfigAndSubkeysTest {

    private final KvFixture kv = KvFixture.v2();

    @Test
    void configDefaultsAndRoundTrip() {
        assertThat(kv.read("config").data())
                .isEqualTo(KvFixture.json("{'cas_required':false,'delete_version_after':'0s','max_versions':0}"));
        assertThat(kv.write("config", "{'max_versions':'4','cas_required':true,'delete_version_after':3600}")
                .status()).isEqualTo(204);
        assertThat(kv.read("config").data())
                .isEqualTo(KvFixture.json("{'cas_required':true,'delete_version_after':'1h0m0s','max_versions':4}"));
        kv.write("config", "{'max_versions':6}");
        assertThat(kv.read("config").data().get("cas_required").asBoolean()).isTrue();
        assertThat(kv.read("config").text("/mount_type")).isEqualTo("kv");
    }

    @ParameterizedTest(name = "delete_version_after {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'-5m'|-1s", "'0s'|0s", "'768h'|768h0m0s", "90|1m30s", "'1.5h'|1h30m0s"
    })
    void configDeleteVersionAfterNegativeDisables(String value, String shown) {
        kv.write("config", "{'delete_version_after':'2h'}");
        kv.write("config", "{'delete_version_after':" + value + "}");
        assertThat(kv.read("config").data().get("delete_version_after").asText()).isEqualTo(shown);
    }

    @Test
    void disabledMountDeleteVersionAfterOverridesTheKeys() {
        kv.write("config", "{'delete_version_after':-1}");
        kv.write("metadata/app", "{'delete_version_after':'1h'}");
        assertThat(kv.write("data/app", "{'data':{'a':1}}").data().get("deletion_time").asText()).isEmpty();
    }

    @Test
    void configWriteWithNothingIsANoOpAndBadValuesChangeNothing() {
        assertThat(kv.write("config", "{}").status()).isEqualTo(204);
        assertThat(kv.storage.dump()).isEmpty();
        assertThat(kv.write("config", "{'max_versions':'x','cas_required':true}").status()).isEqualTo(400);
        assertThat(kv.storage.dump()).isEmpty();
        assertThat(kv.call("DELETE", Operation.DELETE, "config", "").status()).isEqualTo(405);
    }

    @ParameterizedTest(name = "depth {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "0|{'foo':null,'bar':{'baz':{'qux':null}}}", "1|{'foo':null,'bar':null}",
        "2|{'foo':null,'bar':{'baz':null}}"
    })
    void subkeysReplacesValuesWithNullDownToDepth(String depth, String expected) {
        kv.write("data/app", "{'data':{'foo':'secret','bar':{'baz':{'qux':42}}}}");
        KvFixture.Result result = kv.read("subkeys/app", "depth", depth);
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("subkeys")).isEqualTo(KvFixture.json(expected));
        assertThat(result.data().at("/metadata/version").asLong()).isEqualTo(1);
    }

    @Test
    void subkeysOfOtherVersionsAndMissingOnes() {
        kv.write("data/app", "{'data':{'a':1}}");
        kv.write("data/app", "{'data':{'b':1}}");
        assertThat(kv.read("subkeys/app", "version", "1").data().get("subkeys"))
                .isEqualTo(KvFixture.json("{'a':null}"));
        assertThat(kv.read("subkeys/app", "version", "9").status()).isEqualTo(404);
        assertThat(kv.read("subkeys/nope").status()).isEqualTo(404);
        assertThat(kv.read("subkeys/nope").body()).isNull();
    }

    @Test
    void subkeysOfADeletedVersionIs404WithMetadata() {
        kv.write("data/app", "{'data':{'a':1}}");
        kv.delete("data/app");
        KvFixture.Result result = kv.read("subkeys/app");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.data().get("subkeys").isNull()).isTrue();
        assertThat(result.data().at("/metadata/deletion_time").asText()).isEqualTo(KvFixture.T0_TEXT);
        assertThat(result.text("/mount_type")).isEmpty();
    }

    @Test
    void subkeysIsReadOnly() {
        assertThat(kv.write("subkeys/app", "{'data':{}}").status()).isEqualTo(405);
    }
}
