package io.coffer.server.cluster;

import io.coffer.server.config.ListenerConfig;
import io.coffer.server.config.ServerConfig;
import io.coffer.server.tls.CertificateFacts;
import io.coffer.storage.RaftNodeConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.grpc.GrpcUtil;
import org.apache.ratis.thirdparty.io.grpc.netty.GrpcSslContexts;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.ClientAuth;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslContext;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslContextBuilder;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.SslProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mutual TLS on the cluster port (Raft over gRPC), built from {@code config.hcl} as the guide lays it out: the
 * node presents the listener's {@code tls_cert_file}/{@code tls_key_file} and trusts the CA named by
 * {@link ClusterTrust}. Before anything starts, {@link #fromConfig} checks the node's own certificate and refuses
 * with the exact problem and its fix (a certificate without clientAuth would otherwise surface as a bare
 * "bad certificate" between peers). At run time {@link PeerTrustManager} and {@link HandshakeObserver} log why a
 * peer was refused, on both sides of the handshake.
 *
 * <p>Immutable; one instance serves the node's Raft server and clients for its lifetime.
 */
public final class ClusterTls {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterTls.class);
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(60);

    private final GrpcTlsConfig grpc;
    private final HandshakeObserver observer;
    private final String summary;

    private ClusterTls(GrpcTlsConfig grpc, HandshakeObserver observer, String summary) {
        this.grpc = grpc;
        this.observer = observer;
        this.summary = summary;
    }

    /**
     * The cluster port's TLS for {@code config}: empty (plain gRPC, with a warning) when every listener has
     * {@code tls_disable = true}, otherwise mutual TLS with the first TLS listener's certificate.
     *
     * @throws ClusterTlsException when the material is unreadable or the certificate is unfit; the message names
     *                             every problem and its fix
     */
    public static Optional<ClusterTls> fromConfig(ServerConfig config, Clock clock) throws ClusterTlsException {
        Optional<ListenerConfig> tlsListener = config.listeners().stream().filter(l -> !l.tlsDisable()).findFirst();
        if (tlsListener.isEmpty()) {
            LOG.warn("cluster port {} runs WITHOUT TLS because the listener sets tls_disable = true: Raft traffic "
                    + "between nodes is neither encrypted in transit nor authenticated. Use this only for "
                    + "development and tests", config.clusterHostPort());
            return Optional.empty();
        }
        ListenerConfig listener = tlsListener.get();
        ClusterTrust trust = ClusterTrust.resolve(listener, config.storage().retryJoin());
        NodeCertificate certificate = NodeCertificate.load(listener.tlsCertFile(), listener.tlsKeyFile());
        List<String> problems = certificate.problems(trust, config.clusterHost(), clock.instant());
        if (!problems.isEmpty()) {
            throw new ClusterTlsException(unfit(certificate, config.clusterAddr(), problems));
        }
        ClusterTls tls = create(certificate, trust, clock);
        LOG.info("cluster port {}: Raft over mutual TLS as {}", config.clusterHostPort(), tls.summary());
        return Optional.of(tls);
    }

    static ClusterTls create(NodeCertificate certificate, ClusterTrust trust, Clock clock)
            throws ClusterTlsException {
        RaftTlsHints.install();
        LogThrottle throttle = new LogThrottle(clock, REPORT_INTERVAL);
        GrpcTlsConfig grpc = new GrpcTlsConfig(certificate.keyManager(), new PeerTrustManager(trust, clock, throttle),
                true);
        HandshakeObserver observer = new HandshakeObserver(serverContext(grpc), throttle);
        String summary = "\"" + CertificateFacts.subject(certificate.leaf()) + "\" (" + certificate.certFile()
                + "), trusting the CA from " + trust.source();
        return new ClusterTls(grpc, observer, summary);
    }

    /** Sets this TLS, and the handshake logging, on a node's Raft configuration. */
    public RaftNodeConfig.Builder applyTo(RaftNodeConfig.Builder builder) {
        return builder.tls(grpc).grpcCustomizer(observer);
    }

    /** The Ratis form, for Raft clients that talk to the cluster port. */
    public GrpcTlsConfig grpcTlsConfig() {
        return grpc;
    }

    /** Which certificate is presented and which CA trusted, for logs. */
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "ClusterTls[" + summary + "]";
    }

    private static String unfit(NodeCertificate certificate, String clusterAddr, List<String> problems) {
        StringBuilder out = new StringBuilder("the certificate in tls_cert_file ").append(certificate.certFile())
                .append(" (\"").append(CertificateFacts.subject(certificate.leaf()))
                .append("\") cannot be used on the cluster port ").append(clusterAddr)
                .append(", where Raft peers authenticate each other with mutual TLS:");
        problems.forEach(p -> out.append(System.lineSeparator()).append("  - ").append(p));
        return out.toString();
    }

    /** The server context Ratis builds from {@code grpc} (same key, trust, client auth and provider). */
    private static SslContext serverContext(GrpcTlsConfig grpc) throws ClusterTlsException {
        SslContextBuilder builder = GrpcUtil.initSslContextBuilderForServer(grpc.getKeyManager());
        builder.clientAuth(ClientAuth.REQUIRE);
        GrpcUtil.setTrustManager(builder, grpc.getTrustManager());
        try {
            return GrpcSslContexts.configure(builder, SslProvider.OPENSSL).build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ClusterTlsException("cannot set up TLS for the cluster port: " + e.getMessage(), e);
        }
    }
}
