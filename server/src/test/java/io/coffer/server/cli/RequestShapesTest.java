package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.cli.FakeVault.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact requests of vault-api.md §12 (bodies byte for byte, headers, paths), and the Go client's transport
 * habits: retries on 5xx but not 501, one followed redirect, {@code X-Vault-Request} on every call, no
 * {@code Content-Type} on JSON bodies.
 */
class RequestShapesTest {

    private static final String V2_MOUNT = "{\"data\":{\"path\":\"secret/\",\"type\":\"kv\","
            + "\"options\":{\"version\":\"2\"}}}";

    @TempDir
    Path dir;

    private FakeVault vault;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        vault = new FakeVault();
        cli = new Cli(vault.address(), dir).token("hvs.root");
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void initAsksSealStatusThenSendsTheFullBody() {
        vault.on("GET /v1/sys/seal-status", Answer.json(200, "{\"type\":\"shamir\",\"recovery_seal\":false}"));
        vault.on("PUT /v1/sys/init", Answer.json(200, "{\"keys\":[\"aa\"],\"keys_base64\":[\"qg==\"],"
                + "\"root_token\":\"hvs.x\"}"));

        cli.run("operator", "init");

        assertThat(vault.received().get(0).uri()).isEqualTo("/v1/sys/seal-status");
        assertThat(vault.last().text()).isEqualTo("{\"secret_shares\":5,\"secret_threshold\":3,\"stored_shares\":0,"
                + "\"pgp_keys\":null,\"recovery_shares\":0,\"recovery_threshold\":0,\"recovery_pgp_keys\":null,"
                + "\"root_token_pgp_key\":\"\"}");
    }

    @Test
    void unsealSendsAllThreeKeysAndEveryRequestCarriesTheCliHeaders() {
        vault.on("PUT /v1/sys/unseal", Answer.json(200, "{\"type\":\"shamir\",\"initialized\":true,"
                + "\"sealed\":true,\"t\":3,\"n\":5,\"progress\":1,\"nonce\":\"n\"}"));
        vault.on("GET /v1/sys/leader", Answer.json(503, "{\"errors\":[\"Vault is sealed\"]}"));

        Cli.Run run = cli.run("operator", "unseal", "abcd");
        Cli.Run reset = cli.run("operator", "unseal", "-reset");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        FakeVault.Received unseal = vault.received().get(0);
        assertThat(unseal.text()).isEqualTo("{\"key\":\"abcd\",\"reset\":false,\"migrate\":false}");
        assertThat(unseal.header("X-vault-request")).isEqualTo("true");
        assertThat(unseal.header("X-vault-token")).isEqualTo("hvs.root");
        assertThat(unseal.header("Content-type")).isNull();
        assertThat(vault.received().get(2).text()).isEqualTo("{\"key\":\"\",\"reset\":true,\"migrate\":false}");
        assertThat(reset.exitCode()).isZero();
    }

    @Test
    void secretsEnableSendsGoDurationsAndNullOptions() {
        vault.on("POST /v1/sys/mounts/secret", Answer.noContent());
        vault.on("POST /v1/sys/mounts/kv2", Answer.noContent());

        cli.run("secrets", "enable", "-path=secret/", "kv-v2");
        String plain = vault.last().text();
        cli.run("secrets", "enable", "-path=kv2", "-version=2", "-default-lease-ttl=1h", "kv");

        assertThat(plain).isEqualTo("{\"type\":\"kv-v2\",\"description\":\"\",\"config\":{\"options\":null,"
                + "\"default_lease_ttl\":\"0s\",\"max_lease_ttl\":\"0s\",\"force_no_cache\":false},\"local\":false,"
                + "\"seal_wrap\":false,\"external_entropy_access\":false,\"options\":null}");
        assertThat(vault.last().text()).contains("\"default_lease_ttl\":\"1h0m0s\"")
                .endsWith("\"options\":{\"version\":\"2\"}}");
    }

    @Test
    void kvV2PathsAndBodiesFollowThePreflight() {
        vault.on("GET /v1/sys/internal/ui/mounts/secret/app", Answer.json(200, V2_MOUNT));
        vault.on("PUT /v1/secret/data/app", Answer.json(200, "{\"data\":{\"version\":2}}"));
        vault.on("PUT /v1/secret/delete/app", Answer.noContent());
        vault.on("GET /v1/sys/internal/ui/mounts/secret", Answer.json(200, V2_MOUNT));

        cli.run("kv", "put", "-cas=1", "secret/app", "a=b");
        String put = vault.last().text();
        cli.run("kv", "delete", "-versions=1,2", "-versions=3", "secret/app");
        String delete = vault.last().text();
        cli.run("kv", "list", "secret/");

        assertThat(put).isEqualTo("{\"data\":{\"a\":\"b\"},\"options\":{\"cas\":1}}");
        assertThat(delete).isEqualTo("{\"versions\":[\"1\",\"2\",\"3\"]}");
        assertThat(vault.last().uri()).isEqualTo("/v1/secret/metadata?list=true");
    }

    @Test
    void tokenCreatePolicyAndAuditBodiesMatchTheCli() throws Exception {
        vault.on("POST /v1/auth/token/create", Answer.json(200, "{\"auth\":{\"client_token\":\"hvs.t\","
                + "\"lease_duration\":2764800,\"renewable\":true,\"policies\":[\"admin\",\"default\"]}}"));
        vault.on("PUT /v1/sys/policies/acl/admin", Answer.noContent());
        vault.on("PUT /v1/sys/audit/file", Answer.noContent());

        cli.run("token", "create", "-policy=admin", "-period=768h");
        String token = vault.last().text();
        cli.run("policy", "write", "ADMIN", Files.writeString(dir.resolve("p.hcl"), "path \"a\" {}").toString());
        String policy = vault.last().text();
        cli.run("audit", "enable", "file", "file_path=/var/log/vault_audit.log");

        assertThat(token).isEqualTo("{\"policies\":[\"admin\"],\"ttl\":\"0s\",\"explicit_max_ttl\":\"0s\","
                + "\"period\":\"768h0m0s\",\"display_name\":\"\",\"num_uses\":0,\"renewable\":true,"
                + "\"type\":\"service\",\"entity_alias\":\"\"}");
        assertThat(policy).isEqualTo("{\"policy\":\"path \\\"a\\\" {}\"}");
        assertThat(vault.last().text()).isEqualTo("{\"type\":\"file\",\"description\":\"\","
                + "\"options\":{\"file_path\":\"/var/log/vault_audit.log\"},\"local\":false}");
    }

    @Test
    void serverErrorsAreRetriedButNot501() {
        vault.on("GET /v1/sys/seal-status", Answer.json(500, "{\"errors\":[\"boom\"]}"),
                Answer.json(200, "{\"sealed\":false,\"t\":1,\"n\":1}"));
        vault.on("GET /v1/sys/leader", Answer.json(200, "{\"ha_enabled\":false}"));
        Instant start = Instant.now();

        Cli.Run retried = cli.env("VAULT_MAX_RETRIES", "1").run("status");

        assertThat(retried.exitCode()).as(retried.toString()).isZero();
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(vault.received()).hasSize(3);
        vault.on("GET /v1/sys/init", Answer.json(501, "{\"errors\":[]}"));
        cli.run("operator", "init", "-status");
        assertThat(vault.received()).hasSize(4);
    }

    @Test
    void oneRedirectIsFollowedWithTheToken() throws Exception {
        try (FakeVault active = new FakeVault()) {
            active.on("GET /v1/secret/app", Answer.json(200, "{\"data\":{\"k\":\"v\"},\"lease_duration\":60}"));
            vault.on("GET /v1/secret/app", new Answer(307, Map.of("Location", active.address() + "/v1/secret/app"),
                    new byte[0]));

            Cli.Run run = cli.run("read", "secret/app");

            assertThat(run.out()).isEqualTo("Key                 Value\n---                 -----\n"
                    + "refresh_interval    1m\nk                   v\n");
            assertThat(active.last().header("X-vault-token")).isEqualTo("hvs.root");
        }
    }

    @Test
    void notFoundWithWarningsIsPrintedAfterTheError() {
        vault.on("PUT /v1/secret/thing", Answer.json(404, "{\"data\":null,\"warnings\":[\"Invalid path for a "
                + "versioned K/V secrets engine.\"]}"));

        Cli.Run run = cli.run("write", "secret/thing", "a=b");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error writing data to secret/thing: Error making API request.")
                .contains("WARNING! The following warnings were returned from Vault:\n\n"
                        + "  * Invalid path for a versioned K/V secrets engine.\n");
    }

    @Test
    void badEnvironmentValuesAreClientErrors() {
        Cli.Run skip = cli.env("VAULT_SKIP_VERIFY", "maybe").run("operator", "seal");
        Cli.Run address = cli.env("VAULT_SKIP_VERIFY", null).env("VAULT_ADDR", "vault:8200").run("operator", "seal");
        vault.on("GET /v1/sys/x", Answer.json(200, "{\"data\":{\"a\":\"b\"}}"));
        Cli.Run format = cli.env("VAULT_ADDR", vault.address()).run("read", "-format=yaml", "sys/x");

        assertThat(skip.exitCode()).isEqualTo(2);
        assertThat(skip.err()).isEqualTo("could not parse VAULT_SKIP_VERIFY\n");
        assertThat(address.exitCode()).isEqualTo(2);
        assertThat(address.err()).startsWith("error parsing address \"vault:8200\"");
        assertThat(format.exitCode()).isEqualTo(1);
        assertThat(format.err()).isEqualTo("Invalid output format: yaml\n");
    }
}
