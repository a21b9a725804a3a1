package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's hardening steps ({@code policy write admin}, {@code token create -policy=admin -period=768h},
 * {@code audit enable file file_path=...}) plus the token, policy and generic read/write/list/delete commands,
 * against one unsealed node.
 */
class TokenPolicyAuditCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "path \"secret/*\" {\n  capabilities = [\"read\", \"list\"]\n}\n";

    @TempDir
    static Path dir;

    @TempDir
    static Path home;

    private static UnsealedNode node;

    @BeforeAll
    static void start() {
        node = UnsealedNode.start(dir, home);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void policyWriteReadListDelete() throws Exception {
        Path file = Files.writeString(dir.resolve("admin.hcl"), ADMIN);

        Cli.Run write = node.cli().run("policy", "write", "Admin", file.toString());
        Cli.Run read = node.cli().run("policy", "read", "admin");
        Cli.Run json = node.cli().run("policy", "read", "-format=json", "admin");
        Cli.Run fromStdin = node.cli().runWithStdin(ADMIN, "policy", "write", "ops", "-");
        Cli.Run list = node.cli().run("policy", "list");
        Cli.Run delete = node.cli().run("policy", "delete", "ops");
        Cli.Run missing = node.cli().run("policy", "read", "ops");

        assertThat(write.out()).isEqualTo("Success! Uploaded policy: admin\n");
        assertThat(read.out()).isEqualTo(ADMIN);
        assertThat(JSON.readTree(json.out()).path("policy").asText()).isEqualTo(ADMIN);
        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isZero();
        assertThat(list.lines()).contains("admin", "default", "ops", "root");
        assertThat(delete.out()).isEqualTo("Success! Deleted policy: ops\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("No policy named: ops\n");
    }

    @Test
    void periodicAdminTokenShowsTheCliTokenTable() throws Exception {
        node.cli().runWithStdin(ADMIN, "policy", "write", "admin", "-");

        Cli.Run create = node.cli().run("token", "create", "-policy=admin", "-period=768h");
        Cli.Run field = node.cli().run("token", "create", "-policy", "admin", "-field=token");
        Cli.Run json = node.cli().run("token", "create", "-policy=admin", "-format=json", "-ttl=1h");

        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.lines()).element(0).asString().matches("Key +Value");
        assertThat(create.out()).containsPattern("\ntoken +hvs\\.\\S+\n").containsPattern("\ntoken_accessor +\\S+\n")
                .containsPattern("\ntoken_duration +768h\n").containsPattern("\ntoken_renewable +true\n")
                .containsPattern("\ntoken_policies +\\[\"admin\" \"default\"]\n")
                .containsPattern("\nidentity_policies +\\[]\n")
                .containsPattern("\npolicies +\\[\"admin\" \"default\"]\n");
        assertThat(field.out()).matches("hvs\\.\\S+");
        JsonNode auth = JSON.readTree(json.out()).path("auth");
        assertThat(auth.path("lease_duration").asLong()).isEqualTo(3600);
        assertThat(auth.path("client_token").asText()).startsWith("hvs.");
    }

    @Test
    void tokenLookupRenewRevoke() {
        String token = node.cli().run("token", "create", "-period=1h", "-field=token").out();

        Cli.Run lookup = node.cli().run("token", "lookup", token);
        Cli.Run self = node.cli().token(token).run("token", "lookup");
        Cli.Run renew = node.cli().run("token", "renew", "-increment=30m", token);
        Cli.Run revoke = node.cli().run("token", "revoke", token);
        Cli.Run after = node.cli().run("token", "lookup", token);

        assertThat(lookup.exitCode()).as(lookup.toString()).isZero();
        assertThat(lookup.out()).containsPattern("\nperiod +1h\n").containsPattern("\npolicies +\\[root]\n");
        assertThat(self.out()).containsPattern("\nid +" + token.replace(".", "\\.") + "\n");
        assertThat(renew.exitCode()).as(renew.toString()).isZero();
        assertThat(renew.out()).containsPattern("\ntoken_duration +1h\n");
        assertThat(revoke.out()).isEqualTo("Success! Revoked token (if it existed)\n");
        assertThat(after.exitCode()).isEqualTo(2);
        assertThat(after.err()).startsWith("Error looking up token: Error making API request.");
    }

    @Test
    void tokenComesFromVaultTokenFileWhenTheVariableIsUnset() throws Exception {
        Files.writeString(home.resolve(".vault-token"), node.rootToken() + "\n");
        try {
            Cli.Run run = node.cli().token(null).run("token", "lookup");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).containsPattern("\npolicies +\\[root]\n");
        } finally {
            Files.delete(home.resolve(".vault-token"));
        }
    }

    @Test
    void auditEnableFileWritesRecordsAndListShowsIt() throws Exception {
        Path log = dir.resolve("audit.log");

        Cli.Run enable = node.cli().run("audit", "enable", "file", "file_path=" + log);
        node.cli().run("kv", "list", "sys/");
        Cli.Run list = node.cli().run("audit", "list", "-detailed");
        Cli.Run disable = node.cli().run("audit", "disable", "file");
        Cli.Run none = node.cli().run("audit", "list");

        assertThat(enable.out()).as(enable.toString()).isEqualTo("Success! Enabled the file audit device at: file/\n");
        assertThat(Files.readString(log)).contains("\"type\":\"request\"");
        assertThat(list.lines().get(0)).matches("Path +Type +Description +Replication +Options");
        assertThat(list.out()).containsPattern("\nfile/ +file +n/a +replicated +map\\[file_path:" + log + "]\n");
        assertThat(disable.out()).isEqualTo("Success! Disabled audit device (if it was enabled) at: file/\n");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.out()).isEqualTo("No audit devices are enabled.\n");
    }

    @Test
    void genericWriteReadListDelete() {
        Cli cli = node.cli();
        assertThat(cli.run("write", "sys/mounts/generic", "type=kv").out())
                .isEqualTo("Success! Data written to: sys/mounts/generic\n");

        Cli.Run write = cli.run("write", "generic/foo", "a=b");
        Cli.Run read = cli.run("read", "generic/foo");
        Cli.Run list = cli.run("list", "generic/");
        Cli.Run delete = cli.run("delete", "generic/foo");
        Cli.Run gone = cli.run("read", "generic/foo");
        Cli.Run mustSupply = cli.run("write", "generic/bar");

        assertThat(write.out()).isEqualTo("Success! Data written to: generic/foo\n");
        assertThat(read.out()).isEqualTo("Key                 Value\n---                 -----\n"
                + "refresh_interval    768h\na                   b\n");
        assertThat(list.out()).isEqualTo("Keys\n----\nfoo\n");
        assertThat(delete.out()).isEqualTo("Success! Data deleted (if it existed) at: generic/foo\n");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("No value found at generic/foo\n");
        assertThat(mustSupply.exitCode()).isEqualTo(1);
        assertThat(mustSupply.err()).isEqualTo("Must supply data or use -force\n");
    }

    @Test
    void readJsonIsTheGoSecretStruct() throws Exception {
        Cli.Run run = node.cli().run("read", "-format=json", "sys/mounts/cubbyhole");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("request_id", "lease_id", "lease_duration",
                "renewable", "data", "warnings", "mount_type");
        assertThat(json.path("data").path("type").asText()).isEqualTo("cubbyhole");
    }
}
