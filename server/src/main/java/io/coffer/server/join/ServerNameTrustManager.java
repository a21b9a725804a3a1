package io.coffer.server.join;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies a server chain with the wrapped trust manager, then checks the leaf's subjectAltNames against a fixed
 * name ({@code leader_tls_servername}) instead of the host that was dialled: DNS names case-insensitively with a
 * whole-leftmost-label wildcard, IP addresses literally. Used only as a client.
 */
final class ServerNameTrustManager extends X509ExtendedTrustManager {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final X509TrustManager delegate;
    private final String serverName;

    ServerNameTrustManager(X509TrustManager delegate, String serverName) {
        this.delegate = delegate;
        this.serverName = serverName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        if (!covers(chain[0])) {
            throw new CertificateException("certificate is not valid for " + serverName);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server-side trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private boolean covers(X509Certificate leaf) throws CertificateParsingException {
        Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
        if (sans == null) {
            return false;
        }
        for (List<?> san : sans) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
            if ((type == SAN_IP && value.equals(serverName)) || (type == SAN_DNS && dnsMatches(value))) {
                return true;
            }
        }
        return false;
    }

    private boolean dnsMatches(String pattern) {
        if (pattern.equals(serverName)) {
            return true;
        }
        int dot = serverName.indexOf('.');
        return pattern.startsWith("*.") && pattern.indexOf('*', 1) < 0 && dot > 0
                && serverName.substring(dot).equals(pattern.substring(1));
    }
}
