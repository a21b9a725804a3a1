package io.coffer.storage;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Builds node configurations on loopback with free ports and waits on cluster conditions (always bounded). */
final class TestNodes {

    private TestNodes() {
    }

    /** A free port on {@code host} (each node binds its own loopback IP, as in production). */
    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RaftNodeConfig.Builder config(Path root, String id, String host) {
        return RaftNodeConfig.builder(id, root.resolve(id), host, freePort(host))
                .requestTimeout(Duration.ofSeconds(5));
    }

    /** The same node (id, dir, address) again, e.g. to recover it after close. */
    static RaftNodeConfig.Builder again(RaftNodeConfig cfg) {
        return RaftNodeConfig.builder(cfg.nodeId(), cfg.dataDir(), cfg.host(), cfg.port())
                .requestTimeout(cfg.requestTimeout()).snapshotThreshold(cfg.snapshotThreshold())
                .logTrailingEntries(cfg.logTrailingEntries()).logSegmentBytes(cfg.logSegmentBytes())
                .tls(cfg.tls());
    }

    static StorageStatus.Peer peer(RaftNodeConfig cfg) {
        return new StorageStatus.Peer(cfg.nodeId(), cfg.address(), true);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(Optional<Entry> entry) {
        return entry.map(e -> new String(e.value(), StandardCharsets.UTF_8)).orElse(null);
    }

    static TxnResult put(Storage storage, String key, String value) {
        return storage.txn(Txn.builder().put(key, bytes(value)).build()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Waits until exactly one of {@code nodes} reports itself leader and returns it. */
    static RaftStorage awaitLeader(List<RaftStorage> nodes) {
        List<RaftStorage> leaders = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            leaders.clear();
            nodes.stream().filter(n -> n.division().getInfo().isLeaderReady()).forEach(leaders::add);
            return leaders.size() == 1;
        });
        return leaders.get(0);
    }

    static void closeAll(List<RaftStorage> nodes) {
        nodes.forEach(RaftStorage::close);
    }
}
