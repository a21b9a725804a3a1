package io.coffer.server.cluster;

import io.coffer.server.tls.CertificateCheck;
import io.coffer.server.tls.CertificateFacts;
import io.coffer.server.tls.Eku;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies cluster peers' certificates: the JDK's PKIX validation against {@link ClusterTrust} (chain, validity, and
 * the dialled address when this node is the client), plus the extended key usage of the peer's role, which the JDK
 * waives for certificates without the extension: clientAuth for a peer dialling in, serverAuth for a peer this node
 * dials. A refused certificate fails the handshake with a {@link PeerCertificateRefusedException} whose reasons are
 * {@link CertificateCheck}'s lines; when this node dialled, it also logs them here with the peer's address (when a peer
 * dialled in, {@link HandshakeObserver} logs them with the connection's address). Called on Netty event-loop threads.
 */
final class PeerTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(PeerTrustManager.class);
    /** anyExtendedKeyUsage: TLS stacks accept it in place of any specific usage. */
    private static final String ANY_EKU = "2.5.29.37.0";

    private final ClusterTrust trust;
    private final Clock clock;
    private final LogThrottle throttle;

    PeerTrustManager(ClusterTrust trust, Clock clock, LogThrottle throttle) {
        this.trust = trust;
        this.clock = clock;
        this.throttle = throttle;
    }

    @FunctionalInterface
    private interface Validation {
        void run() throws CertificateException;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, Eku.CLIENT_AUTH, null, () -> trust.delegate().checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        String host = engine == null ? null : engine.getPeerHost();
        verify(chain, Eku.SERVER_AUTH, dialled(host, engine == null ? -1 : engine.getPeerPort(), authType),
                () -> trust.delegate().checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, Eku.CLIENT_AUTH, null, () -> trust.delegate().checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        String host = socket == null || socket.getInetAddress() == null ? null
                : socket.getInetAddress().getHostAddress();
        verify(chain, Eku.SERVER_AUTH, dialled(host, socket == null ? -1 : socket.getPort(), authType),
                () -> trust.delegate().checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, Eku.CLIENT_AUTH, null, () -> trust.delegate().checkClientTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, Eku.SERVER_AUTH, dialled(null, -1, authType),
                () -> trust.delegate().checkServerTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.delegate().getAcceptedIssuers();
    }

    /**
     * The peer this node dialled: the host it asked for (checked against the SAN), "host:port" for logs, and the
     * authType to validate the chain again without the host check (to tell a host mismatch from a foreign chain).
     */
    private record Dialled(String host, String display, String authType) {
    }

    private static Dialled dialled(String host, int port, String authType) {
        return new Dialled(host, host == null ? "an unknown address" : host + ":" + port, authType);
    }

    private void verify(X509Certificate[] chain, Eku role, Dialled dialled, Validation validation)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new PeerCertificateRefusedException("(none)", List.of("the peer presented no certificate"), null);
        }
        CertificateException refusal = null;
        try {
            validation.run();
        } catch (CertificateException e) {
            refusal = e;
        }
        X509Certificate leaf = chain[0];
        if (refusal == null && hasUsage(leaf, role)) {
            return;
        }
        List<String> hosts = dialled == null || dialled.host() == null ? List.of() : List.of(dialled.host());
        Instant now = clock.instant();
        List<String> reasons = CertificateCheck.problems(leaf, List.of(chain), trust.anchors(), hosts, now,
                EnumSet.of(role));
        if (reasons.isEmpty()) {
            reasons = List.of(refusal == null ? "it lacks the " + role.shortName() + " extended key usage"
                    : "its chain does not validate against " + trust.source() + ": " + refusal.getMessage());
        }
        PeerCertificateRefusedException refused =
                new PeerCertificateRefusedException(CertificateFacts.subject(leaf), reasons, refusal);
        if (dialled != null) {
            logDialled(refused, dialled.display());
        }
        throw RefusalAlert.carry(refused, leaf, role, refusal != null && dialled != null
                && chainTrustedIgnoringHost(chain, dialled.authType()), now);
    }

    private boolean chainTrustedIgnoringHost(X509Certificate[] chain, String authType) {
        try {
            trust.delegate().checkServerTrusted(chain, authType);
            return true;
        } catch (CertificateException e) {
            return false;
        }
    }

    private void logDialled(PeerCertificateRefusedException refused, String peer) {
        long held = throttle.admit("dialled " + peer + " " + refused.getMessage());
        if (held >= 0) {
            LOG.warn("refused cluster peer certificate {} (from {}, which this node dialled): {}. "
                            + "This node trusts the CA from {}{}", refused.subject(), peer,
                    String.join("; ", refused.reasons()), trust.source(), throttle.suffix(held));
        }
    }

    /** Whether {@code cert} allows {@code role}: the usage listed, or anyExtendedKeyUsage. No extension: refused. */
    static boolean hasUsage(X509Certificate cert, Eku role) {
        Optional<List<String>> oids = CertificateFacts.extendedKeyUsageOids(cert);
        return oids.isPresent() && (oids.get().contains(role.oid()) || oids.get().contains(ANY_EKU));
    }
}
