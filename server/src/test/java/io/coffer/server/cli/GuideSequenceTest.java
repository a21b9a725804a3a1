package io.coffer.server.cli;

import static io.coffer.server.testing.InProcessCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.server.testing.InProcessCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's command sequence with {@code coffer} in place of {@code vault}, against three real nodes: init on
 * node 2, unseal, raft join of nodes 1 and 3 while sealed, unseal, list-peers, kv put/get, snapshot save and
 * restore -force, a periodic admin token, the file audit device — checking outputs and exit codes.
 */
class GuideSequenceTest {

    @TempDir
    Path dir;

    private InProcessCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Cli cli(String node) {
        return new Cli(cluster.apiAddr(node), dir);
    }

    @Test
    void guideCommandsWorkWithCoffer() throws Exception {
        cluster = new InProcessCluster(dir.resolve("nodes"));
        cluster.start("node2", "127.0.0.12");
        cluster.start("node1", "127.0.0.11");
        cluster.start("node3", "127.0.0.13");

        Cli.Run init = cli("node2").run("operator", "init", "-format=json");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        JsonNode keys = new ObjectMapper().readTree(init.out());
        assertThat(keys.path("unseal_keys_b64")).hasSize(5);
        assertThat(keys.path("unseal_threshold").asInt()).isEqualTo(3);
        String root = keys.path("root_token").asText();
        List<String> shares = new ArrayList<>();
        keys.path("unseal_keys_b64").forEach(k -> shares.add(k.asText()));

        assertThat(cli("node2").run("status").exitCode()).isEqualTo(2);
        unseal("node2", shares);
        assertThat(cli("node2").run("status").exitCode()).isZero();

        for (String node : List.of("node1", "node3")) {
            Cli.Run join = cli(node).run("operator", "raft", "join", cluster.apiAddr("node2"));
            assertThat(join.exitCode()).as(join.toString()).isZero();
            assertThat(join.out()).contains("Joined").contains("true");
            Cli.Run sealedStatus = cli(node).run("status");
            assertThat(sealedStatus.exitCode()).isEqualTo(2);
            assertThat(sealedStatus.out()).contains("Total Shares").contains("5");
            unseal(node, shares);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> cli(node).run("status").exitCode() == 0);
        }

        Cli.Run peers = cli("node2").token(root).run("operator", "raft", "list-peers");
        assertThat(peers.exitCode()).as(peers.toString()).isZero();
        assertThat(peers.out()).contains("node1").contains("node2").contains("node3").contains("leader")
                .contains("follower");
        assertThat(peers.lines().stream().filter(l -> l.endsWith("true")).count()).isEqualTo(3);

        Cli admin = cli("node2").token(root);
        assertThat(admin.run("secrets", "enable", "-path=secret", "kv-v2").exitCode()).isZero();
        assertThat(admin.run("kv", "put", "secret/test", "foo=bar").exitCode()).isZero();
        Cli.Run get = cli("node1").token(root).run("kv", "get", "-field=foo", "secret/test");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out().trim()).isEqualTo("bar");

        Path snap = dir.resolve("backup.snap");
        Cli.Run save = admin.run("operator", "raft", "snapshot", "save", snap.toString());
        assertThat(save.exitCode()).as(save.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(snap)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(admin.run("kv", "put", "secret/test", "foo=changed").exitCode()).isZero();
        Cli.Run restore = admin.run("operator", "raft", "snapshot", "restore", "-force", snap.toString());
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(cli("node3").token(root).run("kv", "get", "-field=foo", "secret/test").out().trim())
                        .isEqualTo("bar"));

        Cli.Run token = admin.run("token", "create", "-policy=admin", "-period=768h");
        assertThat(token.exitCode()).as(token.toString()).isZero();
        assertThat(token.out()).containsPattern("\ntoken_duration +768h\n")
                .containsPattern("\ntoken_renewable +true\n")
                .containsPattern("\ntoken_policies +\\[\"admin\" \"default\"]\n");

        Path auditLog = dir.resolve("audit.log");
        Cli.Run audit = admin.run("audit", "enable", "file", "file_path=" + auditLog);
        assertThat(audit.exitCode()).as(audit.toString()).isZero();
        assertThat(audit.out()).contains("Success! Enabled the file audit device at: file/");
        assertThat(cli("node1").token(root).run("kv", "get", "secret/test").exitCode()).isZero();
        assertThat(Files.readString(auditLog)).contains("secret/data/test");
    }

    private void unseal(String node, List<String> shares) {
        for (int i = 0; i < 3; i++) {
            Cli.Run run = cli(node).run("operator", "unseal", shares.get(i));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Seal Type").doesNotContain(shares.get(i));
        }
    }
}
