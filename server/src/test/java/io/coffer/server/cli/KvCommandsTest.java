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
 * {@code secrets enable} and the {@code kv} family on one unsealed node, on a KV v2 mount ({@code secret/}, paths
 * built as {@code secret/data/...} after the {@code sys/internal/ui/mounts} preflight) and on a KV v1 mount
 * ({@code kv/}, paths used as given), with the CLI's headers, tables and exit codes.
 */
class KvCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @TempDir
    static Path home;

    private static UnsealedNode node;

    @BeforeAll
    static void startWithMounts() {
        node = UnsealedNode.start(dir, home);
        assertThat(node.cli().run("secrets", "enable", "-path=secret", "kv-v2").out())
                .isEqualTo("Success! Enabled the kv-v2 secrets engine at: secret/\n");
        assertThat(node.cli().run("secrets", "enable", "-path=kv", "kv").exitCode()).isZero();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void secretsListShowsBothMountsAsTheCliTable() {
        Cli.Run run = node.cli().run("secrets", "list");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.lines().get(0)).matches("Path +Type +Accessor +Description");
        assertThat(run.lines().get(1)).matches("-+ +-+ +-+ +-+");
        assertThat(run.out()).containsPattern("\nsecret/ +kv +kv_[0-9a-f]{8} +n/a\n")
                .containsPattern("\nkv/ +kv +kv_").containsPattern("\nsys/ +system +system_");
    }

    @Test
    void v2PutPrintsSecretPathAndMetadataThenGetPrintsData() {
        Cli.Run put = node.cli().run("kv", "put", "secret/app", "password=s3cr3t", "user=app");
        Cli.Run get = node.cli().run("kv", "get", "secret/app");

        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(put.lines()).startsWith("= Secret Path =", "secret/data/app", "======= Metadata =======",
                "Key                Value", "---                -----");
        assertThat(put.out()).containsPattern("\nversion +1\n").containsPattern("\ndestroyed +false\n")
                .containsPattern("\ncustom_metadata +<nil>\n").containsPattern("\ndeletion_time +n/a\n");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out()).contains("= Secret Path =\nsecret/data/app\n\n======= Metadata =======\n")
                .contains("\n====== Data ======\nKey         Value\n---         -----\npassword    s3cr3t\n"
                        + "user        app\n");
    }

    @Test
    void v2FieldJsonAndVersionFlags() throws Exception {
        node.cli().run("kv", "put", "secret/fields", "a=1");
        node.cli().run("kv", "put", "secret/fields", "a=2");

        Cli.Run field = node.cli().run("kv", "get", "-field=a", "secret/fields");
        Cli.Run old = node.cli().run("kv", "get", "-version=1", "-format=json", "secret/fields");
        Cli.Run mountFlag = node.cli().run("kv", "get", "-mount=secret", "-field=a", "fields");

        assertThat(field.out()).isEqualTo("2");
        JsonNode json = JSON.readTree(old.out());
        assertThat(json.path("data").path("data").path("a").asText()).isEqualTo("1");
        assertThat(json.path("data").path("metadata").path("version").asInt()).isEqualTo(1);
        assertThat(json.path("mount_type").asText()).isEqualTo("kv");
        assertThat(mountFlag.out()).isEqualTo("2");
    }

    @Test
    void v2PatchMergesAndCasMismatchIsARemoteError() {
        node.cli().run("kv", "put", "secret/patched", "a=1", "b=2");

        Cli.Run patch = node.cli().run("kv", "patch", "secret/patched", "b=3", "c=4");
        Cli.Run removed = node.cli().run("kv", "patch", "-remove-data=a", "secret/patched");
        Cli.Run cas = node.cli().run("kv", "put", "-cas=1", "secret/patched", "x=y");

        assertThat(patch.exitCode()).as(patch.toString()).isZero();
        assertThat(patch.out()).containsPattern("\nversion +2\n");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(node.cli().run("kv", "get", "-format=json", "secret/patched").out())
                .contains("\"b\": \"3\"", "\"c\": \"4\"").doesNotContain("\"a\"");
        assertThat(cas.exitCode()).isEqualTo(2);
        assertThat(cas.err()).startsWith("Error writing data to secret/data/patched: Error making API request.")
                .contains("check-and-set parameter did not match the current version");
    }

    @Test
    void v2DeleteUndeleteDestroyAndMetadata() {
        Cli cli = node.cli();
        cli.run("kv", "put", "secret/life", "k=v");

        Cli.Run delete = cli.run("kv", "delete", "secret/life");
        Cli.Run deletedGet = cli.run("kv", "get", "secret/life");
        Cli.Run undelete = cli.run("kv", "undelete", "-versions=1", "secret/life");
        Cli.Run restored = cli.run("kv", "get", "-field=k", "secret/life");
        Cli.Run destroy = cli.run("kv", "destroy", "-versions", "1", "secret/life");
        Cli.Run metadata = cli.run("kv", "metadata", "get", "secret/life");

        assertThat(delete.out()).isEqualTo("Success! Data deleted (if it existed) at: secret/data/life\n");
        assertThat(deletedGet.exitCode()).isZero();
        assertThat(deletedGet.out()).contains("Metadata").doesNotContain("Data ==");
        assertThat(deletedGet.out()).containsPattern("\ndeletion_time +\\d{4}-");
        assertThat(undelete.out()).isEqualTo("Success! Data written to: secret/undelete/life\n");
        assertThat(restored.out()).isEqualTo("v");
        assertThat(destroy.out()).isEqualTo("Success! Data written to: secret/destroy/life\n");
        assertThat(metadata.exitCode()).as(metadata.toString()).isZero();
        assertThat(metadata.out()).startsWith("=== Metadata Path ===\nsecret/metadata/life\n\n")
                .containsPattern("\ncurrent_version +1\n").contains("\n\n====== Version 1 ======\n")
                .containsPattern("\ndestroyed +true\n");
    }

    @Test
    void metadataPutAndDeleteThenGetFindsNothing() {
        Cli cli = node.cli();
        cli.run("kv", "put", "secret/meta", "k=v");

        Cli.Run put = cli.run("kv", "metadata", "put", "-max-versions=5", "-custom-metadata=owner=ops",
                "-delete-version-after=1h", "secret/meta");
        Cli.Run read = cli.run("kv", "metadata", "get", "secret/meta");
        Cli.Run delete = cli.run("kv", "metadata", "delete", "secret/meta");
        Cli.Run gone = cli.run("kv", "get", "secret/meta");

        assertThat(put.out()).isEqualTo("Success! Data written to: secret/metadata/meta\n");
        assertThat(read.out()).containsPattern("\nmax_versions +5\n")
                .containsPattern("\ncustom_metadata +map\\[owner:ops]")
                .containsPattern("\ndelete_version_after +1h0m0s\n");
        assertThat(delete.out()).isEqualTo("Success! Data deleted (if it existed) at: secret/metadata/meta\n");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("No value found at secret/data/meta\n");
    }

    @Test
    void listOnV2UsesMetadataAndEmptyFolderIsExitTwo() {
        node.cli().run("kv", "put", "secret/list/one", "a=b");
        node.cli().run("kv", "put", "secret/list/two/deep", "a=b");

        Cli.Run list = node.cli().run("kv", "list", "secret/list");
        Cli.Run json = node.cli().run("kv", "list", "-format=json", "secret/list/");
        Cli.Run empty = node.cli().run("kv", "list", "secret/nothing");

        assertThat(list.out()).isEqualTo("Keys\n----\none\ntwo/\n");
        assertThat(json.out()).isEqualTo("[\n  \"one\",\n  \"two/\"\n]\n");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("No value found at secret/metadata/nothing\n");
    }

    @Test
    void v1MountUsesPathsAsGivenAndRefusesMetadata() {
        Cli cli = node.cli();

        Cli.Run put = cli.run("kv", "put", "kv/db", "user=app", "pass=pw");
        Cli.Run get = cli.run("kv", "get", "kv/db");
        Cli.Run list = cli.run("kv", "list", "kv");
        Cli.Run metadata = cli.run("kv", "metadata", "get", "kv/db");
        Cli.Run undelete = cli.run("kv", "undelete", "-versions=1", "kv/db");
        Cli.Run delete = cli.run("kv", "delete", "-mount=kv", "db");

        assertThat(put.out()).isEqualTo("Success! Data written to: kv/db\n");
        assertThat(get.out()).isEqualTo("==== Data ====\nKey     Value\n---     -----\npass    pw\nuser    app\n");
        assertThat(list.out()).isEqualTo("Keys\n----\ndb\n");
        assertThat(metadata.exitCode()).isEqualTo(1);
        assertThat(metadata.err()).isEqualTo("Metadata not supported on KV Version 1\n");
        assertThat(undelete.err()).isEqualTo("Undelete not supported on KV Version 1\n");
        assertThat(delete.out()).isEqualTo("Success! Data deleted (if it existed) at: kv/db\n");
        assertThat(cli.run("kv", "get", "kv/db").exitCode()).isEqualTo(2);
    }

    @Test
    void dataComesFromFilesAndStdin() throws Exception {
        Path file = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN X-----\n");

        Cli.Run fromFile = node.cli().run("kv", "put", "secret/files", "cert=@" + file, "at=\\@literal");
        Cli.Run fromStdin = node.cli().runWithStdin("{\"n\":1,\"nested\":{\"x\":true}}", "kv", "put",
                "secret/stdin", "-");

        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(node.cli().run("kv", "get", "-field=cert", "secret/files").out()).isEqualTo("-----BEGIN X-----\n");
        assertThat(node.cli().run("kv", "get", "-field=at", "secret/files").out()).isEqualTo("@literal");
        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isZero();
        assertThat(node.cli().run("kv", "get", "secret/stdin").out()).containsPattern("\nnested +map\\[x:true]\n")
                .containsPattern("\nn +1\n");
    }

    @Test
    void argumentMistakesAreExitOneWithTheCliMessages() {
        Cli.Run noData = node.cli().run("kv", "put", "secret/x");
        Cli.Run noPath = node.cli().run("kv", "get");
        Cli.Run badData = node.cli().run("kv", "put", "secret/x", "novalue");
        Cli.Run noVersions = node.cli().run("kv", "destroy", "secret/x");

        assertThat(noData.exitCode()).isEqualTo(1);
        assertThat(noData.err()).isEqualTo("Must supply data\n");
        assertThat(noPath.err()).isEqualTo("Not enough arguments (expected 1, got 0)\n");
        assertThat(badData.err()).isEqualTo("Failed to parse K=V data: format must be key=value\n");
        assertThat(noVersions.err()).isEqualTo("No versions provided, use the \"-versions\" flag to specify the "
                + "version to destroy.\n");
    }

    @Test
    void preflightDenialIsPrintedRawWithExitTwo() {
        Cli.Run run = node.cli().token(null).run("kv", "get", "secret/app");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error making API request.\n\nURL: GET " + node.address()
                + "/v1/sys/internal/ui/mounts/secret/app\nCode: 403.");
    }
}
