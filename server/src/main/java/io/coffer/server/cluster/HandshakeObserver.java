package io.coffer.server.cluster;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumSet;
import java.util.Optional;
import org.apache.ratis.grpc.server.GrpcServices;
import org.apache.ratis.thirdparty.io.grpc.netty.GrpcHttp2ConnectionHandler;
import org.apache.ratis.thirdparty.io.grpc.netty.InternalProtocolNegotiator;
import org.apache.ratis.thirdparty.io.grpc.netty.InternalProtocolNegotiators;
import org.apache.ratis.thirdparty.io.grpc.netty.NettyServerBuilder;
import org.apache.ratis.thirdparty.io.netty.channel.ChannelHandler;
import org.apache.ratis.thirdparty.io.netty.channel.ChannelHandlerContext;
import org.apache.ratis.thirdparty.io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslContext;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslHandler;
import org.apache.ratis.thirdparty.io.netty.util.AsciiString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the TLS handshakes of peers dialling this node's cluster port and logs each failure with the peer's
 * address and a reason ({@link HandshakeFailures}): a certificate this node refused, no certificate at all, a peer
 * that refused this node's certificate, a peer without TLS. gRPC itself logs none of these.
 *
 * <p>Ratis applies this {@link GrpcServices.Customizer} to the cluster port's {@link NettyServerBuilder} after
 * setting its TLS context; it swaps in gRPC's own server TLS negotiator for an equivalent {@code sslContext} and puts
 * a pass-through handler behind it in each connection's pipeline. Only the logging is added: the handshake itself,
 * client authentication included, is gRPC's and Ratis's, unchanged.
 */
final class HandshakeObserver implements GrpcServices.Customizer {

    private static final Logger LOG = LoggerFactory.getLogger(HandshakeObserver.class);

    private final SslContext sslContext;
    private final LogThrottle throttle;

    /** {@code sslContext}: the server context Ratis builds from the same {@code GrpcTlsConfig}. */
    HandshakeObserver(SslContext sslContext, LogThrottle throttle) {
        this.sslContext = sslContext;
        this.throttle = throttle;
    }

    @Override
    public NettyServerBuilder customize(NettyServerBuilder builder, EnumSet<GrpcServices.Type> types) {
        return builder.protocolNegotiator(new Negotiator(InternalProtocolNegotiators.serverTls(sslContext)));
    }

    /** Logs {@code failure} from a connection with {@code remote}, unless it is not about TLS. */
    void report(Throwable failure, SocketAddress remote) {
        String peer = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
        Optional<HandshakeFailures.Report> report = HandshakeFailures.explain(failure, peer);
        if (report.isEmpty()) {
            LOG.debug("cluster connection from {} closed during the TLS handshake", peer, failure);
            return;
        }
        long held = throttle.admit(report.get().kind() + " " + report.get().message());
        if (held >= 0) {
            LOG.warn("{}{}", report.get().message(), throttle.suffix(held));
        }
    }

    /** gRPC's server TLS negotiator, with a {@link Watch} behind its handler. */
    private final class Negotiator implements InternalProtocolNegotiator.ProtocolNegotiator {
        private final InternalProtocolNegotiator.ProtocolNegotiator tls;

        Negotiator(InternalProtocolNegotiator.ProtocolNegotiator tls) {
            this.tls = tls;
        }

        @Override
        public AsciiString scheme() {
            return tls.scheme();
        }

        @Override
        public ChannelHandler newHandler(GrpcHttp2ConnectionHandler grpcHandler) {
            return new Watch(tls.newHandler(grpcHandler));
        }

        @Override
        public void close() {
            tls.close();
        }
    }

    /**
     * Installs gRPC's negotiation handler in front of itself, then sees the exceptions that handler passes on: a
     * failed handshake arrives here before gRPC closes the connection. One report per connection; exceptions after
     * a completed handshake are not this class's business.
     */
    private final class Watch extends ChannelInboundHandlerAdapter {
        private final ChannelHandler negotiation;
        private boolean reported;

        Watch(ChannelHandler negotiation) {
            this.negotiation = negotiation;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().addBefore(ctx.name(), null, negotiation);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            boolean handshakeDone = ssl != null && ssl.handshakeFuture().isSuccess();
            if (!reported && !handshakeDone) {
                reported = true;
                report(cause, ctx.channel().remoteAddress());
            }
            ctx.fireExceptionCaught(cause);
        }
    }
}
