package io.coffer.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.api.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vault operator raft snapshot save/restore} against a real node (vault-api.md §3.6): a snapshot taken
 * during a write loop is one consistent point; restoring it brings back exactly that state and drops later
 * writes; a snapshot from another cluster needs snapshot-force and then seals the node until it is unsealed
 * with that cluster's key.
 */
class SnapshotRestoreTest {

    private static final Pattern LOOP_KEY = Pattern.compile(".*/loop-(\\d+)$");

    @TempDir
    Path dir;

    private final List<SnapshotNode> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(SnapshotNode::close);
    }

    private SnapshotNode start(String id) {
        SnapshotNode node = SnapshotNode.start(dir, id);
        nodes.add(node);
        assertThat(node.call("POST", "sys/mounts/secret", "{\"type\":\"kv\"}").status()).isEqualTo(204);
        return node;
    }

    private static void put(SnapshotNode node, String path, String value) {
        SnapshotNode.Result r = node.call("PUT", "secret/" + path, "{\"value\":\"" + value + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(204);
    }

    private static String read(SnapshotNode node, String path) {
        SnapshotNode.Result r = node.call("GET", "secret/" + path, null);
        return r.status() == 200 ? r.json().at("/data/value").asText() : "<" + r.status() + ">";
    }

    @Test
    void snapshotDuringWritesIsConsistentAndRestoreBringsBackExactlyThatState() throws Exception {
        SnapshotNode node = start("n1");
        put(node, "kept", "before");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Thread loop = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                put(node, "loop-" + i, "v" + i);
                written.set(i + 1);
            }
        });
        loop.start();
        while (written.get() < 30) {
            Thread.sleep(5);
        }
        byte[] archive = node.save();
        int atSave = written.get();
        while (written.get() < atSave + 30) {
            Thread.sleep(5);
        }
        stop.set(true);
        loop.join();

        Map<String, String> snapshotState = Archives.state(archive);
        List<Integer> loopKeys = new ArrayList<>();
        snapshotState.keySet().forEach(k -> {
            Matcher m = LOOP_KEY.matcher(k);
            if (m.matches()) {
                loopKeys.add(Integer.parseInt(m.group(1)));
            }
        });
        loopKeys.sort(null);
        assertThat(loopKeys).as("a consistent point of a sequential writer has no gaps").isNotEmpty()
                .containsExactlyElementsOf(IntStream.range(0, loopKeys.size()).boxed().toList());
        JsonNode meta = Json.parse(Archives.members(archive).get(SnapshotArchive.META));
        assertThat(meta.get("Index").asLong()).isPositive();
        assertThat(meta.get("Size").asLong()).isEqualTo(Archives.members(archive).get("state.bin").length);

        put(node, "kept", "after");
        put(node, "later", "x");
        SnapshotNode.Result restored = node.restore(archive, false);

        assertThat(restored.status()).as(restored.text()).isEqualTo(204);
        assertThat(node.state()).isEqualTo(withoutRegistry(snapshotState));
        assertThat(read(node, "kept")).isEqualTo("before");
        assertThat(read(node, "later")).isEqualTo("<404>");
        assertThat(read(node, "loop-0")).isEqualTo("v0");
        assertThat(node.node().seal().sealed()).isFalse();
        put(node, "after-restore", "ok");
        assertThat(read(node, "after-restore")).isEqualTo("ok");
        try (Stream<Path> scratch = Files.list(node.raft().scratchDir())) {
            assertThat(scratch).as("upload and export copies are removed").isEmpty();
        }
    }

    private static SnapshotNode.Result unseal(SnapshotNode node, byte[] key) {
        return node.send("PUT", "sys/unseal", null, ("{\"key\":\"" + HexFormat.of().formatHex(key) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> withoutRegistry(Map<String, String> state) {
        Map<String, String> copy = new TreeMap<>(state);
        copy.keySet().removeIf(k -> k.startsWith("core/nodes/"));
        return copy;
    }

    @Test
    void snapshotOfAnotherClusterNeedsForceThenSealsUntilUnsealedWithThatClustersKey() {
        SnapshotNode a = start("node-a");
        SnapshotNode b = start("node-b");
        put(a, "origin", "cluster-a");
        put(b, "origin", "cluster-b");
        byte[] archive = a.save();
        Map<String, String> before = b.state();

        SnapshotNode.Result refused = b.restore(archive, false);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).asText()).isEqualTo(SnapshotVerifier.FOREIGN_KEYS);
        assertThat(b.state()).isEqualTo(before);

        SnapshotNode.Result forced = b.restore(archive, true);

        assertThat(forced.status()).as(forced.text()).isEqualTo(204);
        assertThat(b.node().seal().sealed()).as("keys of another cluster seal the node").isTrue();
        assertThat(b.call("GET", "secret/origin", null).status()).isEqualTo(503);
        assertThat(unseal(b, b.unsealKey()).status()).as("its own key no longer opens it").isEqualTo(400);
        SnapshotNode.Result unsealed = unseal(b, a.unsealKey());
        assertThat(unsealed.status()).as(unsealed.text()).isEqualTo(200);
        assertThat(unsealed.json().get("sealed").asBoolean()).isFalse();
        SnapshotNode.Result served = b.send("GET", "secret/origin", a.rootToken(), new byte[0]);
        assertThat(served.status()).as(served.text()).isEqualTo(200);
        assertThat(served.json().at("/data/value").asText()).isEqualTo("cluster-a");
        assertThat(b.send("GET", "secret/origin", b.rootToken(), new byte[0]).status()).isEqualTo(403);
    }
}
