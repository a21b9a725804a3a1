package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code metadata/<path>} on a KV v2 mount: read, write, patch, delete, list. */
class MetadataEndpointTest {

    private final KvFixture kv = KvFixture.v2();

    @Test
    void readShowsSettingsAndEveryVersionKeyedByString() {
        kv.write("data/app", "{'data':{'a':1}}");
        kv.clock.advance(Duration.ofSeconds(1));
        kv.write("data/app", "{'data':{'a':2}}");
        kv.write("delete/app", "{'versions':[1]}");
        KvFixture.Result result = kv.read("metadata/app");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data()).isEqualTo(KvFixture.json("{'cas_required':false,'created_time':'"
                + KvFixture.T0_TEXT + "','current_version':2,'custom_metadata':null,'delete_version_after':'0s',"
                + "'max_versions':0,'oldest_version':0,'updated_time':'2024-05-01T12:00:01.123456789Z',"
                + "'versions':{'1':{'created_time':'" + KvFixture.T0_TEXT + "','deletion_time':"
                + "'2024-05-01T12:00:01.123456789Z','destroyed':false},'2':{'created_time':"
                + "'2024-05-01T12:00:01.123456789Z','deletion_time':'','destroyed':false}}}"));
        assertThat(result.text("/mount_type")).isEqualTo("kv");
        assertThat(kv.read("metadata/nope").status()).isEqualTo(404);
    }

    @Test
    void writeCreatesMetadataForAnUnknownKey() {
        assertThat(kv.write("metadata/app", "{'max_versions':5,'cas_required':'true',"
                + "'delete_version_after':'1h30m','custom_metadata':{'owner':'ops','tier':1}}").status())
                .isEqualTo(204);
        KvFixture.Result result = kv.read("metadata/app");
        assertThat(result.data().get("max_versions").asLong()).isEqualTo(5);
        assertThat(result.data().get("cas_required").asBoolean()).isTrue();
        assertThat(result.data().get("delete_version_after").asText()).isEqualTo("1h30m0s");
        assertThat(result.data().get("custom_metadata")).isEqualTo(KvFixture.json("{'owner':'ops','tier':'1'}"));
        assertThat(result.data().get("current_version").asLong()).isZero();
        assertThat(result.data().get("versions")).isEmpty();
        assertThat(result.data().get("created_time").asText()).isEqualTo(KvFixture.T0_TEXT);
        assertThat(kv.read("data/app").status()).isEqualTo(404);
    }

    @Test
    void writeWithNoKnownFieldIsANoOpThatCreatesNothing() {
        assertThat(kv.write("metadata/app", "{'unknown':1}").status()).isEqualTo(204);
        assertThat(kv.write("metadata/app", "").status()).isEqualTo(204);
        assertThat(kv.read("metadata/app").status()).isEqualTo(404);
        assertThat(kv.storage.dump()).isEmpty();
    }

    @Test
    void writeReplacesOnlyTheGivenFields() {
        kv.write("metadata/app", "{'max_versions':5,'custom_metadata':{'a':'1','b':'2'}}");
        kv.write("metadata/app", "{'custom_metadata':{'c':'3'}}");
        KvFixture.Result result = kv.read("metadata/app");
        assertThat(result.data().get("max_versions").asLong()).isEqualTo(5);
        assertThat(result.data().get("custom_metadata")).isEqualTo(KvFixture.json("{'c':'3'}"));
        kv.write("metadata/app", "{'delete_version_after':0,'custom_metadata':{}}");
        assertThat(kv.read("metadata/app").data().get("custom_metadata").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{'delete_version_after':'-1s'}|error converting input -1s for field \"delete_version_after\": "
                + "cannot provide negative value '-1'",
        "{'max_versions':'many'}|error converting input many for field \"max_versions\": cannot parse 'many' as int",
        "{'cas_required':'maybe'}|error converting input maybe for field \"cas_required\": "
                + "cannot parse 'maybe' as bool",
        "{'custom_metadata':{'k':''}}|1 error occurred:\\n\\t* custom_metadata validation failed: length of value "
                + "for key \"k\" is 0 but must be 0 < len(value) <= 512\\n\\n"
    })
    void invalidWritesAreRejectedAndStoreNothing(String body, String error) {
        kv.write("data/app", "{'data':{'a':1}}");
        Map<String, String> before = kv.storage.dump();
        KvFixture.Result result = kv.write("metadata/app", body);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errors()).containsExactly(error.replace("\\n", "\n").replace("\\t", "\t"));
        assertThat(kv.patch("metadata/app", body).status()).isEqualTo(400);
        assertThat(kv.storage.dump()).isEqualTo(before);
    }

    @Test
    void writeToTheRootNeedsAPath() {
        assertThat(kv.write("metadata/", "{'max_versions':1}").errors()).containsExactly("missing path");
        assertThat(kv.patch("metadata/", "{'max_versions':1}").errors()).containsExactly("missing path");
    }

    @Test
    void casRequiredFalseOverriddenByMountConfigAnswersWithAWarning() {
        kv.write("config", "{'cas_required':true}");
        KvFixture.Result result = kv.write("metadata/app", "{'cas_required':false}");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().isNull()).isTrue();
        assertThat(result.body().get("warnings")).isEqualTo(KvFixture.json("['\\\"cas_required\\\" set to false, "
                + "but is mandated by backend config. This value will be ignored.']"));
        assertThat(kv.patch("metadata/app", "{'cas_required':false}").status()).isEqualTo(200);
        assertThat(kv.write("metadata/app", "{'cas_required':true}").status()).isEqualTo(204);
    }

    @Test
    void patchMergesSettingsAndRemovesNullCustomMetadataKeys() {
        kv.write("metadata/app", "{'max_versions':5,'cas_required':true,'custom_metadata':{'a':'1','b':'2'}}");
        assertThat(kv.patch("metadata/app", "{'custom_metadata':{'a':null,'c':'3'},'max_versions':7}").status())
                .isEqualTo(204);
        KvFixture.Result result = kv.read("metadata/app");
        assertThat(result.data().get("custom_metadata")).isEqualTo(KvFixture.json("{'b':'2','c':'3'}"));
        assertThat(result.data().get("max_versions").asLong()).isEqualTo(7);
        assertThat(result.data().get("cas_required").asBoolean()).isTrue();
        kv.patch("metadata/app", "{'custom_metadata':null}");
        assertThat(kv.read("metadata/app").data().get("custom_metadata").isNull()).isTrue();
    }

    @Test
    void patchOfAnUnknownKeyIs404() {
        KvFixture.Result result = kv.patch("metadata/nope", "{'max_versions':1}");
        assertThat(result.status()).isEqualTo(404);
        assertThat(kv.storage.dump()).isEmpty();
    }

    @Test
    void deleteRemovesMetadataAndAllVersionData() {
        kv.write("data/app", "{'data':{'a':1}}");
        kv.write("data/app", "{'data':{'a':2}}");
        kv.write("data/app/child", "{'data':{'a':3}}");
        assertThat(kv.delete("metadata/app").status()).isEqualTo(204);
        assertThat(kv.read("metadata/app").status()).isEqualTo(404);
        assertThat(kv.read("data/app", "version", "1").status()).isEqualTo(404);
        assertThat(kv.storage.dump().keySet()).containsExactlyInAnyOrder("meta/app/child", "ver/app/child/1");
        assertThat(kv.delete("metadata/app").status()).isEqualTo(204);
    }

    @Test
    void listShowsKeysAndFolders() {
        kv.write("data/app", "{'data':{}}");
        kv.write("data/app/db", "{'data':{}}");
        kv.write("metadata/team/x", "{'max_versions':2}");
        assertThat(kv.list("metadata/").data().get("keys")).isEqualTo(KvFixture.json("['app','app/','team/']"));
        assertThat(kv.list("metadata/app/").data().get("keys")).isEqualTo(KvFixture.json("['db']"));
        KvFixture.Result empty = kv.list("metadata/nothing/");
        assertThat(empty.status()).isEqualTo(404);
        assertThat(empty.errors()).isEmpty();
    }
}
