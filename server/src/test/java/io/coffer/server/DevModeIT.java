package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coffer.server.testing.Ports;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coffer server -dev} behaves like {@code vault server -dev}: a real child JVM comes up initialised and
 * unsealed on plain HTTP with {@code secret/} as KV v2, prints the root token and unseal key, and honours
 * {@code -dev-root-token-id}.
 */
class DevModeIT {

    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void devServerIsReadyWithKvV2AndPrintsCredentials() throws IOException {
        int port = Ports.free("127.0.0.1");
        Path out = dir.resolve("out.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.coffer.server.Main", "server", "-dev", "-dev-listen-address=127.0.0.1:" + port,
                "-dev-root-token-id=dev-root"))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(out).contains("Root Token:"));
        String log = Files.readString(out);
        assertThat(log).contains("export VAULT_ADDR='http://127.0.0.1:" + port + "'")
                .contains("Unseal Key: ").contains("Root Token: dev-root");
        VaultHttp http = new VaultHttp("http://127.0.0.1:" + port).token("dev-root");
        assertThat(http.get("sys/health").status()).isEqualTo(200);
        Reply mounts = http.get("sys/mounts");
        assertThat(mounts.data().path("secret/").path("options").path("version").asText()).isEqualTo("2");
        assertThat(http.put("secret/data/test", "{\"data\":{\"k\":\"v\"}}").status()).isEqualTo(200);
        assertThat(http.get("secret/data/test").data().path("data").path("k").asText()).isEqualTo("v");
    }
}
