package io.coffer.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.server.testing.Ports;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault's single-node lifecycle over real HTTP, real Raft and real RocksDB: init, unseal with three of five
 * shares, KV, seal, restart, and the error statuses clients branch on.
 */
class SingleNodeApiTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    private CofferNode node;
    private int apiPort;
    private int clusterPort;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private VaultHttp start() {
        if (apiPort == 0) {
            apiPort = Ports.free(HOST);
            clusterPort = Ports.free(HOST);
        }
        NodeIdentity id = new NodeIdentity("node1", "http://" + HOST + ":" + apiPort,
                "https://" + HOST + ":" + clusterPort);
        node = CofferNode.start(new NodeSettings(id, dir, List.of(new ApiServerOptions(HOST, apiPort, null,
                4096, 60, true)), HOST, clusterPort, 0, ApiOptions.defaults()));
        return new VaultHttp("http://" + HOST + ":" + apiPort);
    }

    private static List<String> initAndUnseal(VaultHttp http) {
        Reply init = http.put("sys/init", "{\"secret_shares\":5,\"secret_threshold\":3}");
        assertThat(init.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        init.json().path("keys").forEach(k -> keys.add(k.asText()));
        assertThat(keys).hasSize(5).allSatisfy(k -> assertThat(k).hasSize(66));
        assertThat(init.json().path("keys_base64")).hasSize(5);
        assertThat(init.json().path("root_token").asText()).startsWith("hvs.").hasSize(28);
        keys.add(init.json().path("root_token").asText());
        return keys;
    }

    private static void unseal(VaultHttp http, List<String> keys) {
        for (int i = 0; i < 3; i++) {
            Reply reply = http.put("sys/unseal", "{\"key\":\"" + keys.get(i * 2 % 5) + "\"}");
            assertThat(reply.status()).isEqualTo(200);
        }
    }

    @Test
    void initUnsealAndKvV2RoundTrip() {
        VaultHttp http = start();
        assertThat(http.get("sys/init").json().path("initialized").asBoolean()).isFalse();
        assertThat(http.get("sys/health").status()).isEqualTo(501);
        List<String> keys = initAndUnseal(http);
        Reply sealed = http.get("sys/seal-status");
        assertThat(sealed.json().path("sealed").asBoolean()).isTrue();
        assertThat(sealed.json().path("t").asInt()).isEqualTo(3);
        assertThat(sealed.json().path("n").asInt()).isEqualTo(5);
        assertThat(http.get("sys/health").status()).isEqualTo(503);
        assertThat(http.get("sys/leader").body()).contains("Vault is sealed");
        Reply first = http.put("sys/unseal", "{\"key\":\"" + keys.get(0) + "\"}");
        assertThat(first.json().path("progress").asInt()).isEqualTo(1);
        assertThat(first.json().path("nonce").asText()).isNotEmpty();
        http.put("sys/unseal", "{\"key\":\"" + keys.get(1) + "\"}");
        Reply third = http.put("sys/unseal", "{\"key\":\"" + keys.get(2) + "\"}");
        assertThat(third.json().path("sealed").asBoolean()).isFalse();
        assertThat(third.json().path("cluster_name").asText()).startsWith("vault-cluster-");
        assertThat(http.get("sys/health").status()).isEqualTo(200);
        http.token(keys.get(5));
        assertThat(http.get("sys/leader").json().path("is_self").asBoolean()).isTrue();
        assertThat(http.post("sys/mounts/secret", "{\"type\":\"kv-v2\"}").status()).isEqualTo(204);
        Reply preflight = http.get("sys/internal/ui/mounts/secret/app");
        assertThat(preflight.data().path("path").asText()).isEqualTo("secret/");
        assertThat(preflight.data().path("options").path("version").asText()).isEqualTo("2");
        Reply written = http.put("secret/data/app", "{\"data\":{\"password\":\"s3cr3t\"},\"options\":{}}");
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.data().path("version").asInt()).isEqualTo(1);
        Reply read = http.get("secret/data/app");
        assertThat(read.data().path("data").path("password").asText()).isEqualTo("s3cr3t");
        assertThat(http.get("auth/token/lookup-self").data().path("policies").get(0).asText()).isEqualTo("root");
    }

    @Test
    void dataSurvivesRestartAndNodeComesBackSealed() {
        VaultHttp http = start();
        List<String> keys = initAndUnseal(http);
        unseal(http, keys);
        http.token(keys.get(5));
        assertThat(http.post("sys/mounts/kv", "{\"type\":\"kv\"}").status()).isEqualTo(204);
        assertThat(http.put("kv/db", "{\"user\":\"app\"}").status()).isEqualTo(204);
        node.close();
        node = null;
        http = start().token(keys.get(5));
        assertThat(http.get("sys/seal-status").json().path("sealed").asBoolean()).isTrue();
        assertThat(http.get("kv/db").status()).isEqualTo(503);
        unseal(http, keys);
        Reply read = http.get("kv/db");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.data().path("user").asText()).isEqualTo("app");
        assertThat(read.json().path("lease_duration").asLong()).isEqualTo(2764800);
    }

    @Test
    void errorsUseVaultStatusesAndBodies() {
        VaultHttp http = start();
        List<String> keys = initAndUnseal(http);
        assertThat(http.put("sys/init", "{\"secret_shares\":1,\"secret_threshold\":1}").body())
                .contains("Vault is already initialized");
        assertThat(http.put("sys/unseal", "{\"key\":\"zz\"}").body())
                .contains("'key' must be a valid hex or base64 string");
        unseal(http, keys);
        assertThat(http.get("secret/data/x").status()).isEqualTo(403);
        http.token(keys.get(5));
        Reply missing = http.get("nope/thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("no handler for route");
        assertThat(http.send("GET", "/other", null, null).status()).isEqualTo(404);
        Reply badJson = http.post("sys/mounts/x", "{not json");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(http.get("sys/mounts").json().has("x/")).isFalse();
        Reply tooBig = http.post("sys/mounts/y", "{\"type\":\"kv\",\"description\":\"" + "a".repeat(5000) + "\"}");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(http.post("sys/mounts/secret/", "{\"type\":\"kv\"}").body())
                .contains("cannot write to a path ending in '/'");
        JsonNode health = http.get("sys/health?standbycode=299").json();
        assertThat(health.path("initialized").asBoolean()).isTrue();
        assertThat(http.put("sys/seal", "").status()).isEqualTo(204);
        assertThat(http.get("sys/mounts").status()).isEqualTo(503);
        assertThat(http.get("sys/mounts").body()).contains("Vault is sealed");
    }
}
