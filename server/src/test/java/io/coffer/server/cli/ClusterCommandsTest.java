package io.coffer.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's cluster and backup commands against one real node (the three-node join sequence lives in the
 * lead's cluster test): {@code list-peers} shows the node as leader, {@code autopilot state} prints the pretty
 * layout, {@code snapshot save} writes a verified 0600 archive that {@code snapshot restore} puts back.
 */
class ClusterCommandsTest {

    @TempDir
    static Path dir;

    @TempDir
    static Path home;

    private static UnsealedNode node;

    @BeforeAll
    static void start() {
        node = UnsealedNode.start(dir.resolve("data"), home);
        node.cli().run("secrets", "enable", "-path=secret", "kv-v2");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void listPeersShowsTheSingleNodeAsLeaderVoter() {
        Cli.Run run = node.cli().run("operator", "raft", "list-peers");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).matches("Node +Address +State +Voter");
        assertThat(run.lines().get(2)).matches("node1 +127\\.0\\.0\\.1:\\d+ +leader +true");
    }

    @Test
    void autopilotStateIsPrettyByDefault() {
        Cli.Run run = node.cli().run("operator", "raft", "autopilot", "state");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Healthy:").contains("\nLeader:                          node1\n",
                "\nServers:\n   node1\n      Name:              node1\n");
    }

    @Test
    void joinOnAnInitializedNodeIsANoOpThatReportsJoined() {
        Cli.Run run = node.cli().run("operator", "raft", "join", "http://127.0.0.1:1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.lines()).containsExactly("Key       Value", "---       -----", "Joined    true");
    }

    @Test
    void snapshotSaveThenRestoreBringsBackTheOldValue() throws Exception {
        Cli cli = node.cli();
        cli.run("kv", "put", "secret/backup", "v=1");
        Path file = dir.resolve("backup.snap");

        Cli.Run save = cli.run("operator", "raft", "snapshot", "save", file.toString());
        cli.run("kv", "put", "secret/backup", "v=2");
        Cli.Run restore = cli.run("operator", "raft", "snapshot", "restore", file.toString());

        assertThat(save.exitCode()).as(save.toString()).isZero();
        assertThat(save.out()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(SnapshotArchive.hasSealedChecksums(file)).isTrue();
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(node.cli().run("kv", "get", "-field=v", "secret/backup").out()).isEqualTo("1"));
    }

    @Test
    void restoreOfAnArchiveThatIsNotASnapshotIsRefused() throws Exception {
        Path junk = Files.write(dir.resolve("junk.snap"), SnapshotBytes.gzip("not a tar".getBytes()));

        Cli.Run run = node.cli().run("operator", "raft", "snapshot", "restore", "-force", junk.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error installing the snapshot: Error making API request.\n\nURL: POST "
                + node.address() + "/v1/sys/storage/raft/snapshot-force\n");
    }
}
