package io.coffer.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ratis's warning about a dialled peer that refused this node's certificate, turned into a plain-words hint. */
class RaftTlsHintsTest {

    private static final String RATIS = "node-1@group-F3E0D55DD847->node-2-AppendLogResponseHandler: Failed "
            + "appendEntries: org.apache.ratis.thirdparty.io.grpc.StatusRuntimeException: UNAVAILABLE: io exception\n"
            + "  Caused by: javax.net.ssl.SSLHandshakeException: error:10000418:SSL routines:OPENSSL_internal:";

    @Test
    void refusedCertificateAlertNamesThePeerAndWhatTheAlertMeans() {
        assertThat(RaftTlsHints.hint(RATIS + "TLSV1_ALERT_UNKNOWN_CA")).hasValueSatisfying(hint -> assertThat(hint)
                .startsWith("TLS handshake with cluster peer node-2 fails: the peer refused this node's certificate "
                        + "(TLS alert: unknown_ca, the peer does not trust the CA that signed this node's "
                        + "certificate)"));
    }

    @Test
    void refusalsThisNodeAlreadyExplainedAndNonCertificateAlertsGetNoHint() {
        assertThat(RaftTlsHints.hint(RATIS + "x\n  Caused by: refused cluster peer certificate CN=node-2: ..."))
                .isEmpty();
        assertThat(RaftTlsHints.hint(RATIS + "TLSV1_ALERT_PROTOCOL_VERSION")).isEmpty();
        assertThat(RaftTlsHints.hint("Failed appendEntries: UNAVAILABLE: io exception")).isEmpty();
    }
}
