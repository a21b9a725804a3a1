package io.coffer.api.policystore;

import static io.coffer.api.testing.ApiTestNode.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.api.Json;
import io.coffer.api.testing.ApiTestNode;
import io.coffer.api.testing.ApiTestNode.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ACL policy endpoints end to end on one real Raft node (vault-api.md §7.1): both endpoint families with
 * their field names, JSON and base64 policy text, the protected {@code root} and {@code default} policies, and
 * rejected texts that store nothing.
 */
class PolicyApiTest {

    static final String APP_HCL = "path \"secret/data/app/*\" {\n  capabilities = [\"read\"]\n}\n";

    @TempDir
    static Path dir;
    static ApiTestNode api;

    @BeforeAll
    static void start() {
        api = ApiTestNode.start(dir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static String policyBody(String field, String text) {
        return "{\"" + field + "\":" + Json.MAPPER.valueToTree(text) + "}";
    }

    @Test
    void writeReadListAndDeleteAPolicy() {
        assertThat(api.postRaw(ROOT, "sys/policies/acl/App", policyBody("policy", APP_HCL)).status())
                .isEqualTo(204);

        Result read = api.get(ROOT, "sys/policies/acl/app");
        assertThat(read.text("/data/name")).isEqualTo("app");
        assertThat(read.text("/data/policy")).isEqualTo(APP_HCL);
        assertThat(read.json().has("policy")).isFalse();
        assertThat(api.list(ROOT, "sys/policies/acl").data().get("keys").toString())
                .contains("\"app\"").startsWith("[\"app\",\"default\"").endsWith("\"root\"]");

        assertThat(api.delete(ROOT, "sys/policies/acl/app").status()).isEqualTo(204);
        assertThat(api.get(ROOT, "sys/policies/acl/app").status()).isEqualTo(404);
    }

    @Test
    void legacyEndpointsUseRulesAndInjectTheirData() {
        Result written = api.postRaw(ROOT, "sys/policy/legacy", policyBody("rules", APP_HCL));
        assertThat(written.status()).isEqualTo(200);
        assertThat(written.json().get("warnings").toString())
                .isEqualTo("[\"'rules' is deprecated, please use 'policy' instead\"]");
        assertThat(api.postRaw(ROOT, "sys/policy/legacy2", policyBody("policy", APP_HCL)).status())
                .isEqualTo(204);

        Result read = api.get(ROOT, "sys/policy/legacy");
        assertThat(read.text("/data/rules")).isEqualTo(APP_HCL);
        assertThat(read.text("/rules")).isEqualTo(APP_HCL);
        assertThat(read.text("/name")).isEqualTo("legacy");
        Result list = api.get(ROOT, "sys/policy");
        assertThat(list.json().get("keys")).isEqualTo(list.json().get("policies"));
        assertThat(list.json().get("keys").toString()).contains("\"legacy\"", "\"default\"", "\"root\"");
        assertThat(api.delete(ROOT, "sys/policy/legacy2").status()).isEqualTo(204);
    }

    @Test
    void jsonAndBase64PolicyTextIsAcceptedAndReturnedAsWritten() {
        String json = "{\"path\":{\"secret/data/json/*\":{\"capabilities\":[\"read\",\"list\"]}}}";
        String encoded = Base64.getEncoder().encodeToString(APP_HCL.getBytes(StandardCharsets.UTF_8));

        assertThat(api.postRaw(ROOT, "sys/policies/acl/json", policyBody("policy", json)).status()).isEqualTo(204);
        assertThat(api.postRaw(ROOT, "sys/policies/acl/b64", policyBody("policy", encoded)).status())
                .isEqualTo(204);

        assertThat(api.get(ROOT, "sys/policies/acl/json").text("/data/policy")).isEqualTo(json);
        assertThat(api.get(ROOT, "sys/policies/acl/b64").text("/data/policy")).isEqualTo(APP_HCL);
    }

    @Test
    void badPolicyIs400AndStoresNothing() {
        Result refused = api.postRaw(ROOT, "sys/policies/acl/broken",
                policyBody("policy", "path \"x\" { capabilities = [\"reed\"] }"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errors().get(0)).startsWith("failed to parse policy");
        assertThat(api.get(ROOT, "sys/policies/acl/broken").status()).isEqualTo(404);
        assertThat(api.post(ROOT, "sys/policies/acl/empty", "{}").errors())
                .containsExactly("'policy' parameter not supplied or empty");
    }

    @Test
    void rootAndDefaultAreProtected() {
        assertThat(api.postRaw(ROOT, "sys/policies/acl/root", policyBody("policy", APP_HCL)).errors())
                .containsExactly("cannot update \"root\" policy");
        assertThat(api.delete(ROOT, "sys/policies/acl/root").errors())
                .containsExactly("cannot delete \"root\" policy");
        assertThat(api.delete(ROOT, "sys/policies/acl/default").errors())
                .containsExactly("cannot delete default policy");
        assertThat(api.get(ROOT, "sys/policies/acl/default").text("/data/policy"))
                .contains("path \"auth/token/lookup-self\"");
        assertThat(api.get(ROOT, "sys/policies/acl/root").text("/data/name")).isEqualTo("root");
    }
}
