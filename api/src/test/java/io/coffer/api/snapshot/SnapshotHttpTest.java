package io.coffer.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.http.ApiServer;
import io.coffer.api.http.ApiServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot save and restore over a real HTTP listener: the archive is streamed with chunked encoding and the
 * restore body is streamed past {@code max_request_size} (as in Vault), while every other request keeps the
 * 413 limit; an unauthenticated upload is refused without being read.
 */
class SnapshotHttpTest {

    private static final int MAX_REQUEST = 64 << 10;

    @TempDir
    Path dir;

    private SnapshotNode node;
    private ApiServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        node = SnapshotNode.start(dir, "n1");
        node.call("POST", "sys/mounts/secret", "{\"type\":\"kv\"}");
        for (int i = 0; i < 150; i++) {
            node.call("PUT", "secret/s" + i, "{\"value\":\"" + "x".repeat(1000) + "\"}");
        }
        server = ApiServer.start(new ApiServerOptions("127.0.0.1", 0, null, MAX_REQUEST, 300, false),
                node.node().handler());
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        node.close();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/" + path))
                .timeout(Duration.ofSeconds(60));
    }

    @Test
    void archiveIsStreamedAndALargerThanLimitRestoreIsAccepted() throws Exception {
        Path file = dir.resolve("backup.snap");
        HttpResponse<Path> saved = client.send(request("sys/storage/raft/snapshot")
                .header("X-Vault-Token", node.rootToken()).GET().build(), HttpResponse.BodyHandlers.ofFile(file));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("content-type")).hasValue("application/gzip");
        assertThat(saved.headers().firstValue("content-disposition")).hasValue("attachment");
        assertThat(saved.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(saved.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(Files.size(file)).isGreaterThan(MAX_REQUEST);
        byte[] archive = Files.readAllBytes(file);
        assertThat(Archives.members(archive).keySet()).containsExactly("meta.json", "state.bin", "SHA256SUMS",
                "SHA256SUMS.sealed");
        Map<String, String> snapshotState = Archives.state(archive);
        node.call("PUT", "secret/later", "{\"value\":\"gone\"}");

        HttpResponse<String> restored = client.send(request("sys/storage/raft/snapshot")
                .header("X-Vault-Token", node.rootToken()).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(204);
        assertThat(node.call("GET", "secret/later", null).status()).isEqualTo(404);
        Map<String, String> now = node.state();
        snapshotState.keySet().removeIf(k -> k.startsWith("core/nodes/"));
        assertThat(now).isEqualTo(snapshotState);
    }

    @Test
    void otherRequestsKeepTheBodyLimitAndAnonymousUploadsAreRefused() throws Exception {
        String big = "{\"value\":\"" + "y".repeat(MAX_REQUEST) + "\"}";
        HttpResponse<String> tooLarge = client.send(request("secret/big").header("X-Vault-Token", node.rootToken())
                .PUT(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        byte[] archive = node.save();
        HttpResponse<String> anonymous = client.send(request("sys/storage/raft/snapshot-force")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(403);

        HttpResponse<String> afterwards = client.send(request("secret/s1").header("X-Vault-Token", node.rootToken())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.statusCode()).isEqualTo(200);
    }
}
