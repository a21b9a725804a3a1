package io.coffer.server.peerunseal;

import io.coffer.api.peerunseal.PeerUnsealRefusedException;
import io.coffer.api.peerunseal.PeerUnsealer;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.grpc.GrpcUtil;
import org.apache.ratis.thirdparty.io.grpc.CallOptions;
import org.apache.ratis.thirdparty.io.grpc.ManagedChannel;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.apache.ratis.thirdparty.io.grpc.StatusRuntimeException;
import org.apache.ratis.thirdparty.io.grpc.netty.GrpcSslContexts;
import org.apache.ratis.thirdparty.io.grpc.netty.NettyChannelBuilder;
import org.apache.ratis.thirdparty.io.grpc.stub.ClientCalls;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslContext;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslContextBuilder;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslProvider;

/**
 * The requester's side of {@link PeerUnsealGrpc#EXCHANGE}: one short-lived gRPC channel per attempt to the leader's
 * cluster address, with the same mutual TLS as Raft (this node's certificate, the cluster CA). Nothing goes over the
 * API port. Thread-safe.
 */
public final class GrpcPeerUnsealTransport implements PeerUnsealer.Transport {

    private final SslContext ssl;

    /** Dials with {@code tls}: the key and certificate presented, the CA trusted. */
    public GrpcPeerUnsealTransport(GrpcTlsConfig tls) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forClient();
        GrpcUtil.setKeyManager(builder, tls.getKeyManager());
        GrpcUtil.setTrustManager(builder, tls.getTrustManager());
        this.ssl = GrpcSslContexts.configure(builder, SslProvider.OPENSSL).build();
    }

    @Override
    public byte[] exchange(String address, byte[] request, Duration timeout) throws IOException {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IOException("not a host:port address: " + address);
        }
        String host = address.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(address.substring(colon + 1));
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).sslContext(ssl).build();
        try {
            return ClientCalls.blockingUnaryCall(channel, PeerUnsealGrpc.EXCHANGE,
                    CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS), request);
        } catch (StatusRuntimeException e) {
            Optional<PeerUnsealRefusedException> refusal = PeerUnsealGrpc.refusal(e);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                throw new IOException("the peer does not offer unseal_from_peers; set it on every node", e);
            }
            throw new IOException(e.getStatus().getCode() + (e.getStatus().getDescription() == null ? ""
                    : ": " + e.getStatus().getDescription()), e);
        } finally {
            channel.shutdownNow();
            try {
                channel.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
