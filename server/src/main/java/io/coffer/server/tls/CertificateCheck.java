package io.coffer.server.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what is wrong with a node certificate and says it in plain words, one line per problem. Pure: no files,
 * no network, no clock of its own. {@code coffer tls verify} prints these lines, and the server logs the same lines
 * when it checks its own certificate at start-up, so a message seen in one place can be searched for in the other.
 *
 * <p>Checks, in this order: a CA certificate used as a node certificate; the extended key usages (serverAuth and
 * clientAuth: Raft peers authenticate each other with mutual TLS, see the guide's "tls: bad certificate" trap);
 * keyUsage without digitalSignature; no subjectAltName, or one that does not cover a given host; the validity
 * window; and, when trust anchors are given, the chain up to one of them ({@link ChainCheck}).
 */
public final class CertificateCheck {

    /** The remedy every extended key usage problem ends with. */
    public static final String REGENERATE_WITH_BOTH_EKUS = "Regenerate it with extendedKeyUsage = serverAuth, "
            + "clientAuth (openssl: -extfile cert.cnf -extensions v3_req) or with \"coffer tls cert\"";

    private CertificateCheck() {
    }

    /**
     * Problems of a certificate a Raft node presents on its cluster port, both as server and as client, so it needs
     * serverAuth and clientAuth.
     *
     * @param leaf         the certificate to check
     * @param chain        the certificates sent with it, leaf first or not at all (intermediates are found by name)
     * @param trustAnchors CA certificates the chain must end in; empty to skip the chain check
     * @param hosts        host names or IP literals the certificate must cover; may be empty
     * @param now          the time to check validity at
     * @return one plain-words line per problem; empty when the certificate is fit for use
     */
    public static List<String> problems(X509Certificate leaf, List<X509Certificate> chain,
                                        List<X509Certificate> trustAnchors, List<String> hosts, Instant now) {
        return problems(leaf, chain, trustAnchors, hosts, now, EnumSet.allOf(Eku.class));
    }

    /** As the five-argument form, requiring only {@code requiredEkus} (e.g. serverAuth for an API listener). */
    public static List<String> problems(X509Certificate leaf, List<X509Certificate> chain,
                                        List<X509Certificate> trustAnchors, List<String> hosts, Instant now,
                                        Set<Eku> requiredEkus) {
        List<String> out = new ArrayList<>();
        if (leaf.getBasicConstraints() >= 0) {
            out.add("certificate is a CA certificate (basicConstraints CA:TRUE); a node must present a leaf "
                    + "certificate issued by the CA, not the CA certificate itself "
                    + "(issue one with \"coffer tls cert\")");
        }
        out.addAll(ekuProblems(leaf, requiredEkus));
        keyUsageProblem(leaf).ifPresent(out::add);
        out.addAll(hostProblems(leaf, hosts));
        validityProblem("certificate", leaf, now, "renew it, e.g. with \"coffer tls cert\"").ifPresent(out::add);
        if (!trustAnchors.isEmpty()) {
            ChainCheck.problem(leaf, chain, trustAnchors, now).ifPresent(out::add);
        }
        return out;
    }

    static List<String> ekuProblems(X509Certificate leaf, Set<Eku> required) {
        if (required.isEmpty()) {
            return List.of();
        }
        Optional<List<String>> oids = CertificateFacts.extendedKeyUsageOids(leaf);
        if (oids.isEmpty()) {
            return List.of(noEkuMessage(required));
        }
        if (oids.get().contains(Eku.ANY_OID)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Eku eku : EnumSet.copyOf(required)) {
            if (!oids.get().contains(eku.oid())) {
                out.add(missingEkuMessage(eku));
            }
        }
        return out;
    }

    private static String noEkuMessage(Set<Eku> required) {
        if (required.size() == Eku.values().length) {
            return "certificate has no extended key usage extension, so it lists neither serverAuth "
                    + "(TLS Web Server Authentication) nor clientAuth (TLS Web Client Authentication); Raft peers "
                    + "present this certificate both as servers and as clients, and Coffer requires both usages "
                    + "(the guide's \"tls: bad certificate\" trap). " + REGENERATE_WITH_BOTH_EKUS;
        }
        Eku eku = required.iterator().next();
        return "certificate has no extended key usage extension, so it does not list " + eku.shortName() + " ("
                + eku.displayName() + "), which Coffer requires here. " + REGENERATE_WITH_BOTH_EKUS;
    }

    private static String missingEkuMessage(Eku eku) {
        if (eku == Eku.CLIENT_AUTH) {
            return "certificate lacks the clientAuth extended key usage (TLS Web Client Authentication); Raft peers "
                    + "present this certificate as clients, so mutual TLS fails with \"tls: bad certificate\". "
                    + REGENERATE_WITH_BOTH_EKUS;
        }
        return "certificate lacks the serverAuth extended key usage (TLS Web Server Authentication); clients and "
                + "Raft peers connecting to this node reject it as a server certificate. " + REGENERATE_WITH_BOTH_EKUS;
    }

    private static Optional<String> keyUsageProblem(X509Certificate leaf) {
        boolean[] usage = leaf.getKeyUsage();
        if (usage != null && !usage[0]) {
            return Optional.of("certificate's key usage lacks digitalSignature, which a TLS server or client needs "
                    + "to sign the handshake (ECDHE, TLS 1.3); use keyUsage = critical, digitalSignature, "
                    + "keyEncipherment");
        }
        return Optional.empty();
    }

    static List<String> hostProblems(X509Certificate leaf, List<String> hosts) {
        Optional<List<String>> sans = CertificateFacts.subjectAltNames(leaf);
        if (sans.isEmpty()) {
            return List.of("certificate has no subjectAltName extension; TLS clients (Go, Java) match host names "
                    + "and IP addresses only against subjectAltName and ignore the subject \""
                    + CertificateFacts.subject(leaf) + "\". Regenerate it with subjectAltName DNS: and IP: entries "
                    + "(openssl: -extfile cert.cnf -extensions v3_req) or with \"coffer tls cert\"");
        }
        List<String> out = new ArrayList<>();
        for (String host : hosts) {
            if (!host.isBlank() && !HostMatcher.covers(sans.get(), host)) {
                out.add(notCoveredMessage(sans.get(), host));
            }
        }
        return out;
    }

    private static String notCoveredMessage(List<String> sans, String host) {
        String listed = sans.isEmpty() ? "no DNS or IP entries" : "lists " + String.join(", ", sans);
        if (HostMatcher.isIpLiteral(host)) {
            String hint = sans.stream().anyMatch(s -> s.equalsIgnoreCase("DNS:" + host))
                    ? " (an IP address must be listed as IP:" + host + ", not DNS:" + host + ")" : "";
            return "certificate does not cover IP address " + host + ": its subjectAltName " + listed + hint;
        }
        String hint = sans.stream().anyMatch(s -> s.startsWith("DNS:*."))
                ? " (a wildcard stands for exactly one leftmost label)" : "";
        return "certificate does not cover host name \"" + host + "\": its subjectAltName " + listed + hint;
    }

    /**
     * {@code what} names the certificate, e.g. {@code certificate} or {@code the CA certificate "CN=..."};
     * {@code remedy} ends the expiry message.
     */
    static Optional<String> validityProblem(String what, X509Certificate cert, Instant now, String remedy) {
        Instant from = CertificateFacts.notBefore(cert);
        Instant until = CertificateFacts.notAfter(cert);
        if (now.isBefore(from)) {
            return Optional.of(what + " is not yet valid: valid from " + from + " until " + until + ", but the time "
                    + "is now " + now + " (check the clocks of this machine and of the one that issued it)");
        }
        if (now.isAfter(until)) {
            return Optional.of(what + " expired on " + until + " (valid from " + from + " until " + until
                    + "); " + remedy);
        }
        return Optional.empty();
    }
}
