package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** KV path building, K=V parsing and the snapshot archive check: the CLI's helpers, no server involved. */
class KvPathsTest {

    @Test
    void v2PathsGetTheApiPrefixAfterTheMount() {
        assertThat(KvPaths.addPrefix("secret/app", "secret/", "data")).isEqualTo("secret/data/app");
        assertThat(KvPaths.addPrefix("secret/a/b", "secret/", "metadata")).isEqualTo("secret/metadata/a/b");
        assertThat(KvPaths.addPrefix("secret", "secret/", "metadata")).isEqualTo("secret/metadata");
        assertThat(KvPaths.addPrefix("team/kv/app", "team/kv/", "data")).isEqualTo("team/kv/data/app");
        assertThat(KvPaths.addPrefix("kv/app", "ns1/kv/", "data")).isEqualTo("kv/data/app");
    }

    @Test
    void sanitizeStripsSlashesAndSpaces() {
        assertThat(KvPaths.sanitize(" /secret/app// ")).isEqualTo("secret/app");
        assertThat(KvPaths.ensureTrailingSlash("file")).isEqualTo("file/");
        assertThat(KvPaths.ensureTrailingSlash("file/")).isEqualTo("file/");
        assertThat(RequestUris.clean("/v1//secret/./data/")).isEqualTo("v1/secret/data");
    }

    @Test
    void keyValueArgumentsRepeatIntoListsAndReadStdinOnce() {
        var stdin = new ByteArrayInputStream("{\"n\":1}".getBytes(StandardCharsets.UTF_8));

        var data = KvData.parse(List.of("a=1", "a=2", "b==x", "-"), stdin);

        assertThat(data.toString()).isEqualTo("{\"a\":[\"1\",\"2\"],\"b\":\"=x\",\"n\":1}");
        assertThatThrownBy(() -> KvData.parse(List.of("-", "k=-"), new ByteArrayInputStream("{}".getBytes())))
                .hasMessage("stdin already consumed");
    }

    @Test
    void requestUrisAreEncodedAndQueriesSorted() {
        RequestUris uris = new RequestUris(java.net.URI.create("https://vault.example.com:8200/prefix"));

        var uri = uris.of(VaultRequest.get("secret/data/my key/").withQuery(Map.of("z", "1", "a", "b c")));

        assertThat(uri.toString()).isEqualTo("https://vault.example.com:8200/prefix/v1/secret/data/my%20key?a=b+c&z=1");
    }

    @Test
    void snapshotCheckNeedsANonEmptySealedChecksumMember() throws Exception {
        byte[] good = SnapshotBytes.tar(Map.of("SHA256SUMS.sealed", new byte[] {1}));
        byte[] empty = SnapshotBytes.tar(Map.of("SHA256SUMS.sealed", new byte[0]));
        byte[] absent = SnapshotBytes.tar(Map.of("meta.json", new byte[] {1}));
        byte[] cut = java.util.Arrays.copyOf(good, 512);

        assertThat(SnapshotArchive.hasSealedChecksums(new ByteArrayInputStream(good))).isTrue();
        assertThat(SnapshotArchive.hasSealedChecksums(new ByteArrayInputStream(empty))).isFalse();
        assertThat(SnapshotArchive.hasSealedChecksums(new ByteArrayInputStream(absent))).isFalse();
        assertThatThrownBy(() -> SnapshotArchive.hasSealedChecksums(new ByteArrayInputStream(cut)))
                .hasMessageContaining("truncated");
    }
}
