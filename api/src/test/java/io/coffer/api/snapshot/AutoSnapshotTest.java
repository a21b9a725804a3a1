package io.coffer.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault Enterprise's automated snapshots, built in: named configurations stored in the cluster, taken by the
 * active node on schedule into {@code <path_prefix>/<file_prefix>-<timestamp>.snap}, keeping the newest
 * {@code retain} files, with a status any node can read.
 */
class AutoSnapshotTest {

    private static final String CONFIG = "sys/storage/raft/snapshot-auto/config/";
    private static final String STATUS = "sys/storage/raft/snapshot-auto/status/";

    @TempDir
    Path dir;

    private SnapshotNode node;

    @BeforeEach
    void start() {
        node = SnapshotNode.start(dir, "n1");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private JsonNode status(String name) {
        SnapshotNode.Result r = node.call("GET", STATUS + name, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().get("data");
    }

    private List<Path> snapshots(Path target) throws Exception {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".snap")).sorted().toList();
        }
    }

    @Test
    void scheduledSnapshotsKeepTheNewestRetainFiles() throws Exception {
        Path target = dir.resolve("backups");
        SnapshotNode.Result write = node.call("PUT", CONFIG + "frequent", "{\"interval\":\"1s\",\"retain\":2,"
                + "\"path_prefix\":\"" + target + "\",\"storage_type\":\"local\"}");
        assertThat(write.status()).as(write.text()).isEqualTo(204);
        Set<String> taken = new ConcurrentSkipListSet<>();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String url = status("frequent").get("last_snapshot_url").asText();
            if (!url.isEmpty()) {
                taken.add(url);
            }
            return taken.size() >= 4;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> status("frequent").get("snapshot_start").asText()
                .isEmpty());

        JsonNode status = status("frequent");
        List<Path> files = snapshots(target);
        assertThat(files).hasSize(2);
        assertThat(files.get(1)).isEqualTo(Path.of(URI.create(status.get("last_snapshot_url").asText())));
        assertThat(files).allMatch(p -> p.getFileName().toString().matches("vault-snapshot-\\d{8}T\\d{9}Z\\.snap"));
        assertThat(taken.stream().map(u -> Path.of(URI.create(u))).filter(Files::exists)).hasSizeLessThanOrEqualTo(2);
        for (Path file : files) {
            assertThat(SnapshotVerifier.verify(file, node.unsealKey()).entries()).isPositive();
        }
        assertThat(status.get("consecutive_errors").asInt()).isZero();
        assertThat(status.get("last_snapshot_error").asText()).isEmpty();
        assertThat(status.get("next_snapshot_start").asText()).isNotEmpty();
        assertThat(status.get("last_snapshot_end").asText()).isNotEmpty();
    }

    @Test
    void configurationsAreStoredListedValidatedAndDeleted() {
        Path target = dir.resolve("daily");
        assertThat(node.call("POST", CONFIG + "daily", "{\"interval\":\"24h\",\"path_prefix\":\"" + target
                + "\",\"storage_type\":\"local\",\"file_prefix\":\"nightly\",\"local_max_space\":\"1000000\"}")
                .status()).isEqualTo(204);

        JsonNode data = node.call("GET", CONFIG + "daily", null).json().get("data");
        assertThat(data.get("interval").asLong()).isEqualTo(86_400);
        assertThat(data.get("retain").asInt()).isEqualTo(1);
        assertThat(data.get("file_prefix").asText()).isEqualTo("nightly");
        assertThat(data.get("storage_type").asText()).isEqualTo("local");
        assertThat(data.get("local_max_space").asLong()).isEqualTo(1_000_000);
        assertThat(node.call("LIST", "sys/storage/raft/snapshot-auto/config", null).json().at("/data/keys/0")
                .asText()).isEqualTo("daily");
        assertThat(node.call("PUT", CONFIG + "daily", "{\"retain\":5}").status()).isEqualTo(204);
        assertThat(node.call("GET", CONFIG + "daily", null).json().at("/data/retain").asInt()).isEqualTo(5);
        assertThat(node.call("GET", CONFIG + "daily", null).json().at("/data/interval").asLong()).isEqualTo(86_400);
        assertThat(status("daily").get("consecutive_errors").asInt()).isZero();

        SnapshotNode.Result s3 = node.call("PUT", CONFIG + "cloud", "{\"interval\":60,\"path_prefix\":\"b\","
                + "\"storage_type\":\"aws-s3\"}");
        assertThat(s3.status()).isEqualTo(400);
        assertThat(s3.text()).contains("aws-s3");
        assertThat(node.call("PUT", CONFIG + "noint", "{\"path_prefix\":\"b\",\"storage_type\":\"local\"}")
                .status()).isEqualTo(400);
        assertThat(node.call("GET", CONFIG + "cloud", null).status()).isEqualTo(404);

        assertThat(node.call("DELETE", CONFIG + "daily", null).status()).isEqualTo(204);
        assertThat(node.call("GET", CONFIG + "daily", null).status()).isEqualTo(404);
        assertThat(node.call("GET", STATUS + "daily", null).status()).isEqualTo(404);
        assertThat(node.call("LIST", "sys/storage/raft/snapshot-auto/config", null).status()).isEqualTo(404);
    }
}
