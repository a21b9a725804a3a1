package io.coffer.server.peerunseal;

import io.coffer.api.peerunseal.PeerUnsealMessages;
import io.coffer.api.peerunseal.PeerUnsealRefusedException;
import io.coffer.api.peerunseal.PeerUnsealResponder;
import io.coffer.server.tls.CertificateFacts;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.apache.ratis.grpc.server.GrpcServices;
import org.apache.ratis.thirdparty.io.grpc.Context;
import org.apache.ratis.thirdparty.io.grpc.Contexts;
import org.apache.ratis.thirdparty.io.grpc.Grpc;
import org.apache.ratis.thirdparty.io.grpc.Metadata;
import org.apache.ratis.thirdparty.io.grpc.ServerCall;
import org.apache.ratis.thirdparty.io.grpc.ServerCallHandler;
import org.apache.ratis.thirdparty.io.grpc.ServerInterceptor;
import org.apache.ratis.thirdparty.io.grpc.ServerInterceptors;
import org.apache.ratis.thirdparty.io.grpc.ServerServiceDefinition;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.apache.ratis.thirdparty.io.grpc.netty.NettyServerBuilder;
import org.apache.ratis.thirdparty.io.grpc.stub.ServerCalls;
import org.apache.ratis.thirdparty.io.grpc.stub.StreamObserver;

/**
 * Serves {@link PeerUnsealGrpc#EXCHANGE} on the cluster port, beside Ratis' own services: a
 * {@link GrpcServices.Customizer} adds it to the port's gRPC server, so it is reached only through the port's
 * mutual TLS (the handshake already refused anyone without a certificate of the cluster CA). Each call hands the
 * {@link PeerUnsealResponder} the caller's verified client certificate, which must cover the cluster address of the
 * voter it claims to be. The responder is bound once the node's API exists; calls before that are told to retry.
 */
final class PeerUnsealService implements GrpcServices.Customizer, ServerInterceptor {

    private static final Context.Key<SSLSession> SESSION = Context.key("coffer-peer-unseal-session");
    private static final Context.Key<SocketAddress> REMOTE = Context.key("coffer-peer-unseal-remote");

    private final AtomicReference<PeerUnsealResponder> responder = new AtomicReference<>();

    void bind(PeerUnsealResponder bound) {
        responder.set(bound);
    }

    @Override
    public NettyServerBuilder customize(NettyServerBuilder builder, EnumSet<GrpcServices.Type> types) {
        if (types.contains(GrpcServices.Type.SERVER)) {
            ServerServiceDefinition service = ServerServiceDefinition.builder(PeerUnsealGrpc.SERVICE)
                    .addMethod(PeerUnsealGrpc.EXCHANGE, ServerCalls.asyncUnaryCall(this::exchange)).build();
            builder.addService(ServerInterceptors.intercept(service, this));
        }
        return builder;
    }

    /** Puts the connection's TLS session and remote address where {@link #exchange} finds them. */
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        Context context = Context.current()
                .withValue(SESSION, call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION))
                .withValue(REMOTE, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
        return Contexts.interceptCall(context, call, headers, next);
    }

    private void exchange(byte[] body, StreamObserver<byte[]> reply) {
        PeerUnsealResponder bound = responder.get();
        X509Certificate client = clientCertificate(SESSION.get());
        if (bound == null || client == null) {
            reply.onError((bound == null ? Status.UNAVAILABLE.withDescription("node is starting")
                    : Status.UNAUTHENTICATED.withDescription("no verified client certificate")).asRuntimeException());
            return;
        }
        try {
            PeerUnsealMessages.Request request = PeerUnsealMessages.Request.decode(body);
            String caller = "\"" + CertificateFacts.subject(client) + "\" from " + address(REMOTE.get());
            reply.onNext(bound.answer(request, host -> CertificateFacts.covers(client, host), caller).encode());
            reply.onCompleted();
        } catch (PeerUnsealRefusedException e) {
            reply.onError(PeerUnsealGrpc.toStatus(e));
        } catch (IllegalArgumentException e) {
            reply.onError(PeerUnsealGrpc.toStatus(new PeerUnsealRefusedException(
                    PeerUnsealRefusedException.Kind.MALFORMED, "malformed request: " + e.getMessage())));
        }
    }

    private static X509Certificate clientCertificate(SSLSession session) {
        if (session == null) {
            return null;
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static String address(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }
}
