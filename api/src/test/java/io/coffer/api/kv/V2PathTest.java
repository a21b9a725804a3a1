package io.coffer.api.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which endpoint group a mount-relative path reaches on a KV v2 mount. */
class V2PathTest {

    @ParameterizedTest(name = "{0} -> {1} [{2}]")
    @CsvSource(delimiter = '|', value = {
        "data/app|DATA|app", "data/a/b/c|DATA|a/b/c", "data/|INVALID|''", "data/app/|INVALID|''",
        "metadata/|METADATA|''", "metadata/app|METADATA|app", "metadata/dir/|METADATA|dir/",
        "delete/app|DELETE|app", "undelete/app|UNDELETE|app", "destroy/app|DESTROY|app", "destroy/|DESTROY|''",
        "subkeys/app|SUBKEYS|app", "config|CONFIG|''", "config/|INVALID|''", "configx|INVALID|''",
        "data|ROOT|''", "metadata|ROOT|''", "delete|ROOT|''", "undelete|ROOT|''", "destroy|ROOT|''",
        "subkeys|INVALID|''", "app|INVALID|''", "''|INVALID|''", "datax/app|INVALID|''"
    })
    void routesLikeVaultsPathPatterns(String path, V2Path.Kind kind, String key) {
        assertThat(V2Path.parse(path)).isEqualTo(new V2Path(kind, key));
    }
}
