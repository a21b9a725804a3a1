package io.coffer.server.cluster;

import java.io.IOException;

/**
 * The cluster port cannot run mutual TLS with the configured material: a file is unreadable, the key does not belong
 * to the certificate, or the certificate is unfit (see {@link NodeCertificate#problems}). The message names the
 * problem and the fix; the server prints it and exits with status 1 before Raft starts.
 */
public final class ClusterTlsException extends IOException {

    private static final long serialVersionUID = 1L;

    public ClusterTlsException(String message) {
        super(message);
    }

    public ClusterTlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
