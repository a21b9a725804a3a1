package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code data/<path>} on a KV v2 mount: write, read, versions, CAS, retention, soft delete, patch. */
class DataEndpointTest {

    private final KvFixture kv = KvFixture.v2();

    @Test
    void writeAnswers200WithTheNewVersionMetadata() {
        KvFixture.Result result = kv.write("data/app", "{'data':{'foo':'bar'},'options':{}}");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data()).isEqualTo(KvFixture.json("{'created_time':'" + KvFixture.T0_TEXT
                + "','custom_metadata':null,'deletion_time':'','destroyed':false,'version':1}"));
        assertThat(result.text("/mount_type")).isEqualTo("kv");
        assertThat(result.body().get("warnings").isNull()).isTrue();
        kv.clock.advance(Duration.ofSeconds(1));
        assertThat(kv.write("data/app", "{'data':{'foo':'baz'}}").data().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void readReturnsDataAndMetadataOfCurrentOrRequestedVersion() {
        kv.write("data/app", "{'data':{'foo':'v1'}}");
        kv.write("data/app", "{'data':{'foo':'v2','n':{'x':1}}}");
        KvFixture.Result current = kv.read("data/app");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.data().get("data")).isEqualTo(KvFixture.json("{'foo':'v2','n':{'x':1}}"));
        assertThat(current.data().get("metadata")).isEqualTo(KvFixture.json("{'created_time':'"
                + KvFixture.T0_TEXT + "','custom_metadata':null,'deletion_time':'','destroyed':false,'version':2}"));
        assertThat(kv.read("data/app", "version", "1").data().at("/data/foo").asText()).isEqualTo("v1");
        assertThat(kv.read("data/app", "version", "0").data().at("/metadata/version").asLong()).isEqualTo(2);
    }

    @Test
    void unknownKeyOrVersionIsAnEmpty404() {
        assertThat(kv.read("data/nope").status()).isEqualTo(404);
        assertThat(kv.read("data/nope").errors()).isEmpty();
        kv.write("data/app", "{'data':{}}");
        assertThat(kv.read("data/app", "version", "7").status()).isEqualTo(404);
        assertThat(kv.read("data/app", "version", "7").body()).isNull();
        assertThat(kv.read("data/app", "version", "x").status()).isEqualTo(400);
    }

    @Test
    void writeWithoutDataIsRejected() {
        KvFixture.Result result = kv.write("data/app", "{'options':{'cas':0}}");
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errors()).containsExactly("no data provided");
        assertThat(kv.write("data/app", "{'data':'text'}").status()).isEqualTo(400);
        assertThat(kv.write("data/app", "{'data':").errors()).containsExactly("error parsing JSON");
        assertThat(kv.storage.dump()).isEmpty();
    }

    @Test
    void emptyDataObjectIsAValidVersion() {
        assertThat(kv.write("data/app", "{'data':{}}").status()).isEqualTo(200);
        assertThat(kv.read("data/app").data().get("data")).isEqualTo(KvFixture.json("{}"));
    }

    @Test
    void checkAndSetMustMatchTheCurrentVersion() {
        assertThat(kv.write("data/app", "{'data':{'a':1},'options':{'cas':0}}").status()).isEqualTo(200);
        KvFixture.Result stale = kv.write("data/app", "{'data':{'a':2},'options':{'cas':0}}");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.errors()).containsExactly(KvRules.CAS_MISMATCH);
        assertThat(kv.write("data/app", "{'data':{'a':2},'options':{'cas':1}}").status()).isEqualTo(200);
        assertThat(kv.write("data/app", "{'data':{'a':3},'options':{'cas':5}}").errors())
                .containsExactly(KvRules.CAS_MISMATCH);
        assertThat(kv.read("data/app").data().at("/data/a").asInt()).isEqualTo(2);
    }

    @Test
    void casRequiredByMountConfigOrKeyMetadata() {
        kv.write("config", "{'cas_required':true}");
        assertThat(kv.write("data/app", "{'data':{'a':1}}").errors()).containsExactly(KvRules.CAS_REQUIRED);
        assertThat(kv.write("data/app", "{'data':{'a':1},'options':{'cas':0}}").status()).isEqualTo(200);
        kv.write("config", "{'cas_required':false}");
        kv.write("metadata/other", "{'cas_required':true}");
        assertThat(kv.write("data/other", "{'data':{'a':1}}").errors()).containsExactly(KvRules.CAS_REQUIRED);
        assertThat(kv.write("data/app", "{'data':{'a':2}}").status()).isEqualTo(200);
    }

    @Test
    void retentionPrunesOldestVersionsAndTheirData() {
        kv.write("config", "{'max_versions':2}");
        for (int i = 1; i <= 4; i++) {
            kv.write("data/app", "{'data':{'i':" + i + "}}");
        }
        assertThat(kv.read("data/app", "version", "1").status()).isEqualTo(404);
        assertThat(kv.read("data/app", "version", "3").data().at("/data/i").asInt()).isEqualTo(3);
        KvFixture.Result meta = kv.read("metadata/app");
        assertThat(meta.data().get("versions").fieldNames()).toIterable().containsExactly("3", "4");
        assertThat(meta.data().get("oldest_version").asLong()).isEqualTo(3);
        assertThat(kv.storage.dump().keySet()).containsExactlyInAnyOrder(
                "config", "meta/app", "ver/app/3", "ver/app/4");
    }

    @Test
    void defaultRetentionIsTenVersions() {
        for (int i = 1; i <= 12; i++) {
            kv.write("data/app", "{'data':{'i':" + i + "}}");
        }
        assertThat(kv.read("metadata/app").data().get("versions")).hasSize(10);
        assertThat(kv.read("data/app", "version", "2").status()).isEqualTo(404);
        assertThat(kv.read("data/app", "version", "3").status()).isEqualTo(200);
    }

    @Test
    void deleteVersionAfterSchedulesDeletion() {
        kv.write("config", "{'delete_version_after':'1h'}");
        KvFixture.Result written = kv.write("data/app", "{'data':{'a':1}}");
        assertThat(written.data().get("deletion_time").asText()).isEqualTo("2024-05-01T13:00:00.123456789Z");
        kv.clock.advance(Duration.ofMinutes(59));
        assertThat(kv.read("data/app").status()).isEqualTo(200);
        kv.clock.advance(Duration.ofMinutes(1));
        KvFixture.Result gone = kv.read("data/app");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.data().get("data").isNull()).isTrue();
        assertThat(gone.data().at("/metadata/deletion_time").asText()).isEqualTo("2024-05-01T13:00:00.123456789Z");
    }

    @Test
    void deleteSoftDeletesTheCurrentVersionOnly() {
        kv.write("data/app", "{'data':{'v':1}}");
        kv.write("data/app", "{'data':{'v':2}}");
        kv.clock.advance(Duration.ofSeconds(30));
        assertThat(kv.delete("data/app").status()).isEqualTo(204);
        KvFixture.Result gone = kv.read("data/app");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo(KvFixture.json("{'request_id':'','lease_id':'','renewable':false,"
                + "'lease_duration':0,'data':{'data':null,'metadata':{'created_time':'" + KvFixture.T0_TEXT
                + "','custom_metadata':null,'deletion_time':'2024-05-01T12:00:30.123456789Z','destroyed':false,"
                + "'version':2}},'wrap_info':null,'warnings':null,'auth':null,'mount_type':''}"));
        assertThat(kv.read("data/app", "version", "1").status()).isEqualTo(200);
        Map<String, String> before = kv.storage.dump();
        kv.clock.advance(Duration.ofSeconds(30));
        assertThat(kv.delete("data/app").status()).isEqualTo(204);
        assertThat(kv.storage.dump()).isEqualTo(before);
        assertThat(kv.delete("data/never").status()).isEqualTo(204);
        assertThat(kv.storage.dump()).isEqualTo(before);
    }

    @Test
    void destroyedVersionReadIs404WithDestroyedTrue() {
        kv.write("data/app", "{'data':{'v':1}}");
        kv.write("destroy/app", "{'versions':[1]}");
        KvFixture.Result gone = kv.read("data/app");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.data().at("/metadata/destroyed").asBoolean()).isTrue();
        assertThat(gone.data().get("data").isNull()).isTrue();
    }

    @Test
    void customMetadataAppearsInVersionMetadata() {
        kv.write("metadata/app", "{'custom_metadata':{'owner':'ops'}}");
        KvFixture.Result written = kv.write("data/app", "{'data':{'a':1}}");
        assertThat(written.data().get("custom_metadata")).isEqualTo(KvFixture.json("{'owner':'ops'}"));
        assertThat(kv.read("data/app").data().at("/metadata/custom_metadata/owner").asText()).isEqualTo("ops");
    }

    @Test
    void patchMergesIntoANewVersion() {
        kv.write("data/app", "{'data':{'a':'1','b':{'c':'2','d':'3'},'gone':'x'}}");
        KvFixture.Result patched = kv.patch("data/app", "{'data':{'a':'9','b':{'d':null},'gone':null,'new':[1]}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.data().get("version").asLong()).isEqualTo(2);
        assertThat(kv.read("data/app").data().get("data"))
                .isEqualTo(KvFixture.json("{'a':'9','b':{'c':'2'},'new':[1]}"));
        assertThat(kv.read("data/app", "version", "1").data().at("/data/gone").asText()).isEqualTo("x");
    }

    @Test
    void patchOfAMissingKeyIsAnEmpty404() {
        KvFixture.Result result = kv.patch("data/nope", "{'data':{'a':1}}");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body()).isNull();
        assertThat(result.errors()).isEmpty();
        kv.write("metadata/onlymeta", "{'max_versions':3}");
        assertThat(kv.patch("data/onlymeta", "{'data':{'a':1}}").status()).isEqualTo(404);
    }

    @Test
    void patchOfADeletedCurrentVersionIs404WithFlatMetadata() {
        kv.write("data/app", "{'data':{'a':1}}");
        kv.delete("data/app");
        Map<String, String> before = kv.storage.dump();
        KvFixture.Result result = kv.patch("data/app", "{'data':{'a':2}}");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.data()).isEqualTo(KvFixture.json("{'created_time':'" + KvFixture.T0_TEXT
                + "','custom_metadata':null,'deletion_time':'" + KvFixture.T0_TEXT + "','destroyed':false,"
                + "'version':1}"));
        assertThat(result.text("/mount_type")).isEmpty();
        assertThat(kv.storage.dump()).isEqualTo(before);
    }

    @Test
    void patchChecksDataAndCas() {
        kv.write("data/app", "{'data':{'a':1}}");
        assertThat(kv.patch("data/app", "{'options':{'cas':1}}").errors()).containsExactly("no data provided");
        assertThat(kv.patch("data/app", "{'data':{'a':2},'options':{'cas':0}}").errors())
                .containsExactly(KvRules.CAS_MISMATCH);
        assertThat(kv.patch("data/app", "{'data':{'a':2},'options':{'cas':1}}").status()).isEqualTo(200);
        kv.write("metadata/app", "{'cas_required':true}");
        assertThat(kv.patch("data/app", "{'data':{'a':3}}").errors()).containsExactly(KvRules.CAS_REQUIRED);
    }
}
