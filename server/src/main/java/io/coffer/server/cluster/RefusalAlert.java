package io.coffer.server.cluster;

import io.coffer.server.tls.Eku;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.OpenSsl;
import org.apache.ratis.thirdparty.io.netty.handler.ssl.OpenSslCertificateException;
import org.apache.ratis.thirdparty.io.netty.internal.tcnative.CertificateVerifier;

/**
 * Picks the TLS alert a refused peer receives, so that its own log can say more than "internal error": BoringSSL
 * turns the X.509 verify code of an {@link OpenSslCertificateException} into the alert ({@code unsupported_certificate}
 * for a missing usage, {@code certificate_expired}, {@code unknown_ca} for a foreign chain). With the JDK's TLS the
 * refusal is thrown as is.
 */
final class RefusalAlert {

    private RefusalAlert() {
    }

    /** {@code refused}, wrapped to carry the verify code of its main problem when BoringSSL does the handshake. */
    static CertificateException carry(PeerCertificateRefusedException refused, X509Certificate leaf, Eku role,
                                      boolean hostMismatch, Instant now) {
        if (!OpenSsl.isAvailable()) {
            return refused;
        }
        return new OpenSslCertificateException(refused.getMessage(), refused, code(leaf, role, hostMismatch, now));
    }

    private static int code(X509Certificate leaf, Eku role, boolean hostMismatch, Instant now) {
        if (!PeerTrustManager.hasUsage(leaf, role)) {
            return CertificateVerifier.X509_V_ERR_INVALID_PURPOSE;
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return CertificateVerifier.X509_V_ERR_CERT_HAS_EXPIRED;
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return CertificateVerifier.X509_V_ERR_CERT_NOT_YET_VALID;
        }
        if (hostMismatch) {
            return CertificateVerifier.X509_V_ERR_CERT_REJECTED;
        }
        return CertificateVerifier.X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY;
    }
}
