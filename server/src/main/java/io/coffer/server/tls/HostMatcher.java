package io.coffer.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.util.IPAddress;

/**
 * Whether subjectAltName entries cover a host, by the rules Go's crypto/x509 and Java's HostnameChecker share:
 * an IP address matches only {@code IP:} entries, byte for byte; a host name matches {@code DNS:} entries
 * case-insensitively, ignoring a trailing dot, and a wildcard is allowed only as the whole leftmost label, where it
 * stands for exactly one label ({@code *.example.com} covers {@code a.example.com}, not {@code example.com} nor
 * {@code a.b.example.com}). The subject CN is never consulted.
 */
final class HostMatcher {

    private HostMatcher() {
    }

    /** {@code sans} as {@link CertificateFacts#subjectAltNames} spells them. */
    static boolean covers(List<String> sans, String host) {
        if (isIpLiteral(host)) {
            byte[] wanted = ipBytes(host);
            return sans.stream().filter(s -> s.startsWith("IP:"))
                    .anyMatch(s -> Arrays.equals(wanted, ipBytes(s.substring(3))));
        }
        return sans.stream().filter(s -> s.startsWith("DNS:")).anyMatch(s -> dnsMatches(s.substring(4), host));
    }

    static boolean isIpLiteral(String host) {
        return IPAddress.isValid(stripBrackets(host));
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = normalise(pattern);
        String h = normalise(host);
        if (p.isEmpty() || h.isEmpty()) {
            return false;
        }
        if (p.equals(h)) {
            return true;
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false;
        }
        int firstDot = h.indexOf('.');
        return firstDot > 0 && h.substring(firstDot).equals(p.substring(1));
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Only ever called with a validated literal, so no name lookup happens. */
    private static byte[] ipBytes(String literal) {
        String bare = stripBrackets(literal);
        if (!IPAddress.isValid(bare)) {
            return new byte[0];
        }
        try {
            return InetAddress.getByName(bare).getAddress();
        } catch (UnknownHostException e) {
            return new byte[0];
        }
    }
}
