package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** How a failed handshake on the cluster port is told in the log of the accepting node. */
class HandshakeFailuresTest {

    private static SSLHandshakeException ssl(String message, Throwable cause) {
        SSLHandshakeException e = new SSLHandshakeException(message);
        e.initCause(cause);
        return e;
    }

    @Test
    void certificateThisNodeRefusedIsToldWithThePeerAddressAndReasons() {
        PeerCertificateRefusedException refused = new PeerCertificateRefusedException("CN=vault3",
                List.of("certificate lacks the clientAuth extended key usage"), null);
        HandshakeFailures.Report report = HandshakeFailures.explain(
                new IOException("wrapped", ssl("General OpenSslEngine problem", refused)), "127.0.0.13").orElseThrow();
        assertThat(report.message()).isEqualTo("refused cluster peer certificate CN=vault3 (from 127.0.0.13, which "
                + "dialled this node): certificate lacks the clientAuth extended key usage");
    }

    @Test
    void peerWithoutCertificateIsToldSo() {
        assertThat(HandshakeFailures.explain(ssl("error:10000417:SSL routines:OPENSSL_internal:"
                + "PEER_DID_NOT_RETURN_A_CERTIFICATE", null), "127.0.0.14").orElseThrow().message())
                .startsWith("refused a cluster connection from 127.0.0.14: the peer presented no client certificate");
        assertThat(HandshakeFailures.explain(ssl("Empty client certificate chain", null), "10.0.0.1")
                .orElseThrow().kind()).isEqualTo("no-certificate");
    }

    @Test
    void alertFromThePeerMeansItRefusedThisNodesCertificate() {
        assertThat(HandshakeFailures.explain(ssl("error:10000416:SSL routines:OPENSSL_internal:"
                + "SSLV3_ALERT_CERTIFICATE_UNKNOWN", null), "127.0.0.11").orElseThrow().message())
                .contains("cluster peer 127.0.0.11 refused this node's certificate")
                .contains("TLS alert: certificate_unknown").contains("serverAuth and clientAuth");
        assertThat(HandshakeFailures.explain(ssl("error:1000042e:SSL routines:OPENSSL_internal:"
                + "TLSV1_ALERT_UNKNOWN_CA", null), "127.0.0.11").orElseThrow().message())
                .contains("(TLS alert: unknown_ca, the peer does not trust the CA that signed this node's "
                        + "certificate)");
        assertThat(HandshakeFailures.alert("Received fatal alert: bad_certificate")).contains("bad_certificate");
        assertThat(HandshakeFailures.alert("TLSV1_ALERT_UNKNOWN_CA")).contains("unknown_ca");
    }

    @Test
    void plainTextPeerIsToldToMatchTlsDisable() {
        assertThat(HandshakeFailures.explain(ssl("not an SSL/TLS record: 505249202a", null), "127.0.0.12")
                .orElseThrow().message()).contains("tls_disable = true");
    }

    @Test
    void otherTlsFailuresKeepTheStacksWordsAndTheRemedy() {
        assertThat(HandshakeFailures.explain(ssl("no cipher suites in common", null), "127.0.0.12")
                .orElseThrow().message()).contains("no cipher suites in common")
                .contains(HandshakeFailures.REMEDY);
    }

    @Test
    void connectionsThatJustCloseAreNotReported() {
        assertThat(HandshakeFailures.explain(new IOException("Connection reset by peer"), "127.0.0.12")).isEmpty();
    }
}
