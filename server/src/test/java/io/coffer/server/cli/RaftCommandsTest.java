package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.server.cli.FakeVault.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code operator raft} commands of the guide's cluster steps, against a scripted server (Coffer's own raft
 * endpoints are exercised by the lead's three-node test): {@code join} sends the CLI's nine keys to the local node,
 * {@code list-peers} prints the peer table, {@code snapshot save} streams and verifies the archive,
 * {@code snapshot restore -force} posts the raw file.
 */
class RaftCommandsTest {

    private static final String CONFIGURATION = "{\"data\":{\"config\":{\"servers\":["
            + "{\"node_id\":\"vault2\",\"address\":\"vault2.example.com:8201\",\"leader\":true,"
            + "\"protocol_version\":\"3\",\"voter\":true},"
            + "{\"node_id\":\"vault1\",\"address\":\"vault1.example.com:8201\",\"leader\":false,"
            + "\"protocol_version\":\"3\",\"voter\":true}],\"index\":42}}}";

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
    void joinPostsTheNineKeysToTheLocalNodeAndPrintsJoined() {
        vault.on("POST /v1/sys/storage/raft/join", Answer.json(200, "{\"joined\":true}"));

        Cli.Run run = cli.token(null).run("operator", "raft", "join", "https://vault2.example.com:8200");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Key       Value\n---       -----\nJoined    true\n");
        assertThat(vault.last().text()).isEqualTo("{\"auto_join\":\"\",\"auto_join_scheme\":\"\",\"auto_join_port\":0,"
                + "\"leader_api_addr\":\"https://vault2.example.com:8200\",\"leader_ca_cert\":\"\","
                + "\"leader_client_cert\":\"\",\"leader_client_key\":\"\",\"retry\":false,\"non_voter\":false}");
    }

    @Test
    void joinReadsCertificateFilesAndSendsAutoJoinForProviderStrings() throws Exception {
        vault.on("POST /v1/sys/storage/raft/join", Answer.json(200, "{\"joined\":false}"));
        Path ca = Files.writeString(dir.resolve("rootCA.crt"), "-----BEGIN CERTIFICATE-----\nMIIB\n");

        Cli.Run withCa = cli.run("operator", "raft", "join", "-leader-ca-cert=@" + ca, "-retry",
                "https://vault2.example.com:8200");
        String caBody = vault.last().text();
        Cli.Run auto = cli.run("operator", "raft", "join", "-format=json", "provider=aws tag_key=vault");

        assertThat(withCa.out()).contains("Joined    false");
        assertThat(caBody).contains("\"leader_ca_cert\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n\"", "\"retry\":true");
        assertThat(vault.last().text()).startsWith("{\"auto_join\":\"provider=aws tag_key=vault\","
                + "\"auto_join_scheme\":\"https\",\"auto_join_port\":8200,\"leader_api_addr\":\"\"");
        assertThat(auto.out()).isEqualTo("{\n  \"joined\": false\n}\n");
    }

    @Test
    void joinFailureIsExitTwoWithTheCliPrefix() {
        vault.on("POST /v1/sys/storage/raft/join",
                Answer.json(500, "{\"errors\":[\"node must be sealed before joining\"]}"));

        Cli.Run run = cli.run("operator", "raft", "join", "https://vault2.example.com:8200");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error joining the node to the Raft cluster: Error making API request.")
                .contains("Code: 500. Errors:\n\n* node must be sealed before joining");
    }

    @Test
    void listPeersPrintsTheGuideTable() {
        vault.on("GET /v1/sys/storage/raft/configuration", Answer.json(200, CONFIGURATION));

        Cli.Run run = cli.run("operator", "raft", "list-peers");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("Node      Address                    State       Voter\n"
                + "----      -------                    -----       -----\n"
                + "vault2    vault2.example.com:8201    leader      true\n"
                + "vault1    vault1.example.com:8201    follower    true\n");
        assertThat(vault.last().header("X-vault-token")).isEqualTo("hvs.root");
    }

    @Test
    void listPeersWithoutConfigurationIsExitTwo() {
        Cli.Run run = cli.run("operator", "raft", "list-peers");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("No raft cluster configuration found\n");
    }

    @Test
    void removePeerSendsTheServerId() {
        vault.on("PUT /v1/sys/storage/raft/remove-peer", Answer.noContent());

        Cli.Run run = cli.run("operator", "raft", "remove-peer", "vault3");

        assertThat(run.out()).isEqualTo("Peer removed successfully!\n");
        assertThat(vault.last().text()).isEqualTo("{\"server_id\":\"vault3\"}");
    }

    @Test
    void snapshotSaveStreamsToAnOwnerOnlyFileAndChecksTheSealedSums() throws Exception {
        byte[] snapshot = SnapshotBytes.snapshot("sealed-bytes");
        vault.on("GET /v1/sys/storage/raft/snapshot", new Answer(200, Map.of("Content-Type", "application/gzip"),
                snapshot));
        Path file = dir.resolve("backup.snap");

        Cli.Run run = cli.run("operator", "raft", "snapshot", "save", file.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(snapshot);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void snapshotWithoutSealedSumsIsIncomplete() {
        vault.on("GET /v1/sys/storage/raft/snapshot", new Answer(200, Map.of(), SnapshotBytes.snapshot(null)));

        Cli.Run missing = cli.run("operator", "raft", "snapshot", "save", dir.resolve("a.snap").toString());
        vault.on("GET /v1/sys/storage/raft/snapshot", new Answer(200, Map.of(), SnapshotBytes.snapshot("")));
        Cli.Run empty = cli.run("operator", "raft", "snapshot", "save", dir.resolve("b.snap").toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("Error taking the snapshot: incomplete snapshot, unable to read "
                + "SHA256SUMS.sealed file\n");
        assertThat(empty.exitCode()).isEqualTo(2);
    }

    @Test
    void snapshotSaveFollowsOneRedirectAndErrorsCreateNoFile() throws Exception {
        try (FakeVault active = new FakeVault()) {
            active.on("GET /v1/sys/storage/raft/snapshot", new Answer(200, Map.of(), SnapshotBytes.snapshot("x")));
            vault.on("GET /v1/sys/storage/raft/snapshot", new Answer(307,
                    Map.of("Location", active.address() + "/v1/sys/storage/raft/snapshot"), new byte[0]));

            Cli.Run redirected = cli.run("operator", "raft", "snapshot", "save", dir.resolve("r.snap").toString());

            assertThat(redirected.exitCode()).as(redirected.toString()).isZero();
            assertThat(active.last().header("X-vault-token")).isEqualTo("hvs.root");
        }
        vault.on("GET /v1/sys/storage/raft/snapshot", Answer.json(503, "{\"errors\":[\"Vault is sealed\"]}"));
        Cli.Run sealed = cli.run("operator", "raft", "snapshot", "save", dir.resolve("s.snap").toString());
        assertThat(sealed.exitCode()).isEqualTo(2);
        assertThat(sealed.err()).startsWith("Error taking the snapshot: Error making API request.");
        assertThat(vault.received().stream().filter(r -> r.method().equals("GET")).count()).isEqualTo(2);
        assertThat(dir.resolve("s.snap")).doesNotExist();
    }

    @Test
    void snapshotRestoreForcePostsTheRawFile() throws Exception {
        vault.on("POST /v1/sys/storage/raft/snapshot-force", Answer.noContent());
        vault.on("POST /v1/sys/storage/raft/snapshot", Answer.json(400, "{\"errors\":[\"could not verify hash "
                + "file, possibly the snapshot is using a different set of unseal keys\"]}"));
        byte[] snapshot = SnapshotBytes.snapshot("sealed");
        Path file = Files.write(dir.resolve("backup.snap"), snapshot);

        Cli.Run forced = cli.run("operator", "raft", "snapshot", "restore", "-force", file.toString());
        FakeVault.Received request = vault.last();
        Cli.Run checked = cli.run("operator", "raft", "snapshot", "restore", file.toString());

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).isEmpty();
        assertThat(request.body()).isEqualTo(snapshot);
        assertThat(request.header("Content-type")).isNull();
        assertThat(checked.exitCode()).isEqualTo(2);
        assertThat(checked.err()).startsWith("Error installing the snapshot: Error making API request.")
                .contains("different set of unseal keys");
    }

    @Test
    void stepDownAndAutopilotState() {
        vault.on("PUT /v1/sys/step-down", Answer.noContent());
        vault.on("GET /v1/sys/storage/raft/autopilot/state", Answer.json(200, "{\"data\":{\"healthy\":true,"
                + "\"failure_tolerance\":1,\"leader\":\"vault2\",\"voters\":[\"vault1\",\"vault2\"],\"servers\":{"
                + "\"vault2\":{\"id\":\"vault2\",\"name\":\"vault2\",\"address\":\"vault2:8201\",\"node_status\":"
                + "\"alive\",\"last_contact\":\"0s\",\"last_term\":3,\"last_index\":459,\"healthy\":true,"
                + "\"status\":\"leader\",\"version\":\"1.15.6\"}}}}"));

        Cli.Run stepDown = cli.run("operator", "step-down");
        Cli.Run state = cli.run("operator", "raft", "autopilot", "state");

        assertThat(stepDown.out()).isEqualTo("Success! Stepped down: " + vault.address() + "\n");
        assertThat(state.out()).startsWith("Healthy:                         true\n"
                + "Failure Tolerance:               1\nLeader:                          vault2\n"
                + "Voters:\n   vault1\n   vault2\nServers:\n   vault2\n      Name:              vault2\n"
                + "      Address:           vault2:8201\n      Status:            leader\n");
    }
}
