package io.coffer.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Syntax check for IP addresses and CIDR blocks; never resolves host names. */
final class Cidr {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private Cidr() {
    }

    static boolean isValid(String text) {
        int slash = text.indexOf('/');
        String ip = slash < 0 ? text : text.substring(0, slash);
        boolean v4 = IPV4.matcher(ip).matches();
        if (v4 ? !validOctets(ip) : !validIpv6(ip)) {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        try {
            int bits = Integer.parseInt(text.substring(slash + 1));
            return bits >= 0 && bits <= (v4 ? 32 : 128);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean validOctets(String ip) {
        for (String octet : ip.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Only called on text containing ':', which the JDK parses as a literal without any lookup. */
    private static boolean validIpv6(String ip) {
        if (!IPV6.matcher(ip).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(ip);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
