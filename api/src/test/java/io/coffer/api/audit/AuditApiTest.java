package io.coffer.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.Json;
import io.coffer.api.testing.ApiTestNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit devices through the API of a real node (vault-api.md §8): enable/list/disable/hash, one request and one
 * response line per call, nothing secret in clear, and fail-closed when no device can write.
 */
class AuditApiTest {

    private static final String ROOT = ApiTestNode.ROOT;
    private static final String SECRET = "s3cr3t-Value-That-Must-Not-Leak";

    @TempDir
    Path dir;
    private ApiTestNode node;
    private Path log;

    @BeforeEach
    void start() {
        node = ApiTestNode.start(dir, ApiOptions.defaults());
        log = dir.resolve("logs/audit.log");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void enabledDeviceIsListedWithTopLevelInjectionAndStartsWithTheTestRecord() throws IOException {
        assertThat(enable("file", log).status()).isEqualTo(204);

        ApiTestNode.Result list = node.call("GET", "sys/audit", ROOT, null);
        assertThat(list.status()).isEqualTo(200);
        JsonNode device = list.json().at("/data/file~1");
        assertThat(device.get("type").asText()).isEqualTo("file");
        assertThat(device.get("path").asText()).isEqualTo("file/");
        assertThat(device.at("/options/file_path").asText()).isEqualTo(log.toString());
        assertThat(device.get("local").asBoolean()).isFalse();
        assertThat(list.json().get("file/")).isEqualTo(device);
        assertThat(list.json().toString()).doesNotContain("salt");
        JsonNode first = records().get(0);
        assertThat(first.at("/request/path").asText()).isEqualTo("sys/audit/test");
        assertThat(first.get("type").asText()).isEqualTo("request");
    }

    @Test
    void everyCallWritesOneRequestAndOneResponseLineWithTheSameId() throws IOException {
        enable("file", log);
        int before = records().size();
        node.call("GET", "sys/mounts", ROOT, null);
        node.call("GET", "sys/audit", ROOT, null);
        List<JsonNode> added = records().subList(before, records().size());

        assertThat(added).extracting(r -> r.get("type").asText())
                .containsExactly("request", "response", "request", "response");
        assertThat(added.get(0).at("/request/id")).isEqualTo(added.get(1).at("/request/id"));
        assertThat(added.get(0).at("/request/path").asText()).isEqualTo("sys/mounts");
        assertThat(added.get(1).at("/response/mount_type").asText()).isEqualTo("system");
    }

    @Test
    void noTokenOrSecretValueIsWrittenInClear() throws IOException {
        enable("file", log);
        node.call("POST", "sys/mounts/secret", ROOT, "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}");
        assertThat(node.call("PUT", "secret/data/app", ROOT, "{\"data\":{\"password\":\"" + SECRET + "\"}}")
                .status()).isEqualTo(200);
        assertThat(node.call("GET", "secret/data/app", ROOT, null).json().at("/data/data/password").asText())
                .isEqualTo(SECRET);
        ApiTestNode.Result child = node.call("POST", "auth/token/create", ROOT, "{\"policies\":[\"default\"]}");
        String childToken = child.json().at("/auth/client_token").asText();
        String childAccessor = child.json().at("/auth/accessor").asText();
        assertThat(childToken).isNotEmpty();

        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(ROOT, SECRET, childToken, childAccessor);
        assertThat(text).contains("\"path\":\"secret/data/app\"", "hmac-sha256:");
    }

    @Test
    void auditHashMatchesTheHashesInTheFile() throws IOException {
        enable("file", log);
        node.call("POST", "sys/mounts/secret", ROOT, "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}");
        node.call("PUT", "secret/data/app", ROOT, "{\"data\":{\"password\":\"" + SECRET + "\"}}");

        ApiTestNode.Result hash = node.call("POST", "sys/audit-hash/file", ROOT, "{\"input\":\"" + SECRET + "\"}");
        assertThat(hash.status()).isEqualTo(200);
        String value = hash.json().at("/data/hash").asText();
        assertThat(value).startsWith("hmac-sha256:").isEqualTo(hash.json().get("hash").asText());
        String tokenHash = node.call("POST", "sys/audit-hash/file", ROOT, "{\"input\":\"" + ROOT + "\"}")
                .json().at("/data/hash").asText();

        JsonNode write = records().stream().filter(r -> r.at("/request/path").asText().equals("secret/data/app"))
                .findFirst().orElseThrow();
        assertThat(write.at("/request/data/data/password").asText()).isEqualTo(value);
        assertThat(write.at("/request/client_token").asText()).isEqualTo(tokenHash);
        assertThat(write.at("/auth/client_token").asText()).isEqualTo(tokenHash);
        assertThat(node.call("POST", "sys/audit-hash/file", ROOT, "{\"input\":\"\"}").json().at("/errors/0")
                .asText()).isEqualTo("the \"input\" parameter is empty");
        assertThat(node.call("POST", "sys/audit-hash/nope", ROOT, "{\"input\":\"x\"}").status()).isEqualTo(400);
    }

    @Test
    void whenNoDeviceCanWriteRequestsFailWith500AndChangeNothing() throws IOException {
        enable("file", log);
        node.call("POST", "sys/mounts/secret", ROOT, "{\"type\":\"kv\",\"options\":{\"version\":\"2\"}}");
        node.call("PUT", "secret/data/app", ROOT, "{\"data\":{\"password\":\"before\"}}");
        Files.move(log, dir.resolve("logs/audit.log.saved"));
        Files.createDirectory(log);

        ApiTestNode.Result write = node.call("PUT", "secret/data/app", ROOT, "{\"data\":{\"password\":\"after\"}}");
        assertThat(write.status()).isEqualTo(500);
        assertThat(write.json().get("errors")).containsExactly(Json.MAPPER.valueToTree("internal error"));
        assertThat(node.call("POST", "sys/mounts/other", ROOT, "{\"type\":\"kv\"}").status()).isEqualTo(500);
        assertThat(node.call("GET", "secret/data/app", ROOT, null).status()).isEqualTo(500);
        assertThat(node.call("GET", "secret/data/app", null, null).status()).as("denied anyway").isEqualTo(403);

        Files.delete(log);
        ApiTestNode.Result read = node.call("GET", "secret/data/app", ROOT, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().at("/data/data/password").asText()).isEqualTo("before");
        assertThat(read.json().at("/data/metadata/version").asInt()).isEqualTo(1);
        assertThat(node.call("GET", "sys/mounts", ROOT, null).json().at("/data").has("other/")).isFalse();
        assertThat(records()).extracting(r -> r.get("type").asText()).contains("request", "response");
    }

    @Test
    void oneWritableDeviceIsEnough() throws IOException {
        enable("file", log);
        enable("second", dir.resolve("second.log"));
        Files.delete(log);
        Files.createDirectory(log);
        assertThat(node.call("GET", "sys/mounts", ROOT, null).status()).isEqualTo(200);
        assertThat(Files.readString(dir.resolve("second.log"))).contains("\"path\":\"sys/mounts\"");
    }

    @Test
    void disabledDeviceStopsRecording() throws IOException {
        enable("file", log);
        assertThat(node.call("DELETE", "sys/audit/file", ROOT, null).status()).isEqualTo(204);
        int count = records().size();
        node.call("GET", "sys/mounts", ROOT, null);
        assertThat(records()).hasSize(count);
        assertThat(node.call("GET", "sys/audit", ROOT, null).json().get("data").isEmpty()).isTrue();
        assertThat(node.call("DELETE", "sys/audit/file", ROOT, null).status()).as("idempotent").isEqualTo(204);
    }

    @Test
    void enableRefusesBadRequestsWith400() throws IOException {
        enable("file", log);
        assertThat(enable("file", dir.resolve("other.log")).json().at("/errors/0").asText())
                .isEqualTo("path already in use");
        assertThat(node.call("POST", "sys/audit/sock", ROOT, "{\"type\":\"socket\",\"options\":{}}").status())
                .isEqualTo(400);
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        ApiTestNode.Result failed = enable("broken", directory);
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.json().at("/errors/0").asText()).startsWith("audit backend failed test message: ");
        assertThat(node.call("GET", "sys/audit", ROOT, null).json().get("data").has("broken/")).isFalse();
    }

    @Test
    void skipTestWritesNoTestRecord() throws IOException {
        node.call("POST", "sys/audit/file", ROOT, "{\"type\":\"file\",\"options\":{\"file_path\":\"" + log
                + "\",\"skip_test\":\"true\"}}");
        assertThat(records()).noneMatch(r -> r.at("/request/path").asText().equals("sys/audit/test"));
    }

    @Test
    void devicesAreReopenedAfterSealAndUnseal() throws IOException {
        enable("file", log);
        node.seal();
        node.unseal();
        int count = records().size();
        node.call("GET", "sys/mounts", ROOT, null);
        assertThat(records()).hasSize(count + 2);
    }

    private ApiTestNode.Result enable(String path, Path file) {
        return node.call("POST", "sys/audit/" + path, ROOT, "{\"type\":\"file\",\"description\":\"\","
                + "\"options\":{\"file_path\":\"" + file + "\"},\"local\":false}");
    }

    private List<JsonNode> records() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            out.add(Json.parse(line.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }
}
