package io.coffer.server.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** Reads the parts of a certificate that the checks and the summaries talk about, in openssl's words. */
public final class CertificateFacts {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateFacts() {
    }

    /** The subject as an RFC 2253 string, e.g. {@code CN=Vault Root CA,O=Your Organization,L=City,ST=State,C=US}. */
    public static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }

    public static String issuer(X509Certificate cert) {
        return cert.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    /**
     * The DNS and IP subjectAltName entries as {@code DNS:name} and {@code IP:address}, in certificate order; empty
     * when the extension is absent (other name types, e.g. e-mail, are left out).
     */
    public static Optional<List<String>> subjectAltNames(X509Certificate cert) {
        Collection<List<?>> entries;
        try {
            entries = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable subjectAltName extension: " + e.getMessage(), e);
        }
        if (entries == null) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (List<?> entry : entries) {
            int type = (Integer) entry.get(0);
            if (type == SAN_DNS) {
                out.add("DNS:" + entry.get(1));
            } else if (type == SAN_IP) {
                out.add("IP:" + entry.get(1));
            }
        }
        return Optional.of(out);
    }

    /**
     * The extended key usage OIDs, empty when the certificate has no extendedKeyUsage extension at all (which is
     * not the same as an extension listing nothing useful).
     */
    public static Optional<List<String>> extendedKeyUsageOids(X509Certificate cert) {
        try {
            List<String> oids = cert.getExtendedKeyUsage();
            return oids == null ? Optional.empty() : Optional.of(List.copyOf(oids));
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable extendedKeyUsage extension: " + e.getMessage(), e);
        }
    }

    /** Extended key usages by openssl config name ({@code serverAuth}, {@code clientAuth}), else by OID. */
    public static List<String> extendedKeyUsageNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        for (String oid : extendedKeyUsageOids(cert).orElse(List.of())) {
            names.add(oid.equals(Eku.ANY_OID) ? "anyExtendedKeyUsage"
                    : Eku.byOid(oid).map(Eku::shortName).orElse(oid));
        }
        return names;
    }

    /**
     * One line: subject, SANs, EKUs and validity, e.g. {@code subject CN=node1; SANs DNS:node1, IP:10.0.0.1;
     * EKUs serverAuth, clientAuth; valid 2025-01-01T00:00:00Z until 2026-01-01T00:00:00Z}.
     */
    public static String summary(X509Certificate cert) {
        String sans = subjectAltNames(cert).map(list -> list.isEmpty() ? "(none)" : String.join(", ", list))
                .orElse("(no extension)");
        String ekus = extendedKeyUsageOids(cert).isPresent() ? String.join(", ", extendedKeyUsageNames(cert))
                : "(no extension)";
        return "subject " + subject(cert) + "; SANs " + sans + "; EKUs " + ekus + "; valid "
                + notBefore(cert) + " until " + notAfter(cert);
    }

    /** Whether the certificate's DNS or IP subjectAltNames cover {@code host}; the subject CN is never consulted. */
    public static boolean covers(X509Certificate cert, String host) {
        return subjectAltNames(cert).map(sans -> HostMatcher.covers(sans, host)).orElse(false);
    }

    static Instant notBefore(X509Certificate cert) {
        return cert.getNotBefore().toInstant();
    }

    static Instant notAfter(X509Certificate cert) {
        return cert.getNotAfter().toInstant();
    }
}
