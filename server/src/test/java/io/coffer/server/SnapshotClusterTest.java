package io.coffer.server;

import static io.coffer.server.testing.InProcessCluster.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coffer.server.testing.InProcessCluster;
import io.coffer.server.testing.VaultHttp;
import io.coffer.server.testing.VaultHttp.BinaryReply;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's backups on three nodes: a snapshot saved while a write loop runs on a standby, restored into the
 * same cluster through Raft; afterwards every node holds exactly the snapshot's secrets (compared with the keys
 * in the archive's state.bin) and writes made after the snapshot are gone.
 */
class SnapshotClusterTest {

    private static final List<String> NODES = List.of("node1", "node2", "node3");

    @TempDir
    Path dir;

    private InProcessCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void restoreBringsEveryNodeBackToTheSnapshot() throws Exception {
        cluster = new InProcessCluster(dir.resolve("nodes"));
        VaultHttp node1 = cluster.start("node1", "127.0.0.11");
        List<String> keys = InProcessCluster.init(node1);
        String root = keys.get(5);
        InProcessCluster.unseal(node1, keys, 0, 1, 2);
        InProcessCluster.awaitUnsealed(node1);
        for (String id : List.of("node2", "node3")) {
            VaultHttp http = cluster.start(id, id.equals("node2") ? "127.0.0.12" : "127.0.0.13");
            assertThat(InProcessCluster.join(http, cluster.apiAddr("node1")).status()).isEqualTo(200);
            InProcessCluster.unseal(http, keys, 2, 3, 4);
            InProcessCluster.awaitUnsealed(http);
        }
        String active = cluster.awaitActive(NODES);
        String standby = NODES.stream().filter(n -> !n.equals(active)).findFirst().orElseThrow();
        assertThat(cluster.http(active).token(root).post("sys/mounts/kv", "{\"type\":\"kv\"}").status())
                .isEqualTo(204);

        Set<String> acked = new ConcurrentSkipListSet<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread loop = new Thread(() -> {
            VaultHttp http = cluster.http(standby).token(root);
            for (int i = 0; writing.get(); i++) {
                if (http.put("kv/loop/" + i, "{\"v\":\"" + i + "\"}").status() == 204) {
                    acked.add("loop/" + i);
                }
            }
        });
        loop.start();
        await().atMost(WAIT).until(() -> acked.size() >= 50);
        Set<String> beforeSave = new TreeSet<>(acked);
        BinaryReply snapshot = cluster.http(active).token(root).sendBytes("GET", "sys/storage/raft/snapshot", null);
        assertThat(snapshot.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> acked.size() >= beforeSave.size() + 20);
        writing.set(false);
        loop.join(10_000);
        assertThat(cluster.http(standby).token(root).put("kv/after", "{\"v\":\"x\"}").status()).isEqualTo(204);

        Set<String> inSnapshot = kvKeys(snapshot.body());
        assertThat(inSnapshot).containsAll(beforeSave).doesNotContain("after");
        assertThat(acked).isNotEqualTo(inSnapshot);

        BinaryReply restored = cluster.http(active).token(root)
                .sendBytes("POST", "sys/storage/raft/snapshot", snapshot.body());
        assertThat(restored.status()).isEqualTo(204);
        for (String node : NODES) {
            VaultHttp http = cluster.http(node).token(root);
            await().atMost(WAIT).until(() -> http.get("kv/after").status() == 404);
            Set<String> listed = new TreeSet<>();
            http.list("kv/loop").data().path("keys").forEach(k -> listed.add("loop/" + k.asText()));
            assertThat(listed).as(node).isEqualTo(inSnapshot);
        }
    }

    /** The KV v1 keys (below the mount's {@code v1/} prefix) found in the archive's state.bin. */
    private static Set<String> kvKeys(byte[] archive) throws IOException {
        byte[] state = tarMember(new GZIPInputStream(new ByteArrayInputStream(archive)), "state.bin");
        Set<String> keys = new TreeSet<>();
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
        while (in.available() > 0) {
            byte[] record = new byte[(int) varint(in)];
            in.readFully(record);
            DataInputStream fields = new DataInputStream(new ByteArrayInputStream(record));
            int tag = fields.readUnsignedByte();
            assertThat(tag).isEqualTo(0x0A);
            byte[] key = new byte[(int) varint(fields)];
            fields.readFully(key);
            String physical = new String(key, StandardCharsets.UTF_8);
            int v1 = physical.indexOf("/v1/loop/");
            if (physical.startsWith("logical/") && v1 > 0) {
                keys.add(physical.substring(v1 + 4));
            }
        }
        return keys;
    }

    private static byte[] tarMember(InputStream tar, String name) throws IOException {
        while (true) {
            byte[] header = tar.readNBytes(512);
            assertThat(header).hasSize(512);
            String member = new String(header, 0, 100, StandardCharsets.US_ASCII).trim().replace("\0", "");
            long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).trim()
                    .replace("\0", ""), 8);
            byte[] body = tar.readNBytes((int) size);
            tar.readNBytes((int) ((512 - size % 512) % 512));
            if (member.equals(name)) {
                return body;
            }
            assertThat(member).isNotEmpty();
        }
    }

    private static long varint(DataInputStream in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("varint too long");
    }
}
