package io.coffer.server.cli;

import io.coffer.api.ApiOptions;
import io.coffer.api.core.NodeIdentity;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.server.CofferNode;
import io.coffer.server.NodeSettings;
import io.coffer.server.testing.Ports;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import java.util.List;

/** One real Coffer node (Raft, RocksDB, HTTP API) on free loopback ports, plain HTTP or HTTPS. */
final class TestNode implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final CofferNode node;
    private final String address;

    private TestNode(CofferNode node, String address) {
        this.node = node;
        this.address = address;
    }

    static TestNode start(Path dataDir) {
        return start(dataDir, null);
    }

    /** Starts a node; with {@code tls} its API listener speaks HTTPS. */
    static TestNode start(Path dataDir, SslContext tls) {
        int apiPort = Ports.free(HOST);
        int clusterPort = Ports.free(HOST);
        String scheme = tls == null ? "http" : "https";
        String address = scheme + "://" + HOST + ":" + apiPort;
        NodeIdentity id = new NodeIdentity("node1", address, "https://" + HOST + ":" + clusterPort);
        CofferNode node = CofferNode.start(new NodeSettings(id, dataDir, List.of(new ApiServerOptions(HOST, apiPort,
                tls, ApiServerOptions.DEFAULT_MAX_REQUEST_SIZE, 60, true)), HOST, clusterPort, 0,
                ApiOptions.defaults()));
        return new TestNode(node, address);
    }

    String address() {
        return address;
    }

    @Override
    public void close() {
        node.close();
    }
}
