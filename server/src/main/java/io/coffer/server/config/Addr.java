package io.coffer.server.config;

/**
 * Minimal parsing of {@code host:port} bind addresses and {@code scheme://host[:port]} advertised addresses.
 * Written by hand because {@link java.net.URI#getHost()} rejects host names with underscores, which container
 * setups use routinely. IPv6 hosts are written in brackets and returned without them.
 */
final class Addr {
    private Addr() {
    }

    /** A bind address such as {@code 0.0.0.0:8200} or {@code [::]:8200}. */
    record HostPort(String host, int port) {
        String urlHost() {
            return bracket(host);
        }
    }

    /** An advertised address such as {@code https://vault1.example.com:8200}; port is -1 when absent. */
    record Url(String scheme, String host, int port) {
        int portOr(int fallback) {
            return port < 0 ? fallback : port;
        }

        @Override
        public String toString() {
            return scheme + "://" + bracket(host) + (port < 0 ? "" : ":" + port);
        }
    }

    static String bracket(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    static boolean isTemplate(String text) {
        return text.contains("{{");
    }

    static HostPort hostPort(String text, String where) {
        String t = text.trim();
        if (isTemplate(t)) {
            throw Values.error(where, "go-sockaddr templates are not supported, got " + Values.describe(text));
        }
        int colon = t.lastIndexOf(':');
        boolean ipv6NoPort = t.startsWith("[") && t.endsWith("]");
        if (colon < 0 || ipv6NoPort || !t.startsWith("[") && t.indexOf(':') != colon) {
            throw Values.error(where, "expected host:port, got " + Values.describe(text));
        }
        String hostPart = t.substring(0, colon);
        String host = hostPart.isEmpty() ? "0.0.0.0" : unbracket(hostPart, text, where);
        return new HostPort(host, port(t.substring(colon + 1), text, where));
    }

    static Url url(String text, String where) {
        String t = text.trim();
        if (isTemplate(t)) {
            throw Values.error(where, "go-sockaddr templates are not supported, got " + Values.describe(text));
        }
        int sep = t.indexOf("://");
        String scheme = sep < 0 ? "" : t.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw Values.error(where, "expected a URL such as \"https://host:8200\", got " + Values.describe(text));
        }
        String authority = t.substring(sep + 3);
        int slash = authority.indexOf('/');
        authority = slash < 0 ? authority : authority.substring(0, slash);
        int close = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        boolean hasPort = colon > close && (authority.startsWith("[") || authority.indexOf(':') == colon);
        String host = unbracket(hasPort ? authority.substring(0, colon) : authority, text, where);
        int port = hasPort ? port(authority.substring(colon + 1), text, where) : -1;
        return new Url(scheme, host, port);
    }

    private static String unbracket(String host, String text, String where) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isEmpty() || h.contains("[") || h.contains("]") || h.contains("@")) {
            throw Values.error(where, "invalid host in " + Values.describe(text));
        }
        return h;
    }

    private static int port(String digits, String text, String where) {
        try {
            int port = Integer.parseInt(digits);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Values.error(where, "invalid port in " + Values.describe(text));
    }
}
