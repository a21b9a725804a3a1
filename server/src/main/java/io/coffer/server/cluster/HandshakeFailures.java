package io.coffer.server.cluster;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns a failed TLS handshake on the cluster port, seen from the accepting side, into one plain-words log line.
 * Pure. The TLS stacks (BoringSSL through netty-tcnative, or the JDK) only say what went wrong in their exception
 * messages, so the kinds are told apart by the codes in those messages; anything unrecognised is still reported,
 * with the stack's own words and the usual remedies.
 */
final class HandshakeFailures {

    /** BoringSSL's {@code SSLV3_ALERT_BAD_CERTIFICATE}, {@code TLSV1_ALERT_UNKNOWN_CA}, ... */
    private static final Pattern OPENSSL_ALERT = Pattern.compile("(?:SSLV3|TLSV1|TLSV13)_ALERT_([A-Z_]+)");
    /** The JDK's {@code Received fatal alert: bad_certificate}. */
    private static final Pattern JDK_ALERT = Pattern.compile("[Rr]eceived fatal alert: ([a-z_]+)");

    static final String REMEDY = "check that every node's certificate carries both serverAuth and clientAuth, "
            + "covers its cluster_addr, and is signed by the CA the other nodes trust";

    private HandshakeFailures() {
    }

    /**
     * One report about a failed handshake.
     *
     * @param kind    what happened, a short stable word (for throttling and tests)
     * @param message the log line
     */
    record Report(String kind, String message) {
    }

    /**
     * The report for {@code failure}, raised while a peer at {@code peer} (an IP address) was dialling in; empty
     * when nothing in it is TLS (the peer just went away, e.g. a port probe).
     */
    static Optional<Report> explain(Throwable failure, String peer) {
        Optional<PeerCertificateRefusedException> refused = find(failure, PeerCertificateRefusedException.class);
        if (refused.isPresent()) {
            return Optional.of(new Report("refused-certificate", "refused cluster peer certificate "
                    + refused.get().subject() + " (from " + peer + ", which dialled this node): "
                    + String.join("; ", refused.get().reasons())));
        }
        Optional<SSLException> ssl = find(failure, SSLException.class);
        if (ssl.isEmpty()) {
            return Optional.empty();
        }
        String text = messages(failure);
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.contains("PEER_DID_NOT_RETURN_A_CERTIFICATE") || upper.contains("EMPTY CLIENT CERTIFICATE CHAIN")) {
            return Optional.of(new Report("no-certificate", "refused a cluster connection from " + peer
                    + ": the peer presented no client certificate, and the cluster port requires mutual TLS. Every "
                    + "node must present its own certificate (the listener's tls_cert_file), signed by the cluster "
                    + "CA, with serverAuth and clientAuth"));
        }
        if (upper.contains("NOT_SSL_RECORD") || upper.contains("NOT AN SSL/TLS RECORD")
                || upper.contains("UNRECOGNIZED SSL MESSAGE") || upper.contains("WRONG_VERSION_NUMBER")) {
            return Optional.of(new Report("not-tls", "refused a cluster connection from " + peer + ": the peer "
                    + "does not speak TLS on the cluster port. Is its listener set to tls_disable = true? All nodes "
                    + "must agree: mutual TLS on every node, or (development only) plain on every node"));
        }
        Optional<String> alert = alert(text).filter(HandshakeFailures::aboutCertificates);
        if (alert.isPresent()) {
            return Optional.of(new Report("peer-refused", "cluster peer " + peer + " refused this node's "
                    + "certificate during the TLS handshake (TLS alert: " + alert.get() + meaning(alert.get())
                    + "); the peer's log names the reason. " + capitalised(REMEDY)));
        }
        return Optional.of(new Report("handshake-failed", "TLS handshake with cluster peer " + peer + " failed: "
                + ssl.get().getMessage() + "; " + REMEDY));
    }

    /** The alert the peer sent, in lower case as in RFC 8446 ({@code bad_certificate}), if the text names one. */
    static Optional<String> alert(String text) {
        Matcher openssl = OPENSSL_ALERT.matcher(text);
        if (openssl.find()) {
            return Optional.of(openssl.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher jdk = JDK_ALERT.matcher(text);
        return jdk.find() ? Optional.of(jdk.group(1)) : Optional.empty();
    }

    /** Whether {@code alert} says the peer refused a certificate (not e.g. a protocol version or cipher mismatch). */
    static boolean aboutCertificates(String alert) {
        return alert.contains("certificate") || alert.equals("unknown_ca") || alert.equals("access_denied");
    }

    /** What the alerts a Coffer peer sends when it refuses a certificate ({@link RefusalAlert}) say. */
    static String meaning(String alert) {
        return switch (alert) {
            case "unknown_ca" -> ", the peer does not trust the CA that signed this node's certificate";
            case "unsupported_certificate" -> ", the peer found a required extended key usage (serverAuth or "
                    + "clientAuth) missing from this node's certificate";
            case "certificate_expired" -> ", the peer considers this node's certificate expired or not yet valid; "
                    + "check both clocks";
            case "certificate_required" -> ", the peer received no certificate from this node";
            default -> "";
        };
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String messages(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
