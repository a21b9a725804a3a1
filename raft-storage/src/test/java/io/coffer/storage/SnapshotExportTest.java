package io.coffer.storage;

import static io.coffer.storage.TestNodes.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export is a consistent point-in-time copy at one applied index, unaffected by writes that follow it. */
class SnapshotExportTest {

    @TempDir
    Path dir;

    private RaftStorage node;

    @AfterEach
    void close() {
        if (node != null) {
            node.close();
        }
    }

    private static Map<String, String> read(SnapshotExport export) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        export.forEach((key, value) -> out.put(key, new String(value, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void exportIsAConsistentCopyWhileWritesContinue() throws IOException {
        RaftNodeConfig cfg = TestNodes.config(dir, "e1", "127.0.0.12").build();
        node = RaftStorage.bootstrap(cfg);
        for (int i = 0; i < 50; i++) {
            put(node, "k/" + i, "v" + i);
        }
        long index = node.status().appliedIndex();

        try (SnapshotExport export = node.openExport()) {
            put(node, "k/0", "changed");
            node.txn(Txn.builder().deletePrefix("k/1").build()).join();
            put(node, "later", "x");

            Map<String, String> first = read(export);
            assertThat(first).hasSize(50).containsEntry("k/0", "v0").doesNotContainKey("later");
            assertThat(read(export)).as("a second pass sees the same").isEqualTo(first);
            assertThat(export.index()).isBetween(index - 1, index);
            assertThat(export.term()).isPositive();
            assertThat(export.peers()).extracting(StorageStatus.Peer::id).containsExactly("e1");
        }
        try (Stream<Path> left = Files.list(cfg.scratchDir())) {
            assertThat(left).as("closing deletes the copy").isEmpty();
        }
        assertThat(node.get("k/0").orElseThrow().value()).isEqualTo("changed".getBytes(StandardCharsets.UTF_8));
    }
}
