package io.coffer.server;

import io.coffer.api.ApiNode;
import io.coffer.api.http.ApiServer;
import io.coffer.api.http.ApiServerOptions;
import io.coffer.server.join.HttpsLeaderClient;
import io.coffer.server.peerunseal.PeerUnseal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root of one node: storage, the API, and its listeners. */
public final class CofferNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CofferNode.class);

    private final RaftStorageHost storage;
    private final ApiNode api;
    private final List<ApiServer> servers = new ArrayList<>();
    private final PeerUnseal peerUnseal;

    private CofferNode(NodeSettings settings) {
        this.peerUnseal = settings.raft().unsealFromPeers() && settings.clusterTls() != null
                ? PeerUnseal.over(settings.clusterTls()) : null;
        this.storage = new RaftStorageHost(RaftStorageHost.config(settings,
                peerUnseal == null ? null : peerUnseal.customizer()));
        this.api = new ApiNode(storage, settings.identity(), Clock.systemUTC(), settings.api(),
                new HttpsLeaderClient(settings.join().defaultCaPem()));
        if (peerUnseal != null) {
            peerUnseal.bind(api.seal(), storage, settings.identity().nodeId());
        }
    }

    /** Starts storage (when it has state) and every listener; on failure stops what it started. */
    public static CofferNode start(NodeSettings settings) {
        CofferNode node = new CofferNode(settings);
        try {
            for (ApiServerOptions options : settings.listeners()) {
                node.servers.add(ApiServer.start(options, node.api.handler()));
                LOG.info("API listener on {}://{}:{}", options.sslContext() == null ? "http" : "https",
                        options.host(), options.port());
            }
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        node.api.raft().start();
        node.api.raft().joiner().retryJoin(settings.join().retryJoin());
        if (node.peerUnseal != null) {
            node.peerUnseal.start();
        }
        LOG.info("node {} started; api_addr {}, cluster_addr {}", settings.identity().nodeId(),
                settings.identity().apiAddr(), settings.identity().clusterAddr());
        return node;
    }

    public ApiNode api() {
        return api;
    }

    /** Bound port of the first listener (tests bind port 0). */
    public int apiPort() {
        return servers.get(0).port();
    }

    @Override
    public void close() {
        if (peerUnseal != null) {
            peerUnseal.close();
        }
        servers.forEach(ApiServer::close);
        api.raft().close();
        storage.close();
    }
}
