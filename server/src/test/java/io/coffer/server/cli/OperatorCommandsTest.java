package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.server.testing.Ports;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's first steps with the {@code vault} CLI's wording and exit codes, against a real node:
 * {@code operator init} (table and {@code -format=json}), three {@code operator unseal}s with their progress, and
 * {@code status} exiting 2 while sealed and 0 once unsealed.
 */
class OperatorCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @TempDir
    Path home;

    private TestNode node;
    private Cli cli;

    @BeforeEach
    void start() {
        node = TestNode.start(dir);
        cli = new Cli(node.address(), home);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void initPrintsFiveUnsealKeysAndRootTokenAndStatusExitsTwoWhileSealed() {
        Cli.Run init = cli.run("operator", "init");

        assertThat(init.exitCode()).as(init.toString()).isZero();
        List<String> lines = init.lines();
        for (int i = 1; i <= 5; i++) {
            assertThat(lines.get(i - 1)).matches("Unseal Key " + i + ": [A-Za-z0-9+/]{44}");
        }
        assertThat(lines.get(5)).matches("Initial Root Token: hvs\\.[A-Za-z0-9]{24}");
        assertThat(init.out()).contains("Vault initialized with 5 key shares and a key threshold of 3.");
        Cli.Run status = cli.run("status");
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(2);
        assertThat(status.lines()).contains("Key                Value", "---                -----",
                "Seal Type          shamir", "Initialized        true", "Sealed             true",
                "Total Shares       5", "Threshold          3", "Unseal Progress    0/3", "HA Enabled         true");
    }

    @Test
    void threeUnsealsShowProgressThenStatusExitsZeroAsActive() throws Exception {
        JsonNode init = JSON.readTree(cli.run("operator", "init", "-format=json").out());
        List<String> keys = new ArrayList<>();
        init.path("unseal_keys_b64").forEach(k -> keys.add(k.asText()));

        Cli.Run first = cli.run("operator", "unseal", keys.get(0));
        Cli.Run second = cli.run("operator", "unseal", init.path("unseal_keys_hex").get(3).asText());
        Cli.Run third = cli.run("operator", "unseal", keys.get(4));

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.lines()).contains("Sealed             true", "Unseal Progress    1/3");
        assertThat(first.out()).containsPattern("Unseal Nonce +[0-9a-f-]{36}");
        assertThat(second.lines()).contains("Unseal Progress    2/3");
        assertThat(third.exitCode()).isZero();
        assertThat(third.lines()).contains("Sealed                  false", "HA Enabled              true",
                "HA Mode                 active").noneMatch(l -> l.startsWith("Unseal Progress"));
        assertThat(third.out()).containsPattern("Cluster Name +vault-cluster-");
        Cli.Run status = cli.run("status");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("Active Since +\\d{4}-");
    }

    @Test
    void initJsonUsesTheCliFieldNames() throws Exception {
        Cli.Run run = cli.run("operator", "init", "-key-shares=3", "-t", "2", "-format=json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("unseal_keys_b64", "unseal_keys_hex", "unseal_shares",
                "unseal_threshold", "recovery_keys_b64", "recovery_keys_hex", "recovery_keys_shares",
                "recovery_keys_threshold", "root_token");
        assertThat(json.path("unseal_keys_hex")).hasSize(3).allSatisfy(k -> assertThat(k.asText()).hasSize(66));
        assertThat(json.path("unseal_shares").asInt()).isEqualTo(3);
        assertThat(json.path("unseal_threshold").asInt()).isEqualTo(2);
        assertThat(json.path("recovery_keys_b64")).isEmpty();
        assertThat(run.out()).startsWith("{\n  \"unseal_keys_b64\": [\n    \"");
    }

    @Test
    void initStatusExitsTwoUntilInitializedThenZero() {
        Cli.Run before = cli.run("operator", "init", "-status");
        cli.run("operator", "init", "-n", "1", "-t", "1");
        Cli.Run after = cli.run("operator", "init", "-status");

        assertThat(before.exitCode()).isEqualTo(2);
        assertThat(before.out()).isEqualTo("Vault is not initialized\n");
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).isEqualTo("Vault is initialized\n");
    }

    @Test
    void secondInitFailsWithTheServerErrorAndExitTwo() {
        cli.run("operator", "init");

        Cli.Run again = cli.run("operator", "init");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("Error initializing: Error making API request.\n\nURL: PUT "
                + node.address() + "/v1/sys/init\nCode: 400. Errors:\n\n* Vault is already initialized");
    }

    @Test
    void unsealReadsTheKeyFromStdinAndResetDiscardsProgress() throws Exception {
        JsonNode init = JSON.readTree(cli.run("operator", "init", "-format=json").out());

        Cli.Run prompted = cli.runWithStdin(init.path("unseal_keys_b64").get(1).asText() + "\n", "operator", "unseal");
        Cli.Run reset = cli.run("operator", "unseal", "-reset");

        assertThat(prompted.out()).startsWith("Unseal Key (will be hidden): \n");
        assertThat(prompted.lines()).contains("Unseal Progress    1/3");
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(reset.lines()).contains("Unseal Progress    0/3");
    }

    @Test
    void sealNeedsTheRootTokenAndThenStatusExitsTwo() throws Exception {
        JsonNode init = JSON.readTree(cli.run("operator", "init", "-n=1", "-t=1", "-format=json").out());
        cli.run("operator", "unseal", init.path("unseal_keys_b64").get(0).asText());

        Cli.Run denied = cli.run("operator", "seal");
        Cli.Run sealed = cli.token(init.path("root_token").asText()).run("operator", "seal");

        assertThat(denied.exitCode()).isEqualTo(2);
        assertThat(denied.err()).startsWith("Error sealing: Error making API request.").contains("Code: 403");
        assertThat(sealed.exitCode()).as(sealed.toString()).isZero();
        assertThat(sealed.out()).isEqualTo("Success! Vault is sealed.\n");
        assertThat(cli.run("status").exitCode()).isEqualTo(2);
    }

    @Test
    void statusJsonCarriesSealStatusAndLeaderFieldNames() throws Exception {
        cli.run("operator", "init");

        Cli.Run run = cli.env("VAULT_FORMAT", "json").run("status");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode json = JSON.readTree(run.out());
        assertThat(fieldNames(json)).startsWith("type", "initialized", "sealed", "t", "n", "progress", "nonce",
                "version", "build_date", "migration", "recovery_seal", "storage_type", "ha_enabled");
        assertThat(json.path("sealed").asBoolean()).isTrue();
        assertThat(json.path("ha_enabled").asBoolean()).isTrue();
    }

    @Test
    void unreachableServerIsExitOneForStatusAndTwoForOtherCommands() {
        Cli down = new Cli("http://127.0.0.1:" + Ports.free("127.0.0.1"), home);

        Cli.Run status = down.run("status");
        Cli.Run init = down.run("operator", "init");

        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).startsWith("Error checking seal status: Get \"http://127.0.0.1:");
        assertThat(init.exitCode()).isEqualTo(2);
    }

    @Test
    void wrongArgumentsAndUnknownFlagsAreLocalErrorsExitOne() {
        Cli.Run extra = cli.run("status", "extra");
        Cli.Run flag = cli.run("operator", "init", "-bogus");

        assertThat(extra.exitCode()).isEqualTo(1);
        assertThat(extra.err()).isEqualTo("Too many arguments (expected 0, got 1)\n");
        assertThat(flag.exitCode()).isEqualTo(1);
        assertThat(flag.err()).contains("Unknown option: '-bogus'");
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
