package io.coffer.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged archives are refused with Vault's errors before anything is touched (vault-api.md §3.6): the data is
 * unchanged afterwards and no uploaded copy is left behind, forced or not.
 */
class RefusedSnapshotTest {

    @TempDir
    Path dir;

    private SnapshotNode node;
    private byte[] archive;
    private Map<String, String> before;

    @BeforeEach
    void start() {
        node = SnapshotNode.start(dir, "n1");
        node.call("POST", "sys/mounts/secret", "{\"type\":\"kv\"}");
        node.call("PUT", "secret/a", "{\"value\":\"1\"}");
        archive = node.save();
        node.call("PUT", "secret/b", "{\"value\":\"2\"}");
        before = node.state();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private void assertRefused(byte[] bad, int status, String error) throws Exception {
        for (boolean force : new boolean[] {false, true}) {
            SnapshotNode.Result r = node.restore(bad, force);
            assertThat(r.status()).as(r.text()).isEqualTo(status);
            assertThat(r.json().get("errors").get(0).asText()).isEqualTo(error);
            assertThat(node.state()).as("nothing changed").isEqualTo(before);
        }
        try (Stream<Path> scratch = Files.list(node.raft().scratchDir())) {
            assertThat(scratch).isEmpty();
        }
        assertThat(node.node().seal().sealed()).isFalse();
    }

    private Map<String, byte[]> members() {
        return new LinkedHashMap<>(Archives.members(archive));
    }

    @Test
    void truncatedArchiveIsRefused() throws Exception {
        assertRefused(Arrays.copyOf(archive, archive.length / 2), 500, SnapshotVerifier.INTEGRITY);
        assertRefused(Arrays.copyOf(archive, archive.length - 9), 500, SnapshotVerifier.INTEGRITY);
    }

    @Test
    void corruptedBytesAreRefused() throws Exception {
        byte[] flipped = archive.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        assertRefused(flipped, 500, SnapshotVerifier.INTEGRITY);
        assertRefused("not a snapshot".getBytes(StandardCharsets.UTF_8), 500, SnapshotVerifier.INTEGRITY);
        assertRefused(new byte[0], 500, SnapshotVerifier.INTEGRITY);
    }

    @Test
    void stateThatDoesNotMatchItsHashIsRefused() throws Exception {
        Map<String, byte[]> m = members();
        byte[] state = m.get(SnapshotArchive.STATE).clone();
        state[state.length - 1] ^= 1;
        m.put(SnapshotArchive.STATE, state);
        assertRefused(Archives.pack(m), 500, SnapshotVerifier.INTEGRITY);
    }

    @Test
    void missingOrUnexpectedMembersAreRefused() throws Exception {
        Map<String, byte[]> extra = members();
        extra.put("evil.txt", "x".getBytes(StandardCharsets.UTF_8));
        assertRefused(Archives.pack(extra), 500, "unexpected file \"evil.txt\" in snapshot");
        Map<String, byte[]> missing = members();
        missing.remove(SnapshotArchive.SEALED_SUMS);
        assertRefused(Archives.pack(missing), 500, SnapshotVerifier.INTEGRITY);
    }

    @Test
    void recomputedHashesWithoutTheSealedCopyNeedForce() throws Exception {
        Map<String, byte[]> m = members();
        byte[] meta = "{\"Version\":1}".getBytes(StandardCharsets.UTF_8);
        m.put(SnapshotArchive.META, meta);
        m.put(SnapshotArchive.SUMS, SnapshotArchive.sums(SnapshotArchive.sha256().digest(meta),
                SnapshotArchive.sha256().digest(m.get(SnapshotArchive.STATE))));
        SnapshotNode.Result r = node.restore(Archives.pack(m), false);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).asText()).isEqualTo(SnapshotVerifier.FOREIGN_KEYS);
        assertThat(node.state()).isEqualTo(before);
    }
}
