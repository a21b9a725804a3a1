package io.coffer.server.cluster;

import java.security.cert.CertificateException;
import java.util.List;

/**
 * A cluster peer's certificate was refused by {@link PeerTrustManager}, with the reasons in
 * {@link io.coffer.server.tls.CertificateCheck}'s words. The TLS stack carries it as the cause of the failed
 * handshake, where {@link HandshakeFailures} finds it again to log it with the peer's address.
 */
final class PeerCertificateRefusedException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final String subject;
    private final List<String> reasons;

    PeerCertificateRefusedException(String subject, List<String> reasons, Throwable cause) {
        super("refused cluster peer certificate " + subject + ": " + String.join("; ", reasons), cause);
        this.subject = subject;
        this.reasons = List.copyOf(reasons);
    }

    /** The refused certificate's subject, e.g. {@code CN=vault3}. */
    String subject() {
        return subject;
    }

    List<String> reasons() {
        return reasons;
    }
}
