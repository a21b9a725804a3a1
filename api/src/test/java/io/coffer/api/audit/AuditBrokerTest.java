package io.coffer.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiException;
import io.coffer.api.ApiResponse;
import io.coffer.api.Json;
import io.coffer.api.metrics.MetricSink;
import io.coffer.api.testing.InMemoryLogicalStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replicated table followed by each node's broker, and fail-closed auditing (vault-api.md §8.4). Two brokers
 * over one storage stand for two nodes of a cluster.
 */
class AuditBrokerTest {

    @TempDir
    Path dir;

    private final InMemoryLogicalStorage storage = new InMemoryLogicalStorage();
    private final AuditTable table = new AuditTable(storage);
    private final AuditBroker nodeA = new AuditBroker(table, MetricSink.none());
    private final AuditBroker nodeB = new AuditBroker(new AuditTable(storage), MetricSink.none());

    @Test
    void noDeviceMeansEveryRecordIsAccepted() {
        assertThat(nodeA.enabled()).isFalse();
        assertThat(nodeA.log(() -> Json.object(), "request")).isTrue();
    }

    @Test
    void aDeviceEnabledThroughOneNodeIsWrittenByTheOther() throws IOException {
        assertThat(nodeB.enabled()).isFalse();
        table.enable(device("file/", dir.resolve("audit.log")));

        assertThat(nodeB.paths()).containsExactly("file/");
        assertThat(nodeB.log(() -> Json.object().put("type", "request"), "request")).isTrue();
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).containsExactly("{\"type\":\"request\"}");
    }

    @Test
    void aDisabledDeviceIsClosedOnEveryNode() throws IOException {
        table.enable(device("file/", dir.resolve("audit.log")));
        nodeB.log(() -> Json.object().put("n", 1), "request");
        assertThat(table.disable("file/")).isTrue();

        assertThat(nodeB.enabled()).isFalse();
        assertThat(nodeB.log(() -> Json.object().put("n", 2), "request")).isTrue();
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).containsExactly("{\"n\":1}");
        assertThat(table.disable("file/")).isFalse();
    }

    @Test
    void overlappingPathsAreRefused() {
        table.enable(device("file/", dir.resolve("a.log")));
        assertThatThrownBy(() -> table.enable(device("file/", dir.resolve("b.log"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors())
                        .containsExactly("path already in use"));
        assertThatThrownBy(() -> table.enable(device("file/nested/", dir.resolve("b.log"))))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aRecordIsLoggedWhenAtLeastOneDeviceWritesIt() throws IOException {
        Path broken = Files.createDirectory(dir.resolve("is-a-directory"));
        table.enable(device("bad/", broken));
        assertThat(nodeA.log(() -> Json.object(), "request")).isFalse();
        table.enable(device("good/", dir.resolve("good.log")));
        assertThat(nodeA.log(() -> Json.object(), "request")).isTrue();
    }

    @Test
    void theObserverFailsClosedWith500() throws IOException {
        Path broken = Files.createDirectory(dir.resolve("is-a-directory"));
        table.enable(device("file/", broken));
        AuditObserver observer = new AuditObserver(nodeA, Records.builder());

        assertThatThrownBy(() -> observer.beforeRequest(Records.read("secret/x", Map.of(), Records.ROOT_TOKEN),
                Records.rootToken())).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.errors()).containsExactly("internal error");
                });
        assertThatThrownBy(() -> observer.afterResponse(Records.read("secret/x", Map.of(), Records.ROOT_TOKEN),
                Records.rootToken(), ApiResponse.noContent(), 1)).isInstanceOf(ApiException.class);
    }

    @Test
    void aRequestThatIsDeniedAnywayKeepsIts403WhenAuditingFails() throws IOException {
        Path broken = Files.createDirectory(dir.resolve("is-a-directory"));
        table.enable(device("file/", broken));
        AuditObserver observer = new AuditObserver(nodeA, Records.builder());
        observer.beforeRequest(Records.read("secret/x", Map.of(), "bogus"), null);
        observer.afterResponse(Records.read("secret/x", Map.of(), "bogus"), null,
                ApiResponse.raw(403, Json.object()), 1);
    }

    @Test
    void eachDeviceHashesWithItsOwnSalt() throws IOException {
        AuditDevice one = device("one/", dir.resolve("one.log"));
        AuditDevice two = device("two/", dir.resolve("two.log"));
        table.enable(one);
        table.enable(two);
        new AuditObserver(nodeA, Records.builder()).beforeRequest(
                Records.write("secret/data/app", "{\"data\":{\"password\":\"s3cr3t\"}}", Records.ROOT_TOKEN),
                Records.rootToken());

        JsonNode first = Json.parse(Files.readAllBytes(dir.resolve("one.log")));
        JsonNode second = Json.parse(Files.readAllBytes(dir.resolve("two.log")));
        assertThat(first.at("/request/data/data/password").asText()).isEqualTo(nodeA.hash("one/", "s3cr3t"));
        assertThat(second.at("/request/data/data/password").asText()).isEqualTo(nodeA.hash("two/", "s3cr3t"));
        assertThat(nodeA.hash("one/", "s3cr3t")).isNotEqualTo(nodeA.hash("two/", "s3cr3t"));
        assertThat(new String(Files.readAllBytes(dir.resolve("one.log")), StandardCharsets.UTF_8))
                .doesNotContain("s3cr3t", Records.ROOT_TOKEN);
    }

    @Test
    void hashOfAnUnknownDeviceIs400() {
        assertThatThrownBy(() -> nodeA.hash("nope/", "x")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.errors()).containsExactly("unknown audit backend \"nope/\""));
    }

    @Test
    void closeAllClosesFilesAndTheNextRecordReopensThem() throws IOException {
        table.enable(device("file/", dir.resolve("audit.log")));
        nodeA.log(() -> Json.object().put("n", 1), "request");
        nodeA.closeAll();
        nodeA.log(() -> Json.object().put("n", 2), "request");
        assertThat(Files.readAllLines(dir.resolve("audit.log"))).hasSize(2);
    }

    @Test
    void theSaltNeverAppearsInToString() {
        AuditDevice device = device("file/", dir.resolve("a.log"));
        assertThat(device.toString()).doesNotContain(device.salt());
    }

    private static AuditDevice device(String path, Path file) {
        return new AuditDevice(path, "file", "", Map.of("file_path", file.toString()), false,
                UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }
}
