package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Operation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paths a KV v2 mount does not serve: 404 envelope, data null, Vault's warning naming the CLI verb. */
class InvalidPathTest {

    private static final String INVALID = "Invalid path for a versioned K/V secrets engine. See the API docs for the "
            + "appropriate API endpoints to use. If using the Vault CLI, use 'vault kv %s' for this operation.";

    private final KvFixture kv = KvFixture.v2();

    @ParameterizedTest(name = "{1} {0} -> vault kv {2}")
    @CsvSource({
        "app,READ,get", "app,UPDATE,put", "app,CREATE,put", "app,PATCH,patch", "app,DELETE,delete",
        "app/,LIST,list", "data/,LIST,list", "data/app/,READ,get", "'',READ,get", "subkeys,READ,get",
        "config/,READ,get"
    })
    void invalidPathNamesTheCliVerb(String path, Operation operation, String verb) {
        KvFixture.Result result = kv.call("X", operation, path, "{'a':'b'}");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.data().isNull()).isTrue();
        assertThat(result.body().get("warnings")).hasSize(1);
        assertThat(result.body().get("warnings").get(0).asText()).isEqualTo(String.format(INVALID, verb));
        assertThat(result.text("/mount_type")).isEmpty();
        assertThat(kv.storage.dump()).isEmpty();
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({"data,READ", "metadata,UPDATE", "delete,UPDATE", "undelete,DELETE", "destroy,READ"})
    void bareGroupNamesGetTheRootWarning(String path, Operation operation) {
        KvFixture.Result result = kv.call("X", operation, path, "{}");
        assertThat(result.status()).isEqualTo(404);
        assertThat(result.data().isNull()).isTrue();
        assertThat(result.body().get("warnings").get(0).asText())
                .isEqualTo("Non-listing operations on the root of a K/V v2 mount are not supported.");
    }

    @ParameterizedTest(name = "{1} {0} -> 405")
    @CsvSource({"config,PATCH", "config,LIST", "subkeys/app,DELETE", "delete/,LIST"})
    void unsupportedOperationsOnValidPaths(String path, Operation operation) {
        KvFixture.Result result = kv.call("X", operation, path, "{}");
        assertThat(result.status()).isEqualTo(405);
        assertThat(result.errors()).containsExactly("unsupported operation");
    }
}
