package io.coffer.api.peerunseal;

/** The host part of a Raft peer address ({@code host:port}, {@code [v6]:port}). */
final class PeerAddress {

    private PeerAddress() {
    }

    static String host(String address) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            return close > 0 ? address.substring(1, close) : address;
        }
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }
}
