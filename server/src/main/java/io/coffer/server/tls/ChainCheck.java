package io.coffer.server.tls;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks from a leaf up to a trust anchor by issuer name and signature, through the intermediates sent with it, and
 * says where the walk breaks: an issuer that is none of the anchors, a matching name whose key did not sign, an
 * intermediate that is no CA or is out of date, an anchor that has expired. Revocation is not checked.
 */
final class ChainCheck {

    private static final String PREFIX = "certificate chain does not verify against the given CA: ";
    private static final int MAX_DEPTH = 8;

    private ChainCheck() {
    }

    static Optional<String> problem(X509Certificate leaf, List<X509Certificate> chain,
                                    List<X509Certificate> anchors, Instant now) {
        List<X509Certificate> intermediates = new ArrayList<>(chain);
        intermediates.remove(leaf);
        X509Certificate current = leaf;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            List<X509Certificate> named = byIssuerName(current, anchors);
            for (X509Certificate anchor : named) {
                if (signedBy(current, anchor)) {
                    return CertificateCheck.validityProblem("the CA certificate \""
                            + CertificateFacts.subject(anchor) + "\"", anchor, now, "create a new CA, e.g. with "
                            + "\"coffer tls ca\", and issue the node certificates again");
                }
            }
            if (!named.isEmpty()) {
                return Optional.of(PREFIX + describe(current, leaf) + "'s issuer name \""
                        + CertificateFacts.issuer(current) + "\" matches the CA, but its signature does not verify "
                        + "with that CA's public key: it was signed by a different key under the same name (for "
                        + "example by a CA that has since been re-created); issue it again with the current CA");
            }
            X509Certificate child = current;
            Optional<X509Certificate> next = byIssuerName(child, intermediates).stream()
                    .filter(candidate -> signedBy(child, candidate)).findFirst();
            if (next.isEmpty()) {
                return Optional.of(PREFIX + unlinked(current, leaf, anchors));
            }
            Optional<String> broken = intermediateProblem(next.get(), now);
            if (broken.isPresent()) {
                return broken;
            }
            intermediates.remove(next.get());
            current = next.get();
        }
        return Optional.of(PREFIX + "the chain is longer than " + MAX_DEPTH + " certificates");
    }

    private static String unlinked(X509Certificate current, X509Certificate leaf, List<X509Certificate> anchors) {
        String given = anchors.size() == 1
                ? "the given CA certificate is \"" + CertificateFacts.subject(anchors.get(0)) + "\""
                : "the given CA certificates are " + anchors.stream()
                        .map(a -> "\"" + CertificateFacts.subject(a) + "\"").collect(Collectors.joining(", "));
        if (current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            return describe(current, leaf) + " is self-signed (\"" + CertificateFacts.subject(current)
                    + "\"), and " + given + "; pass the CA that issued it";
        }
        return describe(current, leaf) + " was issued by \"" + CertificateFacts.issuer(current) + "\", but " + given
                + "; pass the CA that issued it (or send the missing intermediate certificate with it)";
    }

    private static Optional<String> intermediateProblem(X509Certificate intermediate, Instant now) {
        String what = "intermediate certificate \"" + CertificateFacts.subject(intermediate) + "\"";
        if (intermediate.getBasicConstraints() < 0) {
            return Optional.of(PREFIX + "the " + what + " is not a CA certificate (no basicConstraints CA:TRUE), so "
                    + "it cannot issue certificates");
        }
        return CertificateCheck.validityProblem("the " + what, intermediate, now,
                "renew it and issue the node certificates again");
    }

    private static String describe(X509Certificate current, X509Certificate leaf) {
        return current == leaf ? "the certificate"
                : "the intermediate certificate \"" + CertificateFacts.subject(current) + "\"";
    }

    private static List<X509Certificate> byIssuerName(X509Certificate cert, List<X509Certificate> candidates) {
        return candidates.stream()
                .filter(c -> c.getSubjectX500Principal().equals(cert.getIssuerX500Principal()))
                .toList();
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
