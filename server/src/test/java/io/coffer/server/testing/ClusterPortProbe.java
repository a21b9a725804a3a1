package io.coffer.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Dials a node's cluster port the way a Raft peer would (TLS, ALPN h2) from a chosen loopback address, presenting
 * whatever certificate the test gives, and reports whether the node let the connection through.
 */
public final class ClusterPortProbe {

    private ClusterPortProbe() {
    }

    /**
     * Connects from {@code fromIp} to {@code host:port}, completes the handshake and waits up to two seconds for the
     * server to refuse (with TLS 1.3 a refused client certificate is reported after the client's side finished).
     *
     * @return "accepted", or a description of how the connection failed
     */
    public static String dial(SSLContext context, String fromIp, String host, int port) {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(fromIp), 0));
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(2_000);
            SSLParameters params = socket.getSSLParameters();
            params.setApplicationProtocols(new String[] {"h2"});
            socket.setSSLParameters(params);
            socket.startHandshake();
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes());
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return in.read() < 0 ? "closed by the node" : "accepted";
        } catch (SocketTimeoutException e) {
            return "accepted";
        } catch (IOException e) {
            return "refused: " + e;
        }
    }
}
