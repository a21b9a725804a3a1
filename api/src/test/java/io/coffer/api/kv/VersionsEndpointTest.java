package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Operation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code delete/}, {@code undelete/} and {@code destroy/} on a KV v2 mount. */
class VersionsEndpointTest {

    private final KvFixture kv = KvFixture.v2();

    @BeforeEach
    void threeVersions() {
        for (int i = 1; i <= 3; i++) {
            kv.write("data/app", "{'data':{'v':" + i + "}}");
        }
        kv.clock.advance(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "versions={0}")
    @ValueSource(strings = {"[1,2]", "['1','2']", "'1,2'"})
    void deleteAcceptsEveryVersionListForm(String versions) {
        assertThat(kv.write("delete/app", "{'versions':" + versions + "}").status()).isEqualTo(204);
        assertThat(kv.read("data/app", "version", "1").status()).isEqualTo(404);
        assertThat(kv.read("data/app", "version", "2").status()).isEqualTo(404);
        assertThat(kv.read("data/app", "version", "3").status()).isEqualTo(200);
        assertThat(kv.read("data/app", "version", "1").data().at("/metadata/deletion_time").asText())
                .isEqualTo("2024-05-01T12:00:10.123456789Z");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "delete|{}|No version number provided", "delete|{'versions':[]}|No version number provided",
        "undelete|{'versions':''}|No version number provided", "undelete|{}|No version number provided",
        "destroy|{}|no version number provided", "destroy|{'versions':null}|no version number provided"
    })
    void missingVersionsIsRejectedWithEachEndpointsText(String endpoint, String body, String error) {
        Map<String, String> before = kv.storage.dump();
        KvFixture.Result result = kv.write(endpoint + "/app", body);
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errors()).containsExactly(error);
        assertThat(kv.storage.dump()).isEqualTo(before);
    }

    @Test
    void undeleteRestoresSoftDeletedVersions() {
        kv.write("delete/app", "{'versions':[1,2]}");
        assertThat(kv.write("undelete/app", "{'versions':['1']}").status()).isEqualTo(204);
        assertThat(kv.read("data/app", "version", "1").data().at("/data/v").asInt()).isEqualTo(1);
        assertThat(kv.read("data/app", "version", "1").data().at("/metadata/deletion_time").asText()).isEmpty();
        assertThat(kv.read("data/app", "version", "2").status()).isEqualTo(404);
    }

    @Test
    void undeleteReappliesDeleteVersionAfter() {
        kv.write("metadata/app", "{'delete_version_after':'30m'}");
        kv.write("delete/app", "{'versions':[1]}");
        kv.write("undelete/app", "{'versions':[1]}");
        KvFixture.Result read = kv.read("data/app", "version", "1");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.data().at("/metadata/deletion_time").asText()).isEqualTo("2024-05-01T12:30:10.123456789Z");
    }

    @Test
    void destroyRemovesDataPermanently() {
        assertThat(kv.write("destroy/app", "{'versions':'2,3,42'}").status()).isEqualTo(204);
        KvFixture.Result gone = kv.read("data/app", "version", "2");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.data().at("/metadata/destroyed").asBoolean()).isTrue();
        assertThat(kv.storage.dump().keySet()).containsExactlyInAnyOrder("meta/app", "ver/app/1");
        kv.write("undelete/app", "{'versions':[2]}");
        assertThat(kv.read("data/app", "version", "2").status()).isEqualTo(404);
        Map<String, String> before = kv.storage.dump();
        kv.write("delete/app", "{'versions':[2,3]}");
        assertThat(kv.storage.dump()).isEqualTo(before);
        assertThat(kv.read("metadata/app").data().at("/versions/2/deletion_time").asText()).isEmpty();
    }

    @Test
    void unknownKeysAreANoOp() {
        Map<String, String> before = kv.storage.dump();
        assertThat(kv.write("delete/nope", "{'versions':[1]}").status()).isEqualTo(204);
        assertThat(kv.write("undelete/nope", "{'versions':[1]}").status()).isEqualTo(204);
        assertThat(kv.write("destroy/nope", "{'versions':[1]}").status()).isEqualTo(204);
        assertThat(kv.storage.dump()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"delete,READ", "undelete,DELETE", "destroy,LIST", "destroy,PATCH"})
    void onlyWritesAreSupported(String endpoint, Operation operation) {
        KvFixture.Result result = kv.call("X", operation, endpoint + "/app", "{'versions':[1]}");
        assertThat(result.status()).isEqualTo(405);
        assertThat(result.errors()).containsExactly("unsupported operation");
    }
}
