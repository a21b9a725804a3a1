package io.coffer.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's host name, as Vault reports it in metrics. */
final class Hostname {

    private Hostname() {
    }

    static String get() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
