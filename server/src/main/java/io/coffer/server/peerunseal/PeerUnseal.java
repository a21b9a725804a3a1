package io.coffer.server.peerunseal;

import io.coffer.api.core.SealManager;
import io.coffer.api.core.StorageHost;
import io.coffer.api.peerunseal.PeerUnsealResponder;
import io.coffer.api.peerunseal.PeerUnsealer;
import io.coffer.server.cluster.ClusterTls;
import javax.net.ssl.SSLException;
import org.apache.ratis.grpc.server.GrpcServices;

/**
 * {@code storage "raft" { unseal_from_peers = true }}: both halves on one node. The node serves the key to sealed
 * voters while it is the unsealed leader ({@link PeerUnsealService} on the cluster port) and, after a restart, asks
 * the leader for it ({@link PeerUnsealer}). Needs mutual TLS on the cluster port. Order: {@link #customizer()} goes
 * into the Raft configuration, {@link #bind} once the API exists, {@link #start} when the node has started,
 * {@link #close} on shutdown. See docs/unseal-from-peers.md for the security trade-off.
 */
public final class PeerUnseal implements AutoCloseable {

    private final PeerUnsealService service = new PeerUnsealService();
    private final GrpcPeerUnsealTransport transport;
    private PeerUnsealer requester;

    private PeerUnseal(GrpcPeerUnsealTransport transport) {
        this.transport = transport;
    }

    /** Peer unseal over {@code tls}'s cluster port. */
    public static PeerUnseal over(ClusterTls tls) {
        try {
            return new PeerUnseal(new GrpcPeerUnsealTransport(tls.grpcTlsConfig()));
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS for unseal_from_peers: " + e.getMessage(), e);
        }
    }

    /** Adds the exchange to the cluster port's gRPC server. */
    public GrpcServices.Customizer customizer() {
        return service;
    }

    /** Connects both halves to this node's seal and storage. */
    public synchronized void bind(SealManager seal, StorageHost host, String nodeId) {
        service.bind(new PeerUnsealResponder(seal, host, nodeId));
        requester = new PeerUnsealer(seal, host, nodeId, transport);
    }

    /** Starts asking for the key while this node is sealed. */
    public synchronized void start() {
        requester.start();
    }

    @Override
    public synchronized void close() {
        if (requester != null) {
            requester.close();
        }
    }
}
