package io.coffer.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.coffer.server.config.ConfigLoader;
import io.coffer.server.config.ListenerConfig;
import io.coffer.server.config.RetryJoinConfig;
import io.coffer.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The deploy files stay consistent with each other and with the guide: each node's docker-compose.yml has
 * IPC_LOCK, the guide's ports and volumes, and starts the server with the config.hcl it mounts; that config
 * parses, uses the mounted paths and the exposed ports, and retry-joins the other two nodes; HAProxy accepts both
 * configurations.
 */
class DeployFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Path DOCKER = ROOT.resolve("deploy/docker");

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void composeFileMatchesTheGuide(int n) throws IOException {
        JsonNode vault = new ObjectMapper(new YAMLFactory())
                .readTree(DOCKER.resolve("vault" + n + "/docker-compose.yml").toFile()).path("services").path("vault");
        assertThat(texts(vault.path("cap_add"))).contains("IPC_LOCK");
        assertThat(texts(vault.path("ports"))).containsExactlyInAnyOrder("8200:8200", "8201:8201");
        assertThat(texts(vault.path("volumes"))).containsExactlyInAnyOrder("./config:/vault/config:ro",
                "./data:/vault/data:rw", "./certs:/certs:ro");
        assertThat(texts(vault.path("entrypoint"))).contains("-config=/vault/config/config.hcl");
        Path context = DOCKER.resolve("vault" + n).resolve(vault.path("build").path("context").asText()).normalize();
        assertThat(context.resolve(vault.path("build").path("dockerfile").asText())).exists();
        assertThat(vault.path("environment").path("VAULT_API_ADDR").asText())
                .isEqualTo("https://vault" + n + ".example.com:8200");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void nodeConfigUsesTheMountedPathsAndExposedPorts(int n) {
        ServerConfig config = ConfigLoader.load(List.of(DOCKER.resolve("vault" + n + "/config/config.hcl")),
                Map.of());
        assertThat(config.warnings()).isEmpty();
        assertThat(config.storage().path()).isEqualTo(Path.of("/vault/data"));
        assertThat(config.storage().nodeId()).isEqualTo("vault" + n);
        List<String> joins = new ArrayList<>();
        for (RetryJoinConfig join : config.storage().retryJoin()) {
            joins.add(join.leaderApiAddr());
        }
        List<String> others = new ArrayList<>();
        for (int other = 1; other <= 3; other++) {
            if (other != n) {
                others.add("https://vault" + other + ".example.com:8200");
            }
        }
        assertThat(joins).containsExactlyElementsOf(others);
        ListenerConfig listener = config.listeners().get(0);
        assertThat(listener.addressPort()).isEqualTo(8200);
        assertThat(listener.tlsCertFile()).isEqualTo(Path.of("/certs/vault" + n + ".pem"));
        assertThat(listener.tlsKeyFile()).isEqualTo(Path.of("/certs/key.pem"));
        assertThat(config.apiAddr()).isEqualTo("https://vault" + n + ".example.com:8200");
        assertThat(config.clusterHost()).isEqualTo("vault" + n + ".example.com");
        assertThat(config.clusterPort()).isEqualTo(8201);
        assertThat(config.disableMlock()).isTrue();
        assertThat(config.ui()).isTrue();
    }

    @Test
    void dockerfileTrustsTheClusterCaAndRunsTheJar() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY server/target/coffer.jar /opt/coffer/coffer.jar")
                .contains("/usr/local/share/ca-certificates/rootCA.crt").contains("update-ca-certificates")
                .contains("keytool -importcert").contains("EXPOSE 8200 8201");
    }

    @ParameterizedTest
    @ValueSource(strings = {"haproxy-guide.cfg", "haproxy-tuned.cfg"})
    void haproxyAcceptsTheConfiguration(String file) throws Exception {
        ProcessBuilder check = new ProcessBuilder("haproxy", "-c", "-f", ROOT.resolve("haproxy/" + file).toString())
                .redirectErrorStream(true);
        check.environment().putAll(Map.of("COFFER_LB_BIND", "127.0.0.1:18200", "COFFER_NODE1", "127.0.0.11:8200",
                "COFFER_NODE2", "127.0.0.12:8200", "COFFER_NODE3", "127.0.0.13:8200",
                "COFFER_CA_FILE", "/etc/ssl/certs/ca-certificates.crt", "COFFER_HEALTH_PATH", "/v1/sys/health"));
        Process p = check.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
